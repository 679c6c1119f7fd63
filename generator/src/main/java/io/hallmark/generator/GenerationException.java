package io.hallmark.generator;

import java.io.IOException;

/** A generator could not start or continue: a model failed to load, a native engine failed, a file is unreadable. */
public class GenerationException extends IOException {
    public GenerationException(String message) {
        super(message);
    }

    public GenerationException(String message, Throwable cause) {
        super(message, cause);
    }
}
