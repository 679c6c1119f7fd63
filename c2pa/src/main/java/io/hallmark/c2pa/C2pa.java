package io.hallmark.c2pa;

import io.hallmark.c2pa.internal.Native;

/** Entry point: the loaded c2pa-rs version. Loading checks that the library matches this binding. */
public final class C2pa {
    private C2pa() {}

    /** e.g. "c2pa-c-ffi/0.90.22 c2pa-rs/0.90.22". */
    public static String version() {
        return Native.version();
    }
}
