package io.hallmark.c2pa.internal;

import com.sun.jna.Pointer;
import io.hallmark.c2pa.C2paException;
import java.nio.charset.StandardCharsets;

/** Loads libc2pa_c once and turns the library's error conventions into exceptions. */
public final class Native {
    /** The c2pa-c-ffi release line this binding was written against (c2pa.h of that version). */
    public static final String EXPECTED_VERSION_PREFIX = "c2pa-c-ffi/0.91.";

    private static volatile LibC2pa lib;
    private static volatile String version;

    private Native() {}

    /**
     * The loaded library. JNA finds {@code libc2pa_c.so} under {@code linux-x86-64/} on the class path
     * (put there by this module's build) or on {@code jna.library.path}.
     */
    public static LibC2pa lib() {
        LibC2pa loaded = lib;
        if (loaded == null) {
            synchronized (Native.class) {
                if (lib == null) {
                    LibC2pa candidate;
                    try {
                        candidate = com.sun.jna.Native.load("c2pa_c", LibC2pa.class);
                    } catch (UnsatisfiedLinkError e) {
                        throw new IllegalStateException("cannot load the c2pa-rs library libc2pa_c: "
                                + e.getMessage() + " (build the c2pa module: mvn -pl c2pa package)", e);
                    }
                    String v = takeString(candidate, candidate.c2pa_version());
                    if (v == null || !v.startsWith(EXPECTED_VERSION_PREFIX)) {
                        throw new IllegalStateException("libc2pa_c version mismatch: loaded '" + v
                                + "', this binding needs " + EXPECTED_VERSION_PREFIX + "x");
                    }
                    version = v;
                    lib = candidate;
                }
                loaded = lib;
            }
        }
        return loaded;
    }

    public static String version() {
        lib();
        return version;
    }

    /** Copies a library-owned UTF-8 string and frees it; {@code null} stays null. */
    public static String takeString(Pointer p) {
        return takeString(lib(), p);
    }

    private static String takeString(LibC2pa l, Pointer p) {
        if (p == null) {
            return null;
        }
        try {
            return p.getString(0, StandardCharsets.UTF_8.name());
        } finally {
            l.c2pa_free(p);
        }
    }

    /** The calling thread's last library error as an exception; call right after a failed call. */
    public static C2paException lastError(String action) {
        String text = takeString(lib().c2pa_error());
        return C2paException.fromNative(action, text);
    }

    /** Throws the last error when {@code result} is NULL; returns it otherwise. */
    public static Pointer check(Pointer result, String action) throws C2paException {
        if (result == null) {
            throw lastError(action);
        }
        return result;
    }

    /** Throws the last error when {@code status} is negative. */
    public static long check(long status, String action) throws C2paException {
        if (status < 0) {
            throw lastError(action);
        }
        return status;
    }
}
