package io.hallmark.fingerprint;

import java.util.Arrays;

/**
 * Whether a file shows the content a reference fingerprint (e.g. a signed manifest's) describes, and how
 * sure that is. Each usable sampled frame of the file (PDQ quality &ge; {@link #MIN_QUALITY}) looks for its
 * nearest hash among all frames and views of the reference; it <em>matches</em> when that distance is at most
 * {@link #FRAME_DISTANCE} bits. The similarity is the share of usable frames that match (as vPDQ's "query
 * match percent"), so a 2 s excerpt of the reference scores as high as the whole video.
 *
 * <p>Decision: {@link Decision#MATCH} when similarity &ge; {@link #MATCH_SIMILARITY}; {@link Decision#MISMATCH}
 * when it is below that and the file had at least {@link #MIN_FRAMES} usable frames; otherwise
 * {@link Decision#INCONCLUSIVE} (too short or too flat to tell). The thresholds are calibrated by
 * {@code hallmark bench binding} (docs/content-binding.md): true copies under the benchmark's attacks against
 * different videos of the same and other kinds.
 *
 * @param usableFrames   sampled frames of the file with enough texture to compare
 * @param matchedFrames  of those, how many found a reference hash within {@link #FRAME_DISTANCE}
 * @param similarity     matchedFrames / usableFrames (0 when none is usable)
 * @param medianDistance median over usable frames of the nearest-hash distance in bits (256 when none)
 * @param decision       the verdict on the content
 */
public record ContentComparison(int usableFrames, int matchedFrames, double similarity, int medianDistance,
                                Decision decision) {
    /** PDQ quality below which a frame is too flat to say anything (PDQ's reference rejects &lt; 50). */
    public static final int MIN_QUALITY = 20;
    /** Largest per-frame distance counted as the same picture. */
    public static final int FRAME_DISTANCE = 64;
    /** Share of usable frames that must match. */
    public static final double MATCH_SIMILARITY = 0.5;
    /** Usable frames needed before a mismatch is declared. */
    public static final int MIN_FRAMES = 3;

    public enum Decision { MATCH, MISMATCH, INCONCLUSIVE }

    /** Compares what was seen in a file with a reference fingerprint. Pure function; thread-safe. */
    public static ContentComparison compare(VideoFingerprint file, VideoFingerprint reference) {
        long[] ref = flatten(reference);
        int usable = 0;
        int matched = 0;
        int[] distances = new int[file.frames().size()];
        for (VideoFingerprint.Frame f : file.frames()) {
            if (f.quality() < MIN_QUALITY) {
                continue;
            }
            int best = nearest(f.full().words(), ref);
            distances[usable++] = best;
            if (best <= FRAME_DISTANCE) {
                matched++;
            }
        }
        double similarity = usable == 0 ? 0 : (double) matched / usable;
        int median = 256;
        if (usable > 0) {
            int[] d = Arrays.copyOf(distances, usable);
            Arrays.sort(d);
            median = d[usable / 2];
        }
        Decision decision = similarity >= MATCH_SIMILARITY && usable > 0 ? Decision.MATCH
                : usable >= MIN_FRAMES ? Decision.MISMATCH : Decision.INCONCLUSIVE;
        return new ContentComparison(usable, matched, similarity, median, decision);
    }

    /** Nearest distance from one hash to any hash of a flattened reference (4 words each). */
    static int nearest(long[] query, long[] flat) {
        int best = PdqHash.BITS;
        for (int off = 0; off < flat.length; off += 4) {
            int d = PdqHash.distance(query, 0, flat, off);
            if (d < best) {
                best = d;
            }
        }
        return best;
    }

    static long[] flatten(VideoFingerprint fp) {
        int n = 0;
        for (VideoFingerprint.Frame f : fp.frames()) {
            n += f.hashes().size();
        }
        long[] flat = new long[n * 4];
        int off = 0;
        for (VideoFingerprint.Frame f : fp.frames()) {
            for (PdqHash h : f.hashes()) {
                System.arraycopy(h.words(), 0, flat, off, 4);
                off += 4;
            }
        }
        return flat;
    }
}
