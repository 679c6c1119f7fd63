package io.hallmark.fingerprint;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CropRegistrationTest {
    static final int W = 640;
    static final int H = 360;

    static Thumbnail crop(byte[] plane, double x, double y, double w, double h, int side) {
        return Thumbnail.of(plane, W, (int) (x * W), (int) (y * H), (int) (w * W), (int) (h * H), side, 0);
    }

    @Test
    void anOffGridCropOfTheSignedFrameRegistersAlmostPerfectly() {
        byte[] frame = PdqHasherTest.picture(W, H, 11);
        Thumbnail signed = crop(frame, 0, 0, 1, 1, 32);
        // the benchmark's "crop50area": 70.7 % of each side from (20 %, 10 %)
        double r = CropRegistration.bestCorrelation(crop(frame, 0.2, 0.1, 0.707, 0.707, 64), signed);
        assertTrue(r >= ContentComparison.REGISTRATION_MATCH, "r = " + r);
        // a one-axis stretch is the whole frame at another aspect: same grid
        assertTrue(CropRegistration.bestCorrelation(crop(frame, 0, 0, 1, 1, 64), signed) > 0.99);
    }

    @Test
    void otherPicturesDoNotRegister() {
        Thumbnail signed = crop(PdqHasherTest.picture(W, H, 11), 0, 0, 1, 1, 32);
        for (long seed = 20; seed < 25; seed++) {
            double r = CropRegistration.bestCorrelation(crop(PdqHasherTest.picture(W, H, seed), 0.1, 0.1, 0.8, 0.8, 64), signed);
            assertTrue(r < ContentComparison.REGISTRATION_MISMATCH, "seed " + seed + ": r = " + r);
        }
    }
}
