package io.hallmark.fingerprint;

import io.hallmark.media.VideoFrame;
import io.hallmark.media.VideoReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link VideoFingerprint} from decoded frames as they stream past. PDQ hashes: one sample per
 * interval of presentation time (the first frame at or after each tick; the frame's luma box-averaged so that
 * its longer side is at most {@value #WORK_SIDE} px, PDQ's own filter then works on that), hashed in each
 * view. Thumbnails: every {@code thumbnailEvery}-th sample. A signer samples densely ({@value #SIGNING_INTERVAL_MILLIS}
 * ms, so any frame a verifier sees is near one) and keeps 32x32 thumbnails twice a second; a verifier samples
 * every {@value #INTERVAL_MILLIS} ms in the whole frame and keeps a 64x64 thumbnail of each sample. Past
 * {@value #MAX_FRAMES} hashes or {@value #MAX_THUMBNAILS} thumbnails every other one is dropped and that
 * interval doubles, so memory and manifest size stay bounded.
 *
 * <p>Cost: one box average per sampled frame plus a PDQ per view (about 2 ms at 1080p on one core).
 * Not thread-safe: one fingerprinter per video.
 */
public final class VideoFingerprinter {
    public static final long INTERVAL_MILLIS = 500;
    public static final long SIGNING_INTERVAL_MILLIS = 200;
    static final int WORK_SIDE = 512;
    static final int MAX_FRAMES = 4096;
    static final int MAX_THUMBNAILS = 128;

    private final List<VideoFingerprint.View> views;
    private final int thumbnailSide;
    private final PdqHasher hasher = new PdqHasher();
    private final List<VideoFingerprint.Frame> frames = new ArrayList<>();
    private final List<Thumbnail> thumbnails = new ArrayList<>();
    private long interval;
    private long thumbnailInterval;
    /** Audit sampling: each next sample time drawn at random (null: a fixed grid). */
    private final java.util.Random jitter;
    private long nextTick = Long.MIN_VALUE;
    /** Audits also hash the frames on the signer's grid ({@link VideoFingerprint#gridFrames()}). */
    private final List<VideoFingerprint.Frame> gridFrames = new ArrayList<>();
    private long gridInterval = SIGNING_INTERVAL_MILLIS;
    private long nextGridTick = Long.MIN_VALUE;
    private long nextThumbnail = Long.MIN_VALUE;
    private byte[] work = new byte[0];
    /** How the frames are turned back before hashing (a mirrored, rotated or stretched copy). */
    private final Reorientation reorientation;

    private VideoFingerprinter(List<VideoFingerprint.View> views, long interval, int thumbnailSide, long thumbnailInterval,
                               java.util.Random jitter) {
        this(views, interval, thumbnailSide, thumbnailInterval, jitter, Reorientation.NONE);
    }

    private VideoFingerprinter(List<VideoFingerprint.View> views, long interval, int thumbnailSide, long thumbnailInterval,
                               java.util.Random jitter, Reorientation reorientation) {
        this.reorientation = reorientation;
        this.views = List.copyOf(views);
        this.interval = interval;
        this.thumbnailSide = thumbnailSide;
        this.thumbnailInterval = thumbnailInterval;
        this.jitter = jitter;
    }

    /**
     * What a verifier records to confirm content before it reports a manifest as a file's: the whole frame
     * with a 64x64 thumbnail at times nobody can predict (each gap drawn uniformly from 0.05-0.45 s by
     * {@code random}, about 4 samples a second). A fixed grid let an attacker put the signed video's frames
     * exactly where the verifier looks and other footage in between. Beside those, the frames on the signer's
     * grid ({@link VideoFingerprint#gridFrames()}), to compare each with the signed frame of the same instant;
     * they never count towards the share of samples that match. Feed it every frame, not only reference
     * frames ({@link #audit(Path, java.util.Random)}).
     */
    public static VideoFingerprinter forAudit(java.util.Random random) {
        return forAudit(random, Reorientation.NONE);
    }

    /**
     * {@link #forAudit(java.util.Random)} for a copy that was mirrored, rotated or stretched: each sampled frame
     * is first turned back ({@link Reorientation}), so its hashes and thumbnails compare with the signed ones.
     */
    public static VideoFingerprinter forAudit(java.util.Random random, Reorientation reorientation) {
        return new VideoFingerprinter(List.of(VideoFingerprint.View.FULL), INTERVAL_MILLIS, 64, 0, random, reorientation);
    }

    /** Decodes every frame of {@code video} and fingerprints it at unpredictable times ({@link #forAudit}). */
    public static VideoFingerprint audit(Path video, java.util.Random random) throws IOException {
        return forAudit(random).read(video);
    }

    /** {@link #audit(Path, java.util.Random)} with the frames turned back first. */
    public static VideoFingerprint audit(Path video, java.util.Random random, Reorientation reorientation) throws IOException {
        return forAudit(random, reorientation).read(video);
    }

    /** What a signer records: every view five times a second, a 32x32 thumbnail twice a second. */
    public static VideoFingerprinter forSigning() {
        return new VideoFingerprinter(List.of(VideoFingerprint.View.values()), SIGNING_INTERVAL_MILLIS, 32, 500, null);
    }

    /** What a verifier records: the whole frame twice a second, with a 64x64 thumbnail. */
    public static VideoFingerprinter forVerification() {
        return new VideoFingerprinter(List.of(VideoFingerprint.View.FULL), INTERVAL_MILLIS, 64, INTERVAL_MILLIS, null);
    }

    /** Offers a frame; it is hashed if it is the first at or after the next sampling tick. */
    public void accept(VideoFrame frame) {
        long t = Math.max(0, frame.timestampMicros() / 1000);
        boolean onGrid = jitter != null && t >= nextGridTick;
        if (t < nextTick && !onGrid) {
            return;
        }
        int factor = Math.max(1, (Math.max(frame.width(), frame.height()) + WORK_SIDE - 1) / WORK_SIDE);
        int w = frame.width() / factor;
        int h = frame.height() / factor;
        byte[] luma = downsample(frame, factor, w, h);
        if (!reorientation.isNone()) {
            int[] width = new int[1];
            luma = reorientation.apply(luma, w, h, width);
            w = width[0];
        }
        if (onGrid) {
            // the same rule as the signer's sampling, so a copy with the same timeline meets the same frames
            nextGridTick = (t / gridInterval + 1) * gridInterval;
            PdqHash hash = hasher.hash(luma, w, 0, 0, w, h);
            gridFrames.add(new VideoFingerprint.Frame(t, hash.quality(), List.of(hash)));
            if (gridFrames.size() > MAX_FRAMES) {
                halve(gridFrames);
                gridInterval *= 2;
            }
        }
        if (t < nextTick) {
            return;
        }
        nextTick = jitter != null ? t + 50 + jitter.nextInt(400) : (t / interval + 1) * interval;
        List<PdqHash> hashes = new ArrayList<>(views.size());
        int quality = 0;
        for (VideoFingerprint.View v : views) {
            int x0 = (int) Math.round(v.x * w);
            int y0 = (int) Math.round(v.y * h);
            int vw = Math.max(1, Math.min(w - x0, (int) Math.round(v.w * w)));
            int vh = Math.max(1, Math.min(h - y0, (int) Math.round(v.h * h)));
            PdqHash hash = hasher.hash(luma, w, x0, y0, vw, vh);
            if (v == VideoFingerprint.View.FULL) {
                quality = hash.quality();
            }
            // every view carries the whole frame's quality: it is what decides whether the frame is usable
            hashes.add(new PdqHash(hash.words(), quality));
        }
        frames.add(new VideoFingerprint.Frame(t, quality, hashes));
        if (frames.size() > MAX_FRAMES) {
            halve(frames);
            interval *= 2;
        }
        if (t >= nextThumbnail) {
            nextThumbnail = thumbnailInterval == 0 ? t : (t / thumbnailInterval + 1) * thumbnailInterval;
            thumbnails.add(Thumbnail.of(luma, w, 0, 0, w, h, thumbnailSide, t));
            if (thumbnails.size() > MAX_THUMBNAILS) {
                halve(thumbnails);
                thumbnailInterval = Math.max(INTERVAL_MILLIS, thumbnailInterval * 2);
            }
        }
    }

    /**
     * Decodes {@code video} and fingerprints it (only the frames a sample needs are converted).
     *
     * @throws IOException (a {@link io.hallmark.media.MediaException}) when the file cannot be decoded
     */
    public static VideoFingerprint of(Path video, boolean signing) throws IOException {
        return (signing ? forSigning() : forVerification()).read(video);
    }

    /** Decodes {@code video}, converting only the frames this fingerprinter samples, and returns the result. */
    private VideoFingerprint read(Path video) throws IOException {
        try (VideoReader reader = VideoReader.open(video)) {
            reader.readSampled(t -> t / 1000 >= nextTick || (jitter != null && t / 1000 >= nextGridTick), this::accept);
        }
        return result();
    }

    public VideoFingerprint result() {
        return new VideoFingerprint(views, frames, thumbnails, gridFrames);
    }

    private static <T> void halve(List<T> list) {
        List<T> kept = new ArrayList<>();
        for (int i = 0; i < list.size(); i += 2) {
            kept.add(list.get(i));
        }
        list.clear();
        list.addAll(kept);
    }

    private byte[] downsample(VideoFrame frame, int factor, int w, int h) {
        if (factor == 1) {
            return frame.y();
        }
        if (work.length < w * h) {
            work = new byte[w * h];
        }
        byte[] y = frame.y();
        int stride = frame.width();
        int area = factor * factor;
        for (int row = 0; row < h; row++) {
            for (int col = 0; col < w; col++) {
                int sum = 0;
                int base = row * factor * stride + col * factor;
                for (int dy = 0; dy < factor; dy++) {
                    int p = base + dy * stride;
                    for (int dx = 0; dx < factor; dx++) {
                        sum += y[p + dx] & 0xff;
                    }
                }
                work[row * w + col] = (byte) (sum / area);
            }
        }
        return work;
    }
}
