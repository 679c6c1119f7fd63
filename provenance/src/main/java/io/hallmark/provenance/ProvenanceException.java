package io.hallmark.provenance;

import java.io.IOException;

/** Signing or reading provenance failed; the message names the cause for a person to act on. */
public class ProvenanceException extends IOException {
    public ProvenanceException(String message) {
        super(message);
    }

    public ProvenanceException(String message, Throwable cause) {
        super(message, cause);
    }
}
