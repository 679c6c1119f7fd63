package io.hallmark.media;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A strip of frames spread over a whole video, for people to see what it shows at a glance: fed every decoded frame
 * in order ({@link #accept}), it keeps small pictures at a spacing that doubles whenever it holds
 * {@link #MAX_KEPT}, so memory stays bounded whatever the length (at most {@code MAX_KEPT} pictures of
 * {@code width} pixels across), and {@link #jpeg} lays {@code count} of them, evenly spread, side by side. Not
 * thread-safe: one decode loop feeds it.
 */
public final class FrameStrip {
    /** Pictures kept at most while decoding. */
    public static final int MAX_KEPT = 64;
    private final int width;
    private final List<BufferedImage> kept = new ArrayList<>();
    private long spacingMicros = 500_000;
    private long nextMicros = 0;

    /** @param width pixels across each picture, 16..640 */
    public FrameStrip(int width) {
        if (width < 16 || width > 640) {
            throw new IllegalArgumentException("width must be within 16..640");
        }
        this.width = width;
    }

    /** @param frame the next decoded frame (presentation order) */
    public void accept(VideoFrame frame) {
        if (frame.timestampMicros() < nextMicros) {
            return;
        }
        kept.add(FrameImages.toImage(frame, width));
        nextMicros = frame.timestampMicros() + spacingMicros;
        if (kept.size() == MAX_KEPT) { // keep every other picture, twice as far apart from now on
            for (int i = kept.size() - 1; i > 0; i -= 2) {
                kept.remove(i);
            }
            spacingMicros *= 2;
        }
    }

    /**
     * @param count pictures in the strip, 1..{@link #MAX_KEPT}
     * @return the strip as one JPEG ({@code count} pictures or all kept, if fewer), empty when no frame came
     */
    public Optional<byte[]> jpeg(int count) {
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        int n = Math.min(count, kept.size());
        BufferedImage first = kept.get(0);
        BufferedImage strip = new BufferedImage(first.getWidth() * n, first.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = strip.createGraphics();
        try {
            for (int i = 0; i < n; i++) {
                int pick = n == 1 ? 0 : (int) Math.round(i * (kept.size() - 1) / (double) (n - 1));
                g.drawImage(kept.get(pick), i * first.getWidth(), 0, first.getWidth(), first.getHeight(), null);
            }
        } finally {
            g.dispose();
        }
        return Optional.of(FrameImages.jpeg(strip));
    }
}
