package io.hallmark.service;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Requests per minute per caller (an API key's name, or a client address): a token bucket each, refilled
 * continuously up to one minute's allowance. Over the limit: 429 with Retry-After. Thread-safe; at most
 * {@value #CALLERS} callers are tracked (the least recently seen is forgotten, which only ever gives it a full bucket).
 */
final class RateLimits {
    static final int CALLERS = 10_000;

    private final int perMinute;
    private final Map<String, double[]> buckets = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
            return size() > CALLERS;
        }
    };

    RateLimits(int perMinute) {
        this.perMinute = perMinute;
    }

    /**
     * Takes one request from {@code caller}'s allowance.
     *
     * @throws Problem 429 with Retry-After when it has none left
     */
    void take(String caller) {
        take(caller, System.nanoTime());
    }

    void take(String caller, long nowNanos) {
        double waitSeconds;
        synchronized (buckets) {
            double[] b = buckets.computeIfAbsent(caller, k -> new double[] {perMinute, nowNanos});
            b[0] = Math.min(perMinute, b[0] + (nowNanos - b[1]) / 60e9 * perMinute);
            b[1] = nowNanos;
            if (b[0] >= 1) {
                b[0] -= 1;
                return;
            }
            waitSeconds = (1 - b[0]) * 60.0 / perMinute;
        }
        throw new Problem(429, "rate-limited", "Too many requests", "at most " + perMinute + " requests a minute for "
                + (caller.startsWith("ip:") ? "one address" : "the key '" + caller + "'"))
                .retryAfter((int) Math.ceil(waitSeconds));
    }
}
