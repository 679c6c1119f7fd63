package io.hallmark.c2pa;

import java.io.IOException;
import java.util.Locale;

/**
 * An error reported by c2pa-rs. The library reports {@code "Type: message"}; {@link #type()} is that Type,
 * so callers can tell "no manifest" from "bad signature" from "I/O" without parsing strings.
 */
public class C2paException extends IOException {
    /** The error families of c2pa-c-ffi (src/error.rs) plus the FFI layer's own. */
    public enum Type {
        ASSERTION, ASSERTION_NOT_FOUND, DECODING, ENCODING, FILE_NOT_FOUND, IO, JSON, MANIFEST,
        MANIFEST_NOT_FOUND, NOT_SUPPORTED, OTHER, NULL_PARAMETER, REMOTE, RESOURCE_NOT_FOUND, SIGNATURE,
        VERIFY, STRING_TOO_LONG, UNTRACKED_POINTER, WRONG_POINTER_TYPE, MUTEX_POISONED, INVALID_BUFFER_SIZE;

        static Type parse(String name) {
            String upper = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
            for (Type t : values()) {
                if (t.name().equals(upper)) {
                    return t;
                }
            }
            return OTHER;
        }
    }

    private final Type type;
    private final String nativeMessage;

    public C2paException(Type type, String message) {
        this(type, message, message);
    }

    private C2paException(Type type, String message, String nativeMessage) {
        super(message);
        this.type = type;
        this.nativeMessage = nativeMessage;
    }

    /** Builds the exception for a failed {@code action} from the library's "Type: message" text. */
    public static C2paException fromNative(String action, String text) {
        if (text == null || text.isBlank()) {
            return new C2paException(Type.OTHER, action + " failed (c2pa-rs gave no reason)", "");
        }
        int colon = text.indexOf(':');
        Type type = Type.OTHER;
        String detail = text;
        if (colon > 0 && text.substring(0, colon).matches("[A-Za-z]+")) {
            type = Type.parse(text.substring(0, colon));
            detail = text.substring(colon + 1).strip();
        }
        String message = action + " failed: " + text;
        return type == Type.MANIFEST_NOT_FOUND
                ? new ManifestNotFoundException(message, detail)
                : new C2paException(type, message, detail);
    }

    public Type type() {
        return type;
    }

    /** The library's own message, without the Type prefix. */
    public String nativeMessage() {
        return nativeMessage;
    }

    /** The file carries no C2PA manifest (not an error for a verifier: a result). */
    public static final class ManifestNotFoundException extends C2paException {
        ManifestNotFoundException(String message, String detail) {
            super(Type.MANIFEST_NOT_FOUND, message, detail);
        }
    }
}
