package io.hallmark.c2pa;

import com.sun.jna.Pointer;
import io.hallmark.c2pa.internal.LibC2pa;
import io.hallmark.c2pa.internal.Native;
import io.hallmark.c2pa.internal.NativeHandle;
import java.util.function.BiPredicate;

/**
 * An immutable c2pa-rs context (settings + optional progress listener), shared by readers and builders.
 * Thread-safe on the native side; {@link #cancel()} stops an operation that runs on another thread.
 */
public final class Context extends NativeHandle {
    // Kept strongly reachable for the life of the context: native code calls it during sign/read.
    private final LibC2pa.ProgressCallback progress;

    private Context(Pointer p, LibC2pa.ProgressCallback progress) {
        super(p, "context");
        this.progress = progress;
    }

    /**
     * A context with the given settings ({@code c2pa_context_builder_set_settings}: copied, so the caller still owns
     * and closes them).
     *
     * @param settings the settings, or null for c2pa-rs's defaults
     * @return a context the caller closes
     * @throws C2paException when the library refuses the settings
     */
    public static Context of(Settings settings) throws C2paException {
        return of(settings, null);
    }

    /**
     * A context that also reports progress ({@code c2pa_context_builder_set_progress_callback}).
     *
     * @param settings the settings, or null for c2pa-rs's defaults (copied)
     * @param listener gets (phase name, fraction 0..1 or -1 when indeterminate) on the thread running the operation
     *                 and returns false to cancel; an exception it throws also cancels; null for none
     * @return a context the caller closes
     * @throws C2paException when the library refuses the settings or the callback
     */
    public static Context of(Settings settings, BiPredicate<String, Double> listener) throws C2paException {
        LibC2pa lib = Native.lib();
        Pointer builder = Native.check(lib.c2pa_context_builder_new(), "create context builder");
        LibC2pa.ProgressCallback callback = null;
        try {
            if (settings != null) {
                Native.check(lib.c2pa_context_builder_set_settings(builder, settings.pointer()), "apply settings");
            }
            if (listener != null) {
                callback = (ctx, phase, step, total) -> {
                    double fraction = Integer.toUnsignedLong(total) > 1
                            ? Integer.toUnsignedLong(step) / (double) Integer.toUnsignedLong(total) : -1;
                    try {
                        return listener.test(Phase.name(phase), fraction) ? 1 : 0;
                    } catch (RuntimeException e) {
                        return 0;
                    }
                };
                Native.check(lib.c2pa_context_builder_set_progress_callback(builder, null, callback), "set progress");
            }
        } catch (C2paException e) {
            lib.c2pa_free(builder);
            throw e;
        }
        // build consumes the builder, on success and on failure
        Pointer context = Native.check(lib.c2pa_context_builder_build(builder), "build context");
        return new Context(context, callback);
    }

    /**
     * Asks a running read or sign on this context to stop ({@code c2pa_context_cancel}); it then fails with
     * OperationCancelled. Safe to call from any thread.
     */
    public void cancel() {
        Native.lib().c2pa_context_cancel(pointer());
    }

    /** Names of C2paProgressPhase, for progress display. */
    static final class Phase {
        private static final String[] NAMES = {"reading", "verifying manifest", "verifying signature",
            "verifying ingredient", "verifying asset hash", "adding ingredient", "thumbnail", "hashing", "signing",
            "embedding", "fetching remote manifest", "writing", "fetching OCSP", "fetching time-stamp"};

        static String name(int phase) {
            return phase >= 0 && phase < NAMES.length ? NAMES[phase] : "phase " + phase;
        }
    }
}
