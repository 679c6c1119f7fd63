package io.hallmark.watermark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PayloadTest {
    @Test
    void hexRoundTrips() {
        Payload p = Payload.fromHex("fedcba9876543210");
        assertEquals("fedcba9876543210", p.hex());
        assertEquals(0xfedcba9876543210L, p.bits());
        assertEquals(1, p.bit(0));
        assertEquals(0, p.bit(63));
        Payload random = Payload.random();
        assertEquals(random, Payload.fromHex(random.hex()));
    }

    @Test
    void rejectsMalformedHex() {
        assertThrows(IllegalArgumentException.class, () -> Payload.fromHex("123"));
        assertThrows(IllegalArgumentException.class, () -> Payload.fromHex("zz00000000000000"));
        assertThrows(IllegalArgumentException.class, () -> Payload.fromHex(null));
    }
}
