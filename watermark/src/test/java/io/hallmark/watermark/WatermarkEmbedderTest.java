package io.hallmark.watermark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallmark.media.VideoFrame;
import io.hallmark.watermark.quality.Quality;
import org.junit.jupiter.api.Test;

class WatermarkEmbedderTest {
    private final WatermarkKey key = WatermarkKey.fromPassphrase("embedder test");
    private final Payload payload = Payload.fromHex("a1b2c3d4e5f60718");

    @Test
    void marksOnlyTheLumaAndKeepsTimingAndChroma() {
        VideoFrame frame = SyntheticVideo.textured(320, 240, 7, 1);
        byte[] before = frame.y().clone();
        VideoFrame marked = new WatermarkEmbedder(key, payload).embed(frame);
        assertArrayEquals(before, frame.y(), "the input frame is not modified");
        assertNotEquals(java.util.Arrays.hashCode(before), java.util.Arrays.hashCode(marked.y()));
        assertSame(frame.u(), marked.u());
        assertSame(frame.v(), marked.v());
        assertEquals(frame.index(), marked.index());
        assertEquals(frame.timestampMicros(), marked.timestampMicros());
    }

    @Test
    void staysAbove42DbPsnrAnd099Ssim() {
        WatermarkEmbedder embedder = new WatermarkEmbedder(key, payload);
        for (int i = 0; i < 3; i++) {
            VideoFrame frame = SyntheticVideo.textured(640, 360, i, 2);
            VideoFrame marked = embedder.embed(frame);
            assertTrue(Quality.psnr(frame.y(), marked.y()) >= 42.0);
            assertTrue(Quality.ssim(frame.y(), marked.y(), 640, 360) >= 0.99);
        }
    }

    @Test
    void leavesAFlatFrameNearlyUntouched() {
        VideoFrame flat = SyntheticVideo.flat(320, 240, 0, 100);
        VideoFrame marked = new WatermarkEmbedder(key, payload).embed(flat);
        assertTrue(Quality.psnr(flat.y(), marked.y()) > 48, "flat areas get the least");
    }

    @Test
    void refusesFramesTooSmallToCarryTheMark() {
        WatermarkEmbedder embedder = new WatermarkEmbedder(key, payload);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> embedder.embed(SyntheticVideo.flat(16, 16, 0, 128)));
        assertTrue(e.getMessage().contains("too small"));
        assertThrows(IllegalArgumentException.class, () -> embedder.embed(SyntheticVideo.flat(1920, 100, 0, 128)));
        assertFalse(WatermarkEmbedder.canEmbed(143, 1000));
        assertTrue(WatermarkEmbedder.canEmbed(144, 144));
    }

    @Test
    void handlesOddSizesPortraitAndFullRangeValues() {
        WatermarkEmbedder embedder = new WatermarkEmbedder(key, payload);
        VideoFrame odd = SyntheticVideo.textured(321, 243, 0, 3);
        assertEquals(321 * 243, embedder.embed(odd).y().length);
        VideoFrame portrait = SyntheticVideo.textured(180, 320, 0, 4);
        assertEquals(180 * 320, embedder.embed(portrait).y().length);
        // Full range: black and white extremes stay within 0..255 (clamped, no wrap-around).
        byte[] y = new byte[200 * 200];
        for (int i = 0; i < y.length; i++) {
            y[i] = (byte) ((i / 7) % 2 == 0 ? 0 : 255);
        }
        VideoFrame extremes = SyntheticVideo.withGreyChroma(200, 200, y, 0);
        byte[] out = embedder.embed(extremes).y();
        for (int i = 0; i < out.length; i++) {
            int v = out[i] & 0xff;
            assertTrue(v <= 20 || v >= 235, "no wrap-around at " + i + ": " + v);
        }
    }

    @Test
    void strengthScalesTheMark() {
        VideoFrame frame = SyntheticVideo.textured(320, 240, 0, 5);
        double weak = Quality.mse(frame.y(), new WatermarkEmbedder(key, payload, EmbedOptions.DEFAULT.withStrength(0.5)).embed(frame).y());
        double normal = Quality.mse(frame.y(), new WatermarkEmbedder(key, payload).embed(frame).y());
        double strong = Quality.mse(frame.y(), new WatermarkEmbedder(key, payload, EmbedOptions.DEFAULT.withStrength(2)).embed(frame).y());
        assertTrue(weak < normal && normal < strong, weak + " < " + normal + " < " + strong);
        double floor = 255.0 * 255.0 / Math.pow(10, EmbedOptions.DEFAULT.minPsnrDb() / 10);
        assertTrue(strong <= floor * 1.1, "the PSNR floor still holds at strength 2");
        assertThrows(IllegalArgumentException.class, () -> new EmbedOptions(0, 42));
    }
}
