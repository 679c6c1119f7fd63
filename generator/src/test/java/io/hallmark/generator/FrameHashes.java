package io.hallmark.generator;

import io.hallmark.media.VideoFrame;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Test helper: digests of frames, and simple pixel statistics. */
public final class FrameHashes {
    private FrameHashes() {
    }

    /** SHA-256 over every plane of every frame of the source, plus the frame count. */
    public static String hashAll(FrameSource source) throws Exception {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        VideoFrame f;
        long n = 0;
        while ((f = source.next()) != null) {
            d.update(f.y());
            d.update(f.u());
            d.update(f.v());
            n++;
        }
        d.update(Long.toString(n).getBytes());
        return HexFormat.of().formatHex(d.digest());
    }

    public static double lumaStdDev(VideoFrame f) {
        double sum = 0;
        double sq = 0;
        for (byte b : f.y()) {
            int v = b & 0xff;
            sum += v;
            sq += (double) v * v;
        }
        double n = f.y().length;
        return Math.sqrt(Math.max(0, sq / n - (sum / n) * (sum / n)));
    }

    public static double meanAbsLumaDifference(VideoFrame a, VideoFrame b) {
        long total = 0;
        for (int i = 0; i < a.y().length; i++) {
            total += Math.abs((a.y()[i] & 0xff) - (b.y()[i] & 0xff));
        }
        return (double) total / a.y().length;
    }

    /** Mean absolute difference between horizontally adjacent luma samples: fine texture. */
    public static double lumaGradient(VideoFrame f) {
        long total = 0;
        int w = f.width();
        for (int y = 0; y < f.height(); y++) {
            for (int x = 1; x < w; x++) {
                total += Math.abs((f.y()[y * w + x] & 0xff) - (f.y()[y * w + x - 1] & 0xff));
            }
        }
        return (double) total / ((long) (w - 1) * f.height());
    }
}
