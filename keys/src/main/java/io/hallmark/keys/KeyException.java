package io.hallmark.keys;

import java.io.IOException;

/** A key or certificate could not be created, loaded or used; the message names the cause. */
public class KeyException extends IOException {
    public KeyException(String message) {
        super(message);
    }

    public KeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
