package io.hallmark.fingerprint;

import java.util.Arrays;
import java.util.List;

/**
 * Whether a file shows the content a reference fingerprint (e.g. a signed manifest's) describes, and how
 * sure that is. Two kinds of evidence:
 * <ol>
 *   <li><b>PDQ</b>: each usable sampled frame of the file (PDQ quality &ge; {@link #MIN_QUALITY}) looks for its
 *       nearest hash among all frames and views of the reference and <em>matches</em> within
 *       {@link #FRAME_DISTANCE} bits. The similarity is the share of usable frames that match (vPDQ's "query
 *       match percent"), so a 2 s excerpt scores as high as the whole video.</li>
 *   <li><b>Registration</b>: up to {@value #REGISTRATION_FRAMES} textured thumbnails of the file, spread over
 *       it, are each placed anywhere in any reference thumbnail at any crop or stretch, and each reference
 *       thumbnail in them (padding: pillar- and letterboxes) ({@link CropRegistration}); the score is the lower
 *       quartile of their best correlations, so three quarters of the file must register (a few of the
 *       signed frames spliced into other footage do not make it the signed content). PDQ is exact about
 *       framing (a 2 % shift moves a hash ~90 bits), so a cropped copy scores as randomly as other footage
 *       there; registration tells them apart. It also rejects look-alikes PDQ lets through.</li>
 * </ol>
 * Decision (thresholds from {@code hallmark bench binding}, docs/content-binding.md):
 * <ul>
 *   <li>{@link Decision#MATCH}: PDQ similarity &ge; {@link #MATCH_SIMILARITY} with a median distance of at
 *       most {@link #STRONG_DISTANCE} bits (closer than any look-alike measured), measured either from each
 *       unpredictable sample to its nearest signed frame, or (an audit's {@link VideoFingerprint#gridFrames()})
 *       from each frame on the signer's grid to the signed frame of the same instant: a re-encoded copy with
 *       the signed timeline shows the very frames that were signed, while a moving scene sampled 100 ms away
 *       from a signed frame, or a look-alike at any time, does not; or registration &ge;
 *       {@link #REGISTRATION_MATCH} (crops, stretches, content PDQ cannot hash, and PDQ matches that are not
 *       strong: look-alike scenes of one generator and prompt reach PDQ 23-44 bits with registration up to
 *       0.975). Without textured thumbnails on either side, only the strong PDQ match confirms.</li>
 *   <li>{@link Decision#MISMATCH}: PDQ similarity below {@link #MISMATCH_SIMILARITY} (a compilation that
 *       contains the signed video is not "other content") with at most {@value #MISMATCH_MAX_MATCHED} frame
 *       near a signed one, registration below {@link #REGISTRATION_MISMATCH} (or no thumbnails on the
 *       reference), and at least {@link #MIN_FRAMES} frames compared.</li>
 *   <li>{@link Decision#INCONCLUSIVE} otherwise: too short or flat to compare, or too alike to call other
 *       footage and too unlike to call a copy. Callers must treat it as "cannot be confirmed".</li>
 * </ul>
 *
 * @param usableFrames   sampled frames of the file with enough texture to compare
 * @param matchedFrames  of those, how many found a reference hash within {@link #FRAME_DISTANCE}
 * @param similarity     matchedFrames / usableFrames (0 when none is usable)
 * @param medianDistance median over usable frames of the nearest-hash distance in bits (256 when none)
 * @param registration   lower quartile of the best correlations of the file's thumbnails with the reference's (-1..1), or NaN
 *                       when either side has no textured thumbnail, or it was not computed ({@link #comparePdq}, or a
 *                       strong PDQ match that needs none)
 * @param decision       the verdict on the content
 * @param alignedDistance median distance in bits from the file's grid frames to the signed frames of the same
 *                       instants (within {@link #ALIGNMENT_MILLIS}); 256 when fewer than {@link #MIN_FRAMES} usable
 *                       pairs (no grid frames, another timeline, flat frames)
 */
public record ContentComparison(int usableFrames, int matchedFrames, double similarity, int medianDistance,
                                double registration, Decision decision, int alignedDistance) {
    /** PDQ quality below which a frame is too flat to say anything (PDQ's reference rejects &lt; 50). */
    public static final int MIN_QUALITY = 20;
    /** Largest per-frame distance counted as the same picture. */
    public static final int FRAME_DISTANCE = 64;
    /** Share of usable frames that must match. */
    public static final double MATCH_SIMILARITY = 0.5;
    /** Frames (PDQ-usable or registered) needed before a mismatch is declared. */
    public static final int MIN_FRAMES = 3;
    /**
     * Median PDQ distance at or below which a PDQ match needs no confirmation: look-alike scenes of one
     * generator and prompt were never closer than 23 bits (calibration set A), true copies mostly are.
     */
    public static final int STRONG_DISTANCE = 20;
    /** Registration from which the file is the reference's content (a crop, a stretch, a weak PDQ match). */
    public static final double REGISTRATION_MATCH = 0.98;
    /**
     * Registration below which the content is other footage. 0.90 accused fast-motion and noisy true copies
     * once frames were sampled at random (0.865-0.89); other footage mostly stays below 0.8.
     */
    public static final double REGISTRATION_MISMATCH = 0.85;
    /** PDQ similarity from which a file is never called other content (part of it is the signed video). */
    public static final double MISMATCH_SIMILARITY = 0.2;
    /**
     * Most sampled frames near a signed one in a file still called other content: one can be chance. True
     * copies of fast-changing, noisy content (a moving radial gradient under heavy grain) matched 2-5 frames
     * of 13-15 with registration 0.15-0.31, and a random draw below 0.2 similarity read MISMATCH (held-out
     * set D, once the watermark's geometric search read their IDs).
     */
    public static final int MISMATCH_MAX_MATCHED = 1;
    /** Thumbnails of the file registered at most (spread over it). */
    static final int REGISTRATION_FRAMES = 16;
    /** Reference thumbnails tried at most per file thumbnail (spread over the reference). */
    static final int REGISTRATION_REFERENCES = 48;
    /** A thumbnail with less luma spread than this (standard deviation, levels) is too flat to register. */
    static final double MIN_THUMBNAIL_SPREAD = 4;

    /** Largest gap between a grid frame and a signed frame for them to count as the same instant (a frame at 50 fps). */
    public static final long ALIGNMENT_MILLIS = 20;

    public enum Decision { MATCH, MISMATCH, INCONCLUSIVE }

    /** A comparison without grid frames. */
    public ContentComparison(int usableFrames, int matchedFrames, double similarity, int medianDistance,
                             double registration, Decision decision) {
        this(usableFrames, matchedFrames, similarity, medianDistance, registration, decision, PdqHash.BITS);
    }

    /**
     * Compares what was seen in a file with a reference fingerprint: PDQ and registration. Pure function;
     * thread-safe. Cost: PDQ is microseconds; registration up to about a second for a long reference.
     */
    public static ContentComparison compare(VideoFingerprint file, VideoFingerprint reference) {
        ContentComparison pdq = comparePdq(file, reference);
        boolean pdqMatch = pdq.decision() == Decision.MATCH;
        int aligned = alignedDistance(file, reference);
        if (pdqMatch && Math.min(pdq.medianDistance(), aligned) <= STRONG_DISTANCE) {
            // a strong PDQ match needs no registration (most of a verification's time when it runs): not computed
            return new ContentComparison(pdq.usableFrames(), pdq.matchedFrames(), pdq.similarity(), pdq.medianDistance(),
                    Double.NaN, Decision.MATCH, aligned);
        }
        double registration = registration(file, reference);
        long registered = file.thumbnails().stream().filter(ContentComparison::textured).count();
        Decision decision;
        if (Double.isNaN(registration)) {
            // Without registration only a strong PDQ match (above) confirms: a look-alike whose thumbnails were
            // flattened below the texture floor, with PDQ kept usable by a faint pattern, matched at 46-56 bits
            decision = reference.thumbnails().isEmpty() && pdq.usableFrames() >= MIN_FRAMES
                            && pdq.similarity() < MISMATCH_SIMILARITY && pdq.matchedFrames() <= MISMATCH_MAX_MATCHED
                            ? Decision.MISMATCH
                    : Decision.INCONCLUSIVE;
        } else if (registration >= REGISTRATION_MATCH) {
            decision = Decision.MATCH;
        } else if (pdq.similarity() < MISMATCH_SIMILARITY && pdq.matchedFrames() <= MISMATCH_MAX_MATCHED
                && registration < REGISTRATION_MISMATCH && Math.max(pdq.usableFrames(), registered) >= MIN_FRAMES) {
            decision = Decision.MISMATCH;
        } else {
            decision = Decision.INCONCLUSIVE;
        }
        return new ContentComparison(pdq.usableFrames(), pdq.matchedFrames(), pdq.similarity(), pdq.medianDistance(),
                registration, decision, aligned);
    }

    /**
     * Median distance from the file's usable grid frames to the reference's whole-frame hash of the same instant
     * (the reference frame within {@link #ALIGNMENT_MILLIS}); {@link PdqHash#BITS} with fewer than
     * {@link #MIN_FRAMES} such pairs.
     */
    static int alignedDistance(VideoFingerprint file, VideoFingerprint reference) {
        List<VideoFingerprint.Frame> ref = reference.frames();
        int[] d = new int[file.gridFrames().size()];
        int n = 0;
        int j = 0;
        for (VideoFingerprint.Frame g : file.gridFrames()) {
            if (g.quality() < MIN_QUALITY) {
                continue;
            }
            while (j < ref.size() && ref.get(j).timeMillis() < g.timeMillis() - ALIGNMENT_MILLIS) {
                j++;
            }
            if (j < ref.size() && Math.abs(ref.get(j).timeMillis() - g.timeMillis()) <= ALIGNMENT_MILLIS) {
                d[n++] = g.full().distance(ref.get(j).full());
            }
        }
        if (n < MIN_FRAMES) {
            return PdqHash.BITS;
        }
        int[] sorted = Arrays.copyOf(d, n);
        Arrays.sort(sorted);
        return sorted[n / 2];
    }

    /**
     * The PDQ part alone (microseconds): MATCH when the similarity reaches {@link #MATCH_SIMILARITY}, else
     * INCONCLUSIVE, never MISMATCH. For ranking look-up candidates, not for a verdict on its own.
     */
    public static ContentComparison comparePdq(VideoFingerprint file, VideoFingerprint reference) {
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
        Decision decision = similarity >= MATCH_SIMILARITY && usable > 0 ? Decision.MATCH : Decision.INCONCLUSIVE;
        return new ContentComparison(usable, matched, similarity, median, Double.NaN, decision);
    }

    /**
     * Lower quartile of the best correlations (-1..1) of the file's textured thumbnails with the reference's,
     * each placed anywhere in the other at any crop or stretch ({@link CropRegistration}); NaN when either
     * side has none.
     */
    public static double registration(VideoFingerprint file, VideoFingerprint reference) {
        List<Thumbnail> queries = spread(file.thumbnails().stream().filter(ContentComparison::textured).toList(),
                REGISTRATION_FRAMES);
        List<Thumbnail> refs = spread(reference.thumbnails(), REGISTRATION_REFERENCES);
        if (queries.isEmpty() || refs.isEmpty()) {
            return Double.NaN;
        }
        double[] best = new double[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            Thumbnail q = queries.get(i);
            Thumbnail q32 = q.side() == refs.get(0).side() ? q : q.resized(refs.get(0).side());
            // coarse placement both ways in every reference thumbnail, then refine the two best
            List<CropRegistration.Placement> placements = new java.util.ArrayList<>();
            List<Thumbnail[]> pairs = new java.util.ArrayList<>();
            for (Thumbnail r : refs) {
                CropRegistration.Placement inside = CropRegistration.coarse(q, r); // the file is a crop
                if (inside != null) {
                    placements.add(inside);
                    pairs.add(new Thumbnail[] {q, r});
                }
                CropRegistration.Placement around = CropRegistration.coarse(r, q32); // the file is padded
                if (around != null) {
                    placements.add(around);
                    pairs.add(new Thumbnail[] {r, q32});
                }
            }
            best[i] = -1;
            Integer[] order = new Integer[placements.size()];
            for (int k = 0; k < order.length; k++) {
                order[k] = k;
            }
            Arrays.sort(order, (x, y) -> Double.compare(placements.get(y).r(), placements.get(x).r()));
            for (int k = 0; k < Math.min(2, order.length); k++) {
                Thumbnail[] pair = pairs.get(order[k]);
                best[i] = Math.max(best[i], CropRegistration.refine(pair[0], pair[1], placements.get(order[k])).r());
            }
        }
        Arrays.sort(best);
        return best[best.length / 4];
    }

    static boolean textured(Thumbnail t) {
        byte[] v = t.raw();
        double sum = 0;
        double sumSq = 0;
        for (byte b : v) {
            int x = b & 0xff;
            sum += x;
            sumSq += x * x;
        }
        double mean = sum / v.length;
        return Math.sqrt(Math.max(0, sumSq / v.length - mean * mean)) >= MIN_THUMBNAIL_SPREAD;
    }

    private static <T> List<T> spread(List<T> all, int max) {
        if (all.size() <= max) {
            return all;
        }
        List<T> out = new java.util.ArrayList<>(max);
        for (int i = 0; i < max; i++) {
            out.add(all.get((int) ((long) i * all.size() / max)));
        }
        return out;
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
