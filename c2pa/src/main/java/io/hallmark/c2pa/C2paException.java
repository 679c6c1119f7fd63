package io.hallmark.c2pa;

import java.io.IOException;
import java.util.Locale;

/**
 * An error reported by c2pa-rs. The library reports {@code "Type: message"}; {@link #type()} is that Type,
 * so callers can tell "no manifest" from "bad signature" from "I/O" without parsing strings. Immutable, so
 * safe to pass between threads. Follows c2pa-c-ffi's error convention ({@code c2pa_error()} after a call that
 * returned NULL or a negative number; c2pa-c-ffi {@code src/error.rs}).
 */
public class C2paException extends IOException {
    /** The error families of c2pa-c-ffi ({@code src/error.rs}) plus the FFI layer's own. */
    public enum Type {
        /** An assertion could not be made or read. */
        ASSERTION,
        /** A named assertion is not in the manifest. */
        ASSERTION_NOT_FOUND,
        /** Bytes could not be decoded (CBOR, JUMBF, a certificate). */
        DECODING,
        /** Data could not be encoded. */
        ENCODING,
        /** A file named in the call does not exist. */
        FILE_NOT_FOUND,
        /** Reading or writing the asset or a stream failed. */
        IO,
        /** JSON given to the library (manifest definition, settings) is not valid. */
        JSON,
        /** The manifest is malformed. */
        MANIFEST,
        /** The asset carries no manifest: a result for a verifier, see {@link ManifestNotFoundException}. */
        MANIFEST_NOT_FOUND,
        /** The format or feature is not supported by this build of c2pa-rs. */
        NOT_SUPPORTED,
        /** Anything else, and any type name this binding does not know. */
        OTHER,
        /** A required argument was NULL (a binding bug). */
        NULL_PARAMETER,
        /** A remote manifest could not be fetched. */
        REMOTE,
        /** A resource (thumbnail, ingredient data) named in the manifest is missing. */
        RESOURCE_NOT_FOUND,
        /** Signing failed: the signer callback, the key, the certificate or the time-stamp authority. */
        SIGNATURE,
        /** Validation could not be carried out. */
        VERIFY,
        /** A string passed across the FFI is too long. */
        STRING_TOO_LONG,
        /** A pointer the FFI layer does not know was passed (a binding bug). */
        UNTRACKED_POINTER,
        /** A pointer of another type was passed (a binding bug). */
        WRONG_POINTER_TYPE,
        /** A lock inside the library was poisoned by an earlier panic. */
        MUTEX_POISONED,
        /** A buffer size passed across the FFI is invalid. */
        INVALID_BUFFER_SIZE;

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

    /** The error family. */
    private final Type type;
    /** The library's message without the type prefix. */
    private final String nativeMessage;

    /**
     * @param type    the error family
     * @param message the whole message, also used as {@link #nativeMessage()}
     */
    public C2paException(Type type, String message) {
        this(type, message, message);
    }

    private C2paException(Type type, String message, String nativeMessage) {
        super(message);
        this.type = type;
        this.nativeMessage = nativeMessage;
    }

    /**
     * Builds the exception for a failed {@code action} from the library's "Type: message" text.
     *
     * @param action what was being done, e.g. "read manifest"; starts the message
     * @param text   {@code c2pa_error()}'s text; null or blank gives {@link Type#OTHER} "gave no reason"
     * @return a {@link ManifestNotFoundException} for {@code ManifestNotFound}, else a {@code C2paException}
     */
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

    /** @return the error family; {@link Type#OTHER} when the library named none this binding knows */
    public Type type() {
        return type;
    }

    /** @return the library's own message, without the Type prefix; "" when it gave none */
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
