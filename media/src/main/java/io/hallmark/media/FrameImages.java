package io.hallmark.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Pictures of frames for people: thumbnails, contact sheets, report images (BT.709 limited range to sRGB). */
public final class FrameImages {
    private FrameImages() {}

    /** The frame as an RGB image, scaled (nearest chroma, area-averaged luma) to at most {@code maxWidth}. */
    public static BufferedImage toImage(VideoFrame frame, int maxWidth) {
        int step = Math.max(1, (frame.width() + maxWidth - 1) / maxWidth);
        int w = frame.width() / step;
        int h = frame.height() / step;
        BufferedImage image = new BufferedImage(Math.max(1, w), Math.max(1, h), BufferedImage.TYPE_INT_RGB);
        int cw = frame.chromaWidth();
        for (int row = 0; row < h; row++) {
            for (int col = 0; col < w; col++) {
                int sx = col * step;
                int sy = row * step;
                int sum = 0;
                for (int dy = 0; dy < step; dy++) {
                    int base = (sy + dy) * frame.width() + sx;
                    for (int dx = 0; dx < step; dx++) {
                        sum += frame.y()[base + dx] & 0xff;
                    }
                }
                double y = 1.164 * (sum / (double) (step * step) - 16);
                int ci = (sy / 2) * cw + sx / 2;
                double u = (frame.u()[ci] & 0xff) - 128;
                double v = (frame.v()[ci] & 0xff) - 128;
                int r = clamp(y + 1.793 * v);
                int g = clamp(y - 0.213 * u - 0.533 * v);
                int b = clamp(y + 2.112 * u);
                image.setRGB(col, row, (r << 16) | (g << 8) | b);
            }
        }
        return image;
    }

    /** A JPEG thumbnail (quality 0.85) of at most {@code maxWidth} pixels across. */
    public static byte[] jpegThumbnail(VideoFrame frame, int maxWidth) {
        return jpeg(toImage(frame, maxWidth));
    }

    /** {@code image} as a JPEG, quality 0.85. */
    public static byte[] jpeg(BufferedImage image) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static int clamp(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }
}
