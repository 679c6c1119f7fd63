package io.hallmark.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class FrameStripTest {
    /** A grey frame whose level says which second of the video it comes from. */
    private static VideoFrame frameAt(long index, double seconds, int level) {
        VideoFrame f = VideoFrame.blank(64, 36, index, Math.round(seconds * 1e6));
        java.util.Arrays.fill(f.y(), (byte) level);
        java.util.Arrays.fill(f.u(), (byte) 128);
        java.util.Arrays.fill(f.v(), (byte) 128);
        return f;
    }

    @Test
    void aLongVideoIsSpreadEvenlyFromFirstToLastPictureKept() throws Exception {
        FrameStrip strip = new FrameStrip(32);
        for (int i = 0; i < 25 * 600; i++) { // ten minutes at 25 fps: far more than MAX_KEPT pictures
            double t = i / 25.0;
            strip.accept(frameAt(i, t, 16 + (int) (t / 600 * 219)));
        }
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(strip.jpeg(6).orElseThrow()));
        assertEquals(6 * 32, image.getWidth());
        int firstLevel = image.getRGB(16, 9) & 0xff;
        int lastLevel = image.getRGB(5 * 32 + 16, 9) & 0xff;
        assertTrue(firstLevel < 30, "the strip starts at the beginning: " + firstLevel);
        assertTrue(lastLevel > 180, "and reaches the end of the video: " + lastLevel);
    }

    @Test
    void aShortClipGivesTheFramesItHasAndNoFramesNoStrip() {
        FrameStrip strip = new FrameStrip(32);
        assertTrue(strip.jpeg(6).isEmpty());
        strip.accept(frameAt(0, 0, 100));
        strip.accept(frameAt(1, 0.04, 100)); // closer than the spacing: not kept
        assertTrue(strip.jpeg(6).isPresent());
    }
}
