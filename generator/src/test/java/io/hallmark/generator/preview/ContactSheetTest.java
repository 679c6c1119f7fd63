package io.hallmark.generator.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hallmark.media.VideoFrame;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContactSheetTest {

    private static VideoFrame solid(int w, int h, int y, int u, int v) {
        VideoFrame f = VideoFrame.blank(w, h, 0, 0);
        Arrays.fill(f.y(), (byte) y);
        Arrays.fill(f.u(), (byte) u);
        Arrays.fill(f.v(), (byte) v);
        return f;
    }

    @Test
    void laysOutThumbnailsInAGridWithTheirColours(@TempDir Path dir) throws Exception {
        // BT.709 limited range: red is Y=63 Cb=102 Cr=240; mid grey is 126/128/128.
        VideoFrame red = solid(640, 360, 63, 102, 240);
        VideoFrame grey = solid(640, 360, 126, 128, 128);
        Path png = dir.resolve("sheet.png");
        ContactSheet.write(png, List.of(red, grey, grey), 2);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(2 * 324 + 4, img.getWidth());
        assertEquals(2 * 184 + 4, img.getHeight());
        int rgb = img.getRGB(4 + 160, 4 + 90);
        assertEquals(255, rgb >> 16 & 0xff, 3);
        assertEquals(0, rgb >> 8 & 0xff, 3);
        assertEquals(0, rgb & 0xff, 3);
        int g = img.getRGB(4 + 324 + 160, 4 + 90);
        assertEquals(128, g >> 16 & 0xff, 3);
        assertEquals(128, g & 0xff, 3);
    }

    @Test
    void rejectsNothingToWriteAndBadColumns(@TempDir Path dir) {
        assertThrows(IllegalArgumentException.class, () -> ContactSheet.write(dir.resolve("a.png"), List.of(), 2));
        assertThrows(IllegalArgumentException.class,
                () -> ContactSheet.write(dir.resolve("a.png"), List.of(VideoFrame.blank(64, 64, 0, 0)), 0));
    }
}
