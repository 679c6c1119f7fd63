package io.hallmark.provenance.store;

import java.io.IOException;

/**
 * A manifest look-up that could not be made now: the database or the service could not be reached, did not answer
 * in time, or answered that it is overloaded (429, 500, 502, 503, 504). It says nothing about the file: a verifier
 * that meets it has no verdict to give ("cannot tell now, try again"), never "no provenance". Thrown by
 * {@link ManifestStore} ({@link ManifestStore.Unavailable}) and {@link SoftBindingClient}.
 */
public class LookupUnavailable extends IOException {
    /** @param message what could not be reached, without credentials @param cause the underlying failure */
    public LookupUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
