package io.hallmark.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The verifier's bounds: documented defaults, immutable copies, nonsense refused. */
class VerifierLimitsTest {
    @Test
    void defaultsAreTheDocumentedOnes() {
        VerifierLimits d = VerifierLimits.DEFAULT;
        assertEquals(Duration.ofSeconds(300), d.decodeTimeout());
        assertEquals("1g", d.decoderHeap());
        assertEquals(Duration.ofSeconds(30), d.lookupDeadline());
        assertEquals(1 << 20, d.maxLookupAnswer());
        assertEquals(32 << 20, d.maxRemoteManifest());
        assertEquals(4096, d.c2pa().maxTopLevelBoxes());
    }

    @Test
    void copiesChangeOneBoundAndLeaveTheDefaultAlone() {
        VerifierLimits quick = VerifierLimits.DEFAULT.withDecodeTimeout(Duration.ofSeconds(5)).withDecoderHeap("512m");
        assertEquals(Duration.ofSeconds(5), quick.decodeTimeout());
        assertEquals("512m", quick.decoderHeap());
        assertEquals(Duration.ofSeconds(300), VerifierLimits.DEFAULT.decodeTimeout());
    }

    @Test
    void nonsenseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> VerifierLimits.DEFAULT.withDecodeTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> VerifierLimits.DEFAULT.withDecoderHeap("lots"));
        assertThrows(IllegalArgumentException.class, () -> VerifierLimits.DEFAULT.withLookupDeadline(Duration.ofSeconds(-1)));
    }
}
