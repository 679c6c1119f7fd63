package io.hallmark.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Turning a mirrored, rotated or stretched copy back brings its PDQ hash back near the original's. */
class ReorientationTest {
    private static final int W = 320;
    private static final int H = 240;

    /** Smooth shapes, asymmetric left to right, so a mirror changes the hash a lot. */
    private static byte[] picture() {
        Random r = new Random(5);
        byte[] y = new byte[W * H];
        for (int row = 0; row < H; row++) {
            for (int col = 0; col < W; col++) {
                double v = 120 + 60 * Math.sin(col * 0.03 + row * 0.011) + 40 * Math.cos(row * 0.05) + 0.3 * col
                        + (col > 200 && row < 100 ? 50 : 0) + 3 * r.nextGaussian();
                y[row * W + col] = (byte) Math.max(0, Math.min(255, (int) v));
            }
        }
        return y;
    }

    /** The copy: q = S R F p about the centre, as Reorientation models it, nearest-pixel (the copy's own loss). */
    private static byte[] copy(byte[] src, double degrees, double stretch, boolean mirror, int[] width) {
        int w = (int) Math.round(W * stretch);
        byte[] out = new byte[w * H];
        double cos = Math.cos(Math.toRadians(degrees));
        double sin = Math.sin(Math.toRadians(degrees));
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < w; x++) {
                double qx = (x - (w - 1) / 2.0) / stretch;
                double qy = y - (H - 1) / 2.0;
                // p = F R^-1 S^-1 q
                double px = cos * qx + sin * qy;
                double py = -sin * qx + cos * qy;
                if (mirror) {
                    px = -px;
                }
                int sx = (int) Math.round(px + (W - 1) / 2.0);
                int sy = (int) Math.round(py + (H - 1) / 2.0);
                out[y * w + x] = sx >= 0 && sy >= 0 && sx < W && sy < H ? src[sy * W + sx] : 0;
            }
        }
        width[0] = w;
        return out;
    }

    @Test
    void aTurnedCopyTurnedBackHashesLikeTheOriginal() {
        PdqHasher hasher = new PdqHasher();
        byte[] original = picture();
        PdqHash reference = hasher.hash(original, W, H);
        record Case(double degrees, double stretch, boolean mirror) {}
        for (Case c : new Case[] {new Case(0, 1, true), new Case(4, 1, false), new Case(-2, 1.1, true), new Case(0, 0.9, false)}) {
            int[] w = new int[1];
            byte[] turned = copy(original, c.degrees(), c.stretch(), c.mirror(), w);
            int[] back = new int[1];
            byte[] restored = new Reorientation(c.degrees(), c.stretch(), c.mirror()).apply(turned, w[0], H, back);
            assertEquals(W, back[0], c + ": the original's width");
            int before = hasher.hash(turned, w[0], H).distance(reference);
            int after = hasher.hash(restored, back[0], H).distance(reference);
            assertTrue(after <= 32, c + ": " + after + " bits from the original after turning back (" + before + " before)");
            if (c.mirror()) {
                assertTrue(before > 64, c + ": a mirror alone moves the hash far (" + before + " bits)");
            }
        }
    }

    @Test
    void absurdValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Reorientation(90, 1, false));
        assertThrows(IllegalArgumentException.class, () -> new Reorientation(0, 3, false));
    }
}
