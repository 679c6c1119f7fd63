package io.hallmark.watermark.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallmark.watermark.WatermarkKey;
import org.junit.jupiter.api.Test;

class TileLayoutTest {
    private final TileLayout a = new TileLayout(WatermarkKey.fromPassphrase("a"), PayloadFormat.CODED_BITS);

    @Test
    void isDeterminedByTheKey() {
        TileLayout again = new TileLayout(WatermarkKey.fromPassphrase("a"), PayloadFormat.CODED_BITS);
        TileLayout other = new TileLayout(WatermarkKey.fromPassphrase("b"), PayloadFormat.CODED_BITS);
        assertArrayEquals(a.syncBins(), again.syncBins());
        assertEquals(a.cosPhase(10), again.cosPhase(10));
        assertNotEquals(a.cosPhase(10), other.cosPhase(10));
    }

    @Test
    void usesOnlyTheBandAndSpreadsEveryCodedBitOverSeveralBins() {
        int[] perBit = new int[a.codedBits()];
        for (int b = 0; b < a.binCount(); b++) {
            double r = Math.hypot(a.kx(b), a.ky(b));
            assertTrue(r >= TileLayout.K_MIN && r <= TileLayout.K_MAX);
            assertTrue(a.ky(b) > 0 || (a.ky(b) == 0 && a.kx(b) > 0), "upper half-plane only");
            if (a.role(b) >= 0) {
                perBit[a.role(b)]++;
            }
        }
        for (int count : perBit) {
            assertTrue(count >= 4, "each coded bit needs several bins, got " + count);
        }
        assertEquals(Math.round(a.binCount() * TileLayout.SYNC_FRACTION), a.syncCount());
    }

    @Test
    void tilePatternHasUnitRmsAndTheRightPeriod() {
        int[] bits = new int[a.codedBits()];
        TilePattern tile = TilePattern.build(a, bits, 120);
        assertEquals(120, tile.period());
        double sumSq = 0;
        for (float v : tile.values()) {
            sumSq += v * v;
        }
        assertEquals(1.0, Math.sqrt(sumSq / tile.values().length), 1e-4);
        assertEquals(TilePattern.MIN_PERIOD, TilePattern.periodFor(200, 150));
        assertEquals(160, TilePattern.periodFor(640, 480));
        assertEquals(270, TilePattern.periodFor(1920, 1080));
        assertEquals(270, TilePattern.periodFor(1080, 1920));
    }
}
