package io.hallmark.media;

import java.io.IOException;

/** A file could not be decoded or encoded: unreadable, not a video, or rejected by a {@link MediaLimits} bound. */
public class MediaException extends IOException {
    public MediaException(String message) {
        super(message);
    }

    public MediaException(String message, Throwable cause) {
        super(message, cause);
    }
}
