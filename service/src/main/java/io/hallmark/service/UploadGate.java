package io.hallmark.service;

import java.util.HashMap;
import java.util.Map;

/**
 * How many uploads may be arriving at once, over all callers and per caller ({@link ServiceConfig.UploadLimits}).
 * Each arriving upload holds one of the server's threads, so without a bound a few callers trickling many uploads
 * would leave none for anyone else (a slow-loris). An upload over either bound is refused before its body is read.
 * Thread-safe.
 */
final class UploadGate {
    /** Seconds a refused caller is told to wait (an upload in progress usually ends within that). */
    static final int RETRY_AFTER_SECONDS = 5;

    private final int maxConcurrent;
    private final int maxPerCaller;
    private final Map<String, Integer> perCaller = new HashMap<>();
    private int total;

    UploadGate(int maxConcurrent, int maxPerCaller) {
        this.maxConcurrent = maxConcurrent;
        this.maxPerCaller = maxPerCaller;
    }

    /** One admitted upload; closing it lets the next one in. */
    interface Pass extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Admits one upload from {@code caller}.
     *
     * @param caller an API key's name, or {@code ip:ADDRESS} without keys
     * @return the pass, to be closed when the body has arrived (or failed to)
     * @throws Problem 429 with Retry-After when the caller already has {@code maxPerCaller} uploads arriving,
     *                 503 with Retry-After when the service has {@code maxConcurrent}
     */
    Pass admit(String caller) {
        synchronized (this) {
            int mine = perCaller.getOrDefault(caller, 0);
            if (mine >= maxPerCaller) {
                throw new Problem(429, "too-many-uploads", "Too many uploads at once", "at most " + maxPerCaller
                        + " uploads may arrive at once for " + who(caller) + "; wait for one to finish")
                        .retryAfter(RETRY_AFTER_SECONDS);
            }
            if (total >= maxConcurrent) {
                throw new Problem(503, "busy", "The service is receiving too many uploads", "at most " + maxConcurrent
                        + " uploads may arrive at once; try again shortly").retryAfter(RETRY_AFTER_SECONDS);
            }
            perCaller.put(caller, mine + 1);
            total++;
        }
        boolean[] closed = {false};
        return () -> {
            synchronized (this) {
                if (closed[0]) {
                    return;
                }
                closed[0] = true;
                total--;
                perCaller.computeIfPresent(caller, (k, n) -> n == 1 ? null : n - 1);
            }
        };
    }

    /** @return uploads arriving now, over all callers */
    synchronized int arriving() {
        return total;
    }

    private static String who(String caller) {
        return caller.startsWith("ip:") ? "one address" : "the key '" + caller + "'";
    }
}
