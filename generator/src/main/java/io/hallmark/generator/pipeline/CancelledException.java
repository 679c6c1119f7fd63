package io.hallmark.generator.pipeline;

import java.io.IOException;

/** The job was cancelled through its {@link Progress} listener; nothing was written. */
public class CancelledException extends IOException {
    public CancelledException(String stage) {
        super("cancelled while " + stage);
    }
}
