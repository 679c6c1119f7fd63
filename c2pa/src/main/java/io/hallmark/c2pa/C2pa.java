package io.hallmark.c2pa;

import io.hallmark.c2pa.internal.Native;

/** Entry point: the loaded c2pa-rs version. Loading checks that the library matches this binding. */
public final class C2pa {
    private C2pa() {}

    /**
     * @return {@code c2pa_version()}, e.g. "c2pa-c-ffi/0.91.6 c2pa-rs/0.91.6"; thread-safe
     * @throws IllegalStateException when libc2pa_c cannot be loaded or is not the version this binding was built for
     */
    public static String version() {
        return Native.version();
    }
}
