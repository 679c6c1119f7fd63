package io.hallmark.fingerprint;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A video's perceptual fingerprint: PDQ hashes of frames sampled every {@link VideoFingerprinter#INTERVAL_MILLIS}
 * ms, in the spirit of Meta's vPDQ (per-frame PDQ, compared as sets so excerpts and re-timed copies match).
 * Each sampled frame has one hash per {@link View} in {@link #views()}: a signer records the whole frame
 * and a few crops of it, so that a cropped copy still meets a hash of the same window; a verifier records
 * the whole frame only. Immutable, thread-safe.
 *
 * <p>Encoding ({@link #encode()}, base64 of): "HMFP", version byte 2, view count K (byte), the K view codes
 * ({@link View#ordinal()}), frame count (int, big-endian), then per frame its time in ms (int), its
 * quality (byte) and K hashes of 32 bytes in {@link PdqHash#bytes()} order; then the thumbnail count (int)
 * and per thumbnail its time in ms (int), its side S (byte) and S*S luma bytes. Version 3 (written only when
 * there are grid frames) adds the grid frame count (int) and per grid frame its time, quality and one whole-frame
 * hash, as for frames.
 *
 * @param views  the views each frame was hashed in; the first is always {@link View#FULL}
 * @param frames the sampled frames in time order
 * @param thumbnails tiny luma pictures of some sampled frames, for crop-tolerant comparison ({@link Thumbnail})
 * @param gridFrames whole-frame hashes of the frames on the signer's sampling grid (the first frame at or after
 *                   each {@link VideoFingerprinter#SIGNING_INTERVAL_MILLIS} ms tick), which an audit records
 *                   beside its unpredictable samples so that a frame can be compared with the signed frame of
 *                   the same instant ({@link ContentComparison}); empty in signer and verification fingerprints
 */
public record VideoFingerprint(List<View> views, List<Frame> frames, List<Thumbnail> thumbnails, List<Frame> gridFrames) {
    /** Soft-binding algorithm identifier in the manifest and the store (Hallmark's own; not a registered name). */
    public static final String ALGORITHM = "io.hallmark.fingerprint.pdq-video.1";
    /** Largest decoded size accepted from a manifest or store (about 1 h of signer fingerprint). */
    public static final int MAX_ENCODED_BYTES = 4 << 20;
    private static final byte[] MAGIC = {'H', 'M', 'F', 'P'};
    /** Look-up keys are at least this many bits apart. */
    static final int KEY_SPACING = 16;

    /** A fingerprint of PDQ hashes only. */
    public VideoFingerprint(List<View> views, List<Frame> frames) {
        this(views, frames, List.of());
    }

    /** A fingerprint without grid frames (what a signer or a plain verification records). */
    public VideoFingerprint(List<View> views, List<Frame> frames, List<Thumbnail> thumbnails) {
        this(views, frames, thumbnails, List.of());
    }

    public VideoFingerprint {
        views = List.copyOf(views);
        frames = List.copyOf(frames);
        thumbnails = List.copyOf(thumbnails);
        gridFrames = List.copyOf(gridFrames);
        for (Frame f : gridFrames) {
            if (f.hashes().size() != 1) {
                throw new IllegalArgumentException("grid frame at " + f.timeMillis() + " ms has " + f.hashes().size() + " hashes");
            }
        }
        if (views.isEmpty() || views.get(0) != View.FULL) {
            throw new IllegalArgumentException("the first view must be the whole frame");
        }
        for (Frame f : frames) {
            if (f.hashes().size() != views.size()) {
                throw new IllegalArgumentException("frame at " + f.timeMillis() + " ms has " + f.hashes().size()
                        + " hashes for " + views.size() + " views");
            }
        }
    }

    /**
     * The window of the frame a hash was computed on, as fractions of width and height: the whole frame and
     * the centred crops platforms make most (5 and 10 % per side). PDQ is exact about framing (a 2 % shift
     * moves a hash about 90 bits), so other crops are left to the thumbnails ({@link CropRegistration}).
     */
    public enum View {
        FULL(0, 0, 1, 1),
        CENTER_90(0.05, 0.05, 0.9, 0.9),
        CENTER_80(0.1, 0.1, 0.8, 0.8);

        final double x;
        final double y;
        final double w;
        final double h;

        View(double x, double y, double w, double h) {
            this.x = x;
            this.y = y;
            this.w = w;
            this.h = h;
        }
    }

    /**
     * One sampled frame.
     *
     * @param timeMillis presentation time from the start of the video
     * @param quality    PDQ quality of the whole frame (0-100)
     * @param hashes     one hash per view, in the order of the fingerprint's views
     */
    public record Frame(long timeMillis, int quality, List<PdqHash> hashes) {
        public Frame {
            hashes = List.copyOf(hashes);
        }

        public PdqHash full() {
            return hashes.get(0);
        }
    }

    /** Length of the fingerprinted video in ms (the last sample's time; 0 when empty). */
    public long durationMillis() {
        return frames.isEmpty() ? 0 : frames.get(frames.size() - 1).timeMillis();
    }

    /**
     * Up to {@code max} whole-frame hashes that stand for the video in a look-up index: usable frames
     * (quality &ge; {@link ContentComparison#MIN_QUALITY}) in time order, each kept only when it is more than
     * {@value #KEY_SPACING} bits from every hash already kept (one per shot, roughly; a frame of the video is
     * then within {@value #KEY_SPACING} bits of a key, so a copy's frame within
     * {@code HashIndex.GUARANTEED_RADIUS - KEY_SPACING} bits of it is always found).
     */
    public List<PdqHash> lookupKeys(int max) {
        List<PdqHash> keys = new ArrayList<>();
        for (Frame f : frames) {
            if (keys.size() >= max) {
                break;
            }
            if (f.quality() < ContentComparison.MIN_QUALITY) {
                continue;
            }
            PdqHash h = f.full();
            if (keys.stream().allMatch(k -> k.distance(h) > KEY_SPACING)) {
                keys.add(h);
            }
        }
        return keys;
    }

    /** The same frames with the whole-frame hash only (what a verifier computes). */
    public VideoFingerprint fullFrameOnly() {
        List<Frame> out = new ArrayList<>(frames.size());
        for (Frame f : frames) {
            out.add(new Frame(f.timeMillis(), f.quality(), List.of(f.full())));
        }
        return new VideoFingerprint(List.of(View.FULL), out, thumbnails, gridFrames);
    }

    public String encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeByte(gridFrames.isEmpty() ? 2 : 3);
            out.writeByte(views.size());
            for (View v : views) {
                out.writeByte(v.ordinal());
            }
            out.writeInt(frames.size());
            for (Frame f : frames) {
                out.writeInt((int) Math.min(Integer.MAX_VALUE, f.timeMillis()));
                out.writeByte(f.quality());
                for (PdqHash h : f.hashes()) {
                    out.write(h.bytes());
                }
            }
            out.writeInt(thumbnails.size());
            for (Thumbnail t : thumbnails) {
                out.writeInt((int) Math.min(Integer.MAX_VALUE, t.timeMillis()));
                out.writeByte(t.side());
                out.write(t.raw());
            }
            if (!gridFrames.isEmpty()) {
                out.writeInt(gridFrames.size());
                for (Frame f : gridFrames) {
                    out.writeInt((int) Math.min(Integer.MAX_VALUE, f.timeMillis()));
                    out.writeByte(f.quality());
                    out.write(f.full().bytes());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e); // in memory
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    /**
     * Parses {@link #encode()}. The input may come from a hostile file or server: sizes are checked before
     * anything is allocated.
     *
     * @throws IllegalArgumentException if it is not a well-formed fingerprint of this version
     */
    private static List<Frame> readFrames(ByteBuffer in, byte[] raw, int n, int k) {
        List<Frame> frames = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long t = in.getInt() & 0xffffffffL;
            int q = in.get() & 0xff;
            if (q > 100) {
                throw new IllegalArgumentException("fingerprint quality " + q + " out of range");
            }
            List<PdqHash> hashes = new ArrayList<>(k);
            for (int v = 0; v < k; v++) {
                hashes.add(PdqHash.fromBytes(raw, in.position(), q));
                in.position(in.position() + 32);
            }
            frames.add(new Frame(t, q, hashes));
        }
        return frames;
    }

    public static VideoFingerprint decode(String base64) {
        if (base64.length() > MAX_ENCODED_BYTES / 3 * 4 + 4) {
            throw new IllegalArgumentException("fingerprint larger than " + MAX_ENCODED_BYTES + " bytes");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fingerprint is not base64: " + e.getMessage());
        }
        ByteBuffer in = ByteBuffer.wrap(raw);
        try {
            byte[] magic = new byte[4];
            in.get(magic);
            int version = in.get();
            if (!java.util.Arrays.equals(magic, MAGIC) || (version != 2 && version != 3)) {
                throw new IllegalArgumentException("not a version-2 or 3 Hallmark video fingerprint");
            }
            int k = in.get() & 0xff;
            if (k == 0 || k > View.values().length) {
                throw new IllegalArgumentException("fingerprint names " + k + " views");
            }
            List<View> views = new ArrayList<>(k);
            for (int i = 0; i < k; i++) {
                int code = in.get() & 0xff;
                if (code >= View.values().length) {
                    throw new IllegalArgumentException("unknown fingerprint view " + code);
                }
                views.add(View.values()[code]);
            }
            int n = in.getInt();
            if (n < 0 || (long) n * (5 + 32L * k) > in.remaining()) {
                throw new IllegalArgumentException("fingerprint frame count " + n + " does not match its size");
            }
            List<Frame> frames = readFrames(in, raw, n, k);
            int thumbs = in.getInt();
            if (thumbs < 0 || thumbs > in.remaining() / 69) {
                throw new IllegalArgumentException("fingerprint thumbnail count " + thumbs + " does not match its size");
            }
            List<Thumbnail> thumbnails = new ArrayList<>(thumbs);
            for (int i = 0; i < thumbs; i++) {
                long t = in.getInt() & 0xffffffffL;
                int side = in.get() & 0xff;
                if (side < 8 || side > 128) {
                    throw new IllegalArgumentException("fingerprint thumbnail side " + side + " out of range");
                }
                byte[] luma = new byte[side * side];
                in.get(luma);
                thumbnails.add(new Thumbnail(t, side, luma));
            }
            List<Frame> grid = List.of();
            if (version == 3) {
                int g = in.getInt();
                if (g < 0 || (long) g * (5 + 32L) > in.remaining()) {
                    throw new IllegalArgumentException("fingerprint grid frame count " + g + " does not match its size");
                }
                grid = readFrames(in, raw, g, 1);
            }
            if (in.hasRemaining()) {
                throw new IllegalArgumentException("fingerprint has " + in.remaining() + " bytes after its end");
            }
            return new VideoFingerprint(views, frames, thumbnails, grid);
        } catch (java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("fingerprint is truncated");
        }
    }
}
