package io.hallmark.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Token buckets, driven by a clock the test controls. */
class RateLimitsTest {
    @Test
    void aCallerGetsItsMinuteAllowanceThen429UntilTheBucketRefills() {
        RateLimits limits = new RateLimits(3);
        long t = 1_000_000_000L;
        for (int i = 0; i < 3; i++) {
            limits.take("newsroom", t);
        }
        Problem p = assertThrows(Problem.class, () -> limits.take("newsroom", 1_000_000_000L));
        assertEquals(429, p.status());
        limits.take("platform", t); // another caller has its own bucket
        limits.take("newsroom", t + 20_000_000_000L); // 20 s later: one request refilled (3 a minute)
        assertThrows(Problem.class, () -> limits.take("newsroom", 21_000_000_000L));
    }
}
