package io.hallmark.c2pa.internal;

import com.sun.jna.Pointer;

/**
 * Owns one library object and releases it with {@code c2pa_free} exactly once. Consuming calls
 * (c2pa_*_with_*, context_builder_build, set_signer) invalidate the old pointer on success AND on failure
 * (notes/c2pa.md 1.3): {@link #consume()} hands the pointer over and forgets it.
 */
public abstract class NativeHandle implements AutoCloseable {
    /** Handles that own a native pointer right now, over the whole JVM: a test of the ownership rules reads it. */
    private static final java.util.concurrent.atomic.AtomicLong LIVE = new java.util.concurrent.atomic.AtomicLong();

    private Pointer pointer;
    private final String kind;

    protected NativeHandle(Pointer pointer, String kind) {
        this.pointer = pointer;
        this.kind = kind;
        if (pointer != null) {
            LIVE.incrementAndGet();
        }
    }

    /** How many handles own a native pointer now (opened and neither closed nor consumed). Thread-safe. */
    public static long live() {
        return LIVE.get();
    }

    /** The live pointer; fails on a closed or consumed handle instead of passing NULL to native code. */
    public synchronized Pointer pointer() {
        if (pointer == null) {
            throw new IllegalStateException(kind + " is closed");
        }
        return pointer;
    }

    /** Gives the pointer to a consuming native call; this handle no longer frees it. */
    protected synchronized Pointer consume() {
        Pointer p = pointer();
        pointer = null;
        LIVE.decrementAndGet();
        return p;
    }

    /** Adopts the pointer a consuming call returned. */
    protected synchronized void replace(Pointer p) {
        if (pointer == null && p != null) {
            LIVE.incrementAndGet();
        } else if (pointer != null && p == null) {
            LIVE.decrementAndGet();
        }
        pointer = p;
    }

    public synchronized boolean isClosed() {
        return pointer == null;
    }

    @Override
    public synchronized void close() {
        if (pointer != null) {
            release(pointer);
            pointer = null;
            LIVE.decrementAndGet();
        }
    }

    /**
     * Frees the native object; streams override this (they are released, not freed).
     *
     * @param p the pointer this handle owned
     */
    protected void release(Pointer p) {
        Native.lib().c2pa_free(p);
    }
}
