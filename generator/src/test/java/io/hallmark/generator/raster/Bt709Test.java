package io.hallmark.generator.raster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallmark.media.VideoFrame;
import org.junit.jupiter.api.Test;

class Bt709Test {

    @Test
    void blackAndWhiteMapToTheLimitedRangeEnds() {
        assertEquals(16f, Bt709.luma(0, 0, 0), 1e-4);
        assertEquals(235f, Bt709.luma(1, 1, 1), 1e-4);
        assertEquals(128f, Bt709.cb(1, 1, 1), 1e-4);
        assertEquals(128f, Bt709.cr(0.5f, 0.5f, 0.5f), 1e-4);
        // Pure blue and red reach the chroma extremes.
        assertEquals(240f, Bt709.cb(0, 0, 1), 1e-3);
        assertEquals(240f, Bt709.cr(1, 0, 0), 1e-3);
    }

    @Test
    void convertingBackRecoversTheColourWithinRounding() {
        float[][] colours = {{0.8f, 0.2f, 0.1f}, {0.1f, 0.6f, 0.3f}, {0.2f, 0.3f, 0.9f}, {0.5f, 0.5f, 0.5f}};
        for (float[] c : colours) {
            int y = Math.round(Bt709.luma(c[0], c[1], c[2]));
            int cb = Math.round(Bt709.cb(c[0], c[1], c[2]));
            int cr = Math.round(Bt709.cr(c[0], c[1], c[2]));
            int rgb = Bt709.toRgb(y, cb, cr);
            assertEquals(c[0] * 255, rgb >> 16 & 0xff, 3);
            assertEquals(c[1] * 255, rgb >> 8 & 0xff, 3);
            assertEquals(c[2] * 255, rgb & 0xff, 3);
        }
    }

    @Test
    void upscalerKeepsAFlatImageFlatAndAGradientMonotonic() {
        RgbImage flat = new RgbImage(10, 6);
        RgbImage ramp = new RgbImage(10, 6);
        for (int i = 0; i < 60; i++) {
            flat.set(i, 0.25f, 0.5f, 0.75f);
            float x = (i % 10) / 9f;
            ramp.set(i, x, x, x);
        }
        FrameUpscaler up = new FrameUpscaler(10, 6, 40, 24);
        VideoFrame f = up.toFrame(flat, null, 3, 100);
        assertEquals(40 * 24, f.y().length);
        assertEquals(20 * 12, f.u().length);
        assertEquals(3, f.index());
        int y0 = f.y()[0] & 0xff;
        for (byte b : f.y()) {
            assertEquals(y0, b & 0xff);
        }
        assertEquals(Math.round(Bt709.luma(0.25f, 0.5f, 0.75f)), y0);
        VideoFrame g = up.toFrame(ramp, null, 0, 0);
        for (int x = 1; x < 40; x++) {
            assertTrue((g.y()[5 * 40 + x] & 0xff) >= (g.y()[5 * 40 + x - 1] & 0xff));
        }
        assertEquals(16, g.y()[0] & 0xff);
        assertEquals(235, g.y()[39] & 0xff);
    }
}
