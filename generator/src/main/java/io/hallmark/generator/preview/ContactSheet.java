package io.hallmark.generator.preview;

import io.hallmark.generator.raster.Bt709;
import io.hallmark.media.VideoFrame;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** Writes frames as a grid of thumbnails into one PNG, for a quick look at what a generator produced. */
public final class ContactSheet {
    /** Thumbnails are at most this wide; smaller frames are shown at their own size. */
    public static final int THUMB_WIDTH = 320;
    private static final int GAP = 4;

    private ContactSheet() {
    }

    /**
     * Writes {@code frames} row by row, {@code columns} per row, each scaled (area-averaged) to
     * {@link #THUMB_WIDTH} wide. Frames of different sizes share the largest thumbnail cell.
     */
    public static void write(Path png, List<VideoFrame> frames, int columns) throws IOException {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("no frames to write");
        }
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be at least 1, was " + columns);
        }
        int cellW = 0;
        int cellH = 0;
        for (VideoFrame f : frames) {
            int tw = Math.min(THUMB_WIDTH, f.width());
            cellW = Math.max(cellW, tw);
            cellH = Math.max(cellH, (int) Math.round((double) f.height() * tw / f.width()));
        }
        int rows = (frames.size() + columns - 1) / columns;
        int cols = Math.min(columns, frames.size());
        BufferedImage sheet = new BufferedImage(cols * (cellW + GAP) + GAP, rows * (cellH + GAP) + GAP,
                BufferedImage.TYPE_INT_RGB);
        for (int n = 0; n < frames.size(); n++) {
            VideoFrame f = frames.get(n);
            int tw = Math.min(THUMB_WIDTH, f.width());
            int th = (int) Math.round((double) f.height() * tw / f.width());
            int ox = GAP + (n % columns) * (cellW + GAP);
            int oy = GAP + (n / columns) * (cellH + GAP);
            drawThumbnail(f, sheet, ox, oy, tw, th);
        }
        Path parent = png.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(sheet, "png", png.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }

    /** Converts one frame to RGB and box-filters it down to tw x th at (ox, oy). */
    private static void drawThumbnail(VideoFrame f, BufferedImage sheet, int ox, int oy, int tw, int th) {
        int w = f.width();
        int h = f.height();
        int cw = f.chromaWidth();
        byte[] y = f.y();
        byte[] u = f.u();
        byte[] v = f.v();
        for (int ty = 0; ty < th; ty++) {
            int y0 = (int) ((long) ty * h / th);
            int y1 = Math.max(y0 + 1, (int) ((long) (ty + 1) * h / th));
            for (int tx = 0; tx < tw; tx++) {
                int x0 = (int) ((long) tx * w / tw);
                int x1 = Math.max(x0 + 1, (int) ((long) (tx + 1) * w / tw));
                long r = 0;
                long g = 0;
                long b = 0;
                for (int sy = y0; sy < y1; sy++) {
                    for (int sx = x0; sx < x1; sx++) {
                        int c = (sy / 2) * cw + sx / 2;
                        int rgb = Bt709.toRgb(y[sy * w + sx] & 0xff, u[c] & 0xff, v[c] & 0xff);
                        r += rgb >> 16 & 0xff;
                        g += rgb >> 8 & 0xff;
                        b += rgb & 0xff;
                    }
                }
                long n = (long) (x1 - x0) * (y1 - y0);
                sheet.setRGB(ox + tx, oy + ty, (int) (r / n) << 16 | (int) (g / n) << 8 | (int) (b / n));
            }
        }
    }
}
