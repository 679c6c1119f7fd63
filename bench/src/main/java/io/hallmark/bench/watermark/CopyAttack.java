package io.hallmark.bench.watermark;

import io.hallmark.media.EncodeSettings;
import io.hallmark.media.VideoFrame;
import io.hallmark.media.VideoReader;
import io.hallmark.media.VideoWriter;
import io.hallmark.watermark.DetectionResult;
import io.hallmark.watermark.EmbedOptions;
import io.hallmark.watermark.Payload;
import io.hallmark.watermark.WatermarkDetector;
import io.hallmark.watermark.WatermarkEmbedder;
import io.hallmark.watermark.WatermarkKey;
import io.hallmark.watermark.internal.PerceptualMask;
import io.hallmark.watermark.internal.TilePattern;
import io.hallmark.watermark.transform.Fft;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The keyless <em>copy attack</em> on the v1 watermark, as a reusable benchmark component.
 *
 * <p>The v1 mark is one additive, content-independent, static, exactly periodic luma tile per key
 * (docs/watermark.md). Whoever holds one marked video can estimate the tile without the key and
 * <ul>
 *   <li><b>forge</b> ({@link #forge}): add it to any other, unmarked video, which the detector then reports as
 *       marked, with the victim's 64-bit ID (the payload bits are part of the tile and are copied with it);</li>
 *   <li><b>remove</b> ({@link #remove}): subtract it from the marked video, shaped by the embedder's perceptual
 *       mask and per-frame caps (they depend only on the picture, so they can be recomputed from the marked
 *       frame).</li>
 * </ul>
 *
 * <p>Estimation ({@link #estimate}), all key-independent:
 * <ol>
 *   <li>every frame's luma is high-passed (minus its {@value #BOX}x{@value #BOX} local mean, window clipped at
 *       the frame edges), clipped to +-{@value #CLIP} level and averaged over the frames: the picture averages
 *       out, the static mark does not;</li>
 *   <li>period candidates are the most prominent peaks of the axis slices (lags (L, 0) and (0, L)) of the 2-D
 *       autocorrelation of that average (row and column FFTs, whitened spectrum), over lags
 *       {@value #MIN_LAG}..0.6 x the shorter side; the period is the candidate (+-2 px) where folding modulo P
 *       is sharpest, i.e. loses most one pixel off (only an exact integer period stacks every tile copy; see
 *       {@link #pickPeriod}: on one clip the picture's own near-period beat the mark in the plain
 *       autocorrelation);</li>
 *   <li>the average is folded modulo the period (mean of all pixels with the same {@code (x mod P, y mod P)})
 *       and its {@code P x P} DFT taken; the annulus of bins to keep comes from comparing the complete tile
 *       copies with each other: bins where they agree beyond chance, whose shared power is not far below the
 *       rest of the annulus (see {@link #annulusFromCopies}; with fewer than {@value #MIN_COPIES} copies, rings
 *       whose fold power stands out);</li>
 *   <li>the kept bins are set to unit magnitude (phase only, as the embedder's bins are) and transformed
 *       back: a zero-mean, unit-RMS {@code P x P} tile, aligned with the source frame's origin.</li>
 * </ol>
 *
 * <p>Forging and removal re-synthesise the tile exactly (inverse DFT, no interpolation) at the period wanted
 * for the frame at hand: a frequency of k cycles per tile stays k cycles per tile. Output is H.264 via
 * {@link VideoWriter} (CRF {@value #DEFAULT_CRF}, veryfast, no audio); the returned PSNR-Y is measured on the
 * frames handed to the encoder, against the decoded input frames, from the total squared error over all
 * frames (it does not include the encoder's own loss).
 *
 * <p>{@link #main} runs the whole attack on real clips (marks a source with a fresh random key and payload,
 * estimates, removes, forges onto targets, detects each result with the key) and prints one line per step;
 * {@code -Dcopyattack.debug=true} also prints the period candidates and the ring statistics to stderr.
 */
public final class CopyAttack {
    /** Side of the local-mean window of the high-pass, in pixels (the detector's). */
    static final int BOX = 13;
    /** Clip level of the high-passed luma, in levels: each pixel votes by its sign, mostly. */
    static final float CLIP = 1f;
    /** Smallest lag considered a period, in pixels. */
    static final int MIN_LAG = 32;
    /** Without enough copies: a ring is part of the annulus when its mean power is at least this times the background. */
    static final double RING_FACTOR = 4.0;
    /** Autocorrelation peaks checked for an exact period. */
    static final int CANDIDATES = 16;
    /** Window of the extra high-pass used to test a period's sharpness, pixels. */
    static final int SHARP_BOX = 5;
    /** Fewest complete tile copies for the coherence test. */
    static final int MIN_COPIES = 4;
    /** Largest per-ring over-subtraction of a compensated removal. */
    public static final double MAX_COMPENSATION = 2.0;
    /** x264 CRF of the written files (visually transparent). */
    public static final int DEFAULT_CRF = 18;

    private CopyAttack() {}

    /**
     * The estimated tile.
     *
     * @param periodPixels  tile period P in source pixels (both axes)
     * @param tile          row-major {@code P x P} values, zero mean, unit RMS: the pattern per unit amplitude, in
     *                      luma levels (amplitude a adds {@code a * tile} levels, RMS a); cell (0,0) sits at the
     *                      source frame's pixel (0,0), i.e. the tile is aligned with the marked video
     * @param sourceWidth   width of the marked video the tile came from, pixels
     * @param sourceHeight  height of the marked video, pixels
     * @param ringMin       inner radius of the annulus kept, cycles per tile
     * @param ringMax       outer radius of the annulus kept, cycles per tile
     * @param bins          DFT bins kept (both half-planes)
     * @param reliability   per integer radius r = 0..P/2 (cycles per tile): the expected cosine of the phase
     *                      error of the kept bins on that ring, {@code sqrt(s / (1 + s))} from their estimated
     *                      signal-to-noise ratio s (0 where nothing was kept or s was not above 0); checked
     *                      against the true tile on three clips, it matches the measured mean cosine per ring
     *                      within about 0.05 where it is above 0.6
     * @param periodScore   sharpness of the fold energy at the period (see {@link #pickPeriod}) over the fold
     *                      energy: the fraction lost one pixel off the period, 0..1 (near 0: no exact period)
     * @param framesUsed    frames averaged
     */
    public record Estimate(int periodPixels, float[] tile, int sourceWidth, int sourceHeight, int ringMin,
                           int ringMax, int bins, float[] reliability, double periodScore, int framesUsed) {
        public Estimate {
            if (periodPixels <= 0 || tile.length != periodPixels * periodPixels) {
                throw new IllegalArgumentException("tile must be period x period");
            }
            if (reliability.length != periodPixels / 2 + 1) {
                throw new IllegalArgumentException("reliability must have period/2 + 1 rings");
            }
        }

        /** The period scaled by the target's shorter side over the source's (the "size ratio" rule). */
        public int periodScaledTo(int width, int height) {
            double ratio = Math.min(width, height) / (double) Math.min(sourceWidth, sourceHeight);
            return Math.max(1, (int) Math.round(periodPixels * ratio));
        }
    }

    /**
     * Collusion: the mean of estimates made from different videos marked with the same key (all of one
     * period): what the videos share (the key's sync pattern) adds up, what differs (their IDs) cancels.
     * Tiles are averaged cell by cell (each is aligned with its source frame's origin, as the embedder's tile
     * is) and brought back to unit RMS; reliabilities and scores are averaged, the ring is the union.
     */
    public static Estimate mean(List<Estimate> estimates) {
        Estimate first = estimates.get(0);
        int n = first.tile().length;
        float[] tile = new float[n];
        float[] reliability = new float[first.reliability().length];
        int ringMin = first.ringMin();
        int ringMax = first.ringMax();
        int bins = 0;
        double score = 0;
        int frames = 0;
        for (Estimate e : estimates) {
            if (e.periodPixels() != first.periodPixels()) {
                throw new IllegalArgumentException("estimates of different periods: " + e.periodPixels() + " and " + first.periodPixels());
            }
            for (int i = 0; i < n; i++) {
                tile[i] += e.tile()[i];
            }
            for (int i = 0; i < reliability.length; i++) {
                reliability[i] += e.reliability()[i] / estimates.size();
            }
            ringMin = Math.min(ringMin, e.ringMin());
            ringMax = Math.max(ringMax, e.ringMax());
            bins = Math.max(bins, e.bins());
            score += e.periodScore() / estimates.size();
            frames += e.framesUsed();
        }
        double sq = 0;
        for (float v : tile) {
            sq += v * v;
        }
        float scale = sq > 0 ? (float) (1 / Math.sqrt(sq / n)) : 0f;
        for (int i = 0; i < n; i++) {
            tile[i] *= scale;
        }
        return new Estimate(first.periodPixels(), tile, first.sourceWidth(), first.sourceHeight(), ringMin, ringMax,
                bins, reliability, score, frames);
    }

    /**
     * How the estimate is shaped over the frame.
     * {@code FLAT}: the same amplitude everywhere; {@code MASK}: times the embedder's perceptual gain computed
     * on the frame being modified (louder in texture, quieter in flat, dark and bright areas).
     */
    public enum Shaping { FLAT, MASK }

    /**
     * Options of {@link #forge} and {@link #remove}.
     *
     * @param targetPeriod period (pixels) to re-synthesise the tile at; 0 = the embedder's rule for the target
     *                     size when forging, the estimate's own period when removing
     * @param shaping      amplitude shaping over the frame
     * @param compensate   scale each ring by 1 / its {@link Estimate#reliability} (capped at
     *                     {@value #MAX_COMPENSATION}): a bin whose estimated phase is off by e removes only
     *                     cos(e) of the mark's component along the true phase, so removal must over-subtract
     *                     by 1/E[cos e] for the detector's expected correlation to reach zero
     * @param maxSeconds   stop after this much of the input (presentation time), {@code <= 0}: the whole file
     * @param crf          x264 CRF of the output
     */
    public record Options(int targetPeriod, Shaping shaping, boolean compensate, double maxSeconds, int crf) {
        public static final Options FORGE = new Options(0, Shaping.FLAT, false, 0, DEFAULT_CRF);
        public static final Options REMOVE = new Options(0, Shaping.MASK, true, 0, DEFAULT_CRF);

        public Options withTargetPeriod(int p) { return new Options(p, shaping, compensate, maxSeconds, crf); }
        public Options withShaping(Shaping s) { return new Options(targetPeriod, s, compensate, maxSeconds, crf); }
        public Options withCompensation(boolean c) { return new Options(targetPeriod, shaping, c, maxSeconds, crf); }
        public Options withMaxSeconds(double s) { return new Options(targetPeriod, shaping, compensate, s, crf); }
        public Options withCrf(int c) { return new Options(targetPeriod, shaping, compensate, maxSeconds, c); }
    }

    /** The embedder's published period rule: {@code max(96, round(max(short/4, min(160, short/2.5))))}. */
    public static int embedderPeriod(int width, int height) {
        return TilePattern.periodFor(width, height);
    }

    // ---------------------------------------------------------------------------------------------------
    // Estimation

    /** Estimates the mark's tile from one marked video, without the key (all frames). */
    public static Estimate estimate(Path markedVideo) throws IOException {
        return estimate(markedVideo, 0);
    }

    /** As {@link #estimate(Path)}, from the first {@code maxSeconds} only ({@code <= 0}: all). */
    public static Estimate estimate(Path markedVideo, double maxSeconds) throws IOException {
        float[] sum = null;
        int w = 0;
        int h = 0;
        int frames = 0;
        HighPass highPass = null;
        try (VideoReader reader = VideoReader.open(markedVideo)) {
            VideoFrame frame;
            while ((frame = reader.read()) != null) {
                if (maxSeconds > 0 && frame.timestampMicros() >= maxSeconds * 1e6) {
                    break;
                }
                if (sum == null) {
                    w = frame.width();
                    h = frame.height();
                    sum = new float[w * h];
                    highPass = new HighPass(w, h);
                } else if (frame.width() != w || frame.height() != h) {
                    continue;
                }
                highPass.accumulate(frame.y(), sum);
                frames++;
            }
        }
        if (frames == 0) {
            throw new IOException("no frames in " + markedVideo);
        }
        return estimate(sum, w, h, frames);
    }

    /** Estimation from the summed high-passed luma {@code sum} ({@code w*h}) of {@code frames} frames. */
    static Estimate estimate(float[] sum, int w, int h, int frames) {
        double[] score = axisAutocorrelation(sum, w, h);
        int maxLag = Math.min(score.length - 1, (int) (0.6 * Math.min(w, h)));
        PeriodPick picked = pickPeriod(sum, w, h, score, maxLag);
        int period = picked.period();
        int p = period;
        // Fold modulo the period: the mean of all pixels on each cell.
        double[] foldRe = new double[p * p];
        int[] count = new int[p * p];
        for (int y = 0; y < h; y++) {
            int cellRow = (y % p) * p;
            int row = y * w;
            for (int x = 0, cx = 0; x < w; x++) {
                foldRe[cellRow + cx] += sum[row + x];
                count[cellRow + cx]++;
                if (++cx == p) {
                    cx = 0;
                }
            }
        }
        for (int i = 0; i < foldRe.length; i++) {
            foldRe[i] = count[i] == 0 ? 0 : foldRe[i] / count[i];
        }
        Dft dft = new Dft(p);
        double[] re = foldRe;
        double[] im = new double[p * p];
        dft.transform(re, im, -1);
        // The annulus of bins the mark occupies: from the tile copies' agreement when there are enough
        // copies, else from the fold's power alone.
        Annulus annulus = annulusFromCopies(sum, w, h, p, dft);
        if (annulus == null) {
            annulus = annulusFromPower(re, im, p);
        }
        long r2Min = (long) Math.ceil(annulus.r2Min());
        long r2Max = (long) Math.floor(annulus.r2Max());
        double[] outRe = new double[p * p];
        double[] outIm = new double[p * p];
        float[] reliability = new float[p / 2 + 1];
        int kept = 0;
        for (int v = 0; v < p; v++) {
            for (int u = 0; u < p; u++) {
                long ku = signed(u, p);
                long kv = signed(v, p);
                long r2 = ku * ku + kv * kv;
                int i = v * p + u;
                double m = Math.hypot(re[i], im[i]);
                if (r2 >= r2Min && r2 <= r2Max && m > 0 && 2 * Math.abs(ku) != p && 2 * Math.abs(kv) != p) {
                    outRe[i] = re[i] / m;
                    outIm[i] = im[i] / m;
                    kept++;
                    int r = Math.min(reliability.length - 1, radius((int) ku, (int) kv));
                    double snr = annulus.ringSnr()[Math.min(r, annulus.ringSnr().length - 1)];
                    reliability[r] = snr > 0 ? (float) Math.sqrt(snr / (1 + snr)) : 0f;
                }
            }
        }
        int lo = (int) Math.ceil(Math.sqrt(r2Min));
        int hi = (int) Math.floor(Math.sqrt(r2Max));
        dft.transform(outRe, outIm, +1);
        float[] tile = normalised(outRe);
        double periodScore = picked.score();
        return new Estimate(period, tile, w, h, lo, hi, kept, reliability, periodScore, frames);
    }

    /**
     * The annulus {@code {min |k|^2, max |k|^2}} (k in cycles per tile) from the complete tile copies, or
     * {@code null} with fewer than {@value #MIN_COPIES} of them. Per bin, over the n copies' DFTs F_c:
     * <ul>
     *   <li>agreement {@code A = |mean F|^2 / (var F / n)} (an F statistic: about 1 where the copies only hold
     *       picture, large where they share the mark);</li>
     *   <li>mark power {@code M = (|mean F|^2 - var F / n) / |H|^2}: the power the copies share, noise
     *       removed, undoing the {@value #BOX}x{@value #BOX} high-pass H (the embedder's bins all have the
     *       same magnitude, so M is flat over the mark's annulus, and far lower on what else repeats with the
     *       tile, e.g. the harmonics that clipping at black and white makes).</li>
     * </ul>
     * The annulus grows from the integer ring of highest agreement (z score of its 5-ring neighbourhood):
     * outwards while a ring's mean M is at least a quarter of the previous ring's and 1/16 of the mark's level
     * (median M of the 7 rings around the peak; the encoder makes M decay towards high frequencies, but not by
     * 4x from one ring to the next), the outer edge then placed bin by bin within +-1.5 rings where the running
     * sum of {@code M/M_edge - 1/2} is highest (M_edge: mean M of the two rings inside the edge); inwards, down
     * to where the running sum of {@code A/A0 - 1} from the peak towards the centre is highest
     * (A0 = (n-1)/(n-2), the no-mark mean of A). The inner edge is generous on purpose: there the
     * picture is strong and the high-pass weak, so mark bins agree only a little, yet leaving them out loses
     * their share of the sync and payload bins (measured: forging from the 480x360 clip reached the exact ID
     * only once these rings were in), while a picture bin let in only dilutes the energy a little.
     */
    static Annulus annulusFromCopies(float[] sum, int w, int h, int p, Dft dft) {
        int across = w / p;
        int down = h / p;
        int n = across * down;
        if (n < MIN_COPIES) {
            return null;
        }
        double[] sRe = new double[p * p];
        double[] sIm = new double[p * p];
        double[] q = new double[p * p];
        double[] re = new double[p * p];
        double[] im = new double[p * p];
        for (int cy = 0; cy < down; cy++) {
            for (int cx = 0; cx < across; cx++) {
                for (int v = 0; v < p; v++) {
                    int src = (cy * p + v) * w + cx * p;
                    for (int u = 0; u < p; u++) {
                        re[v * p + u] = sum[src + u];
                    }
                }
                Arrays.fill(im, 0);
                dft.transform(re, im, -1);
                for (int i = 0; i < re.length; i++) {
                    sRe[i] += re[i];
                    sIm[i] += im[i];
                    q[i] += re[i] * re[i] + im[i] * im[i];
                }
            }
        }
        int maxRadius = (p - 1) / 2;
        double[] agreement = new double[p * p];
        double[] power = new double[p * p];
        double[] ringAgreement = new double[maxRadius + 2];
        double[] ringPower = new double[maxRadius + 2];
        int[] ringCount = new int[maxRadius + 2];
        for (int v = 0; v < p; v++) {
            for (int u = 0; u < p; u++) {
                int i = v * p + u;
                int ku = signed(u, p);
                int kv = signed(v, p);
                int r = radius(ku, kv);
                double mean2 = (sRe[i] * sRe[i] + sIm[i] * sIm[i]) / ((double) n * n);
                double noise = Math.max(1e-12, (q[i] - n * mean2) / (n - 1)) / n;
                double hp = highPassResponse(ku / (double) p, kv / (double) p);
                agreement[i] = mean2 / noise;
                power[i] = (mean2 - noise) / Math.max(1e-6, hp * hp);
                if (r >= 1 && r <= maxRadius) {
                    ringAgreement[r] += agreement[i];
                    ringPower[r] += power[i];
                    ringCount[r]++;
                }
            }
        }
        for (int r = 1; r <= maxRadius; r++) {
            ringAgreement[r] /= Math.max(1, ringCount[r]);
            ringPower[r] /= Math.max(1, ringCount[r]);
        }
        double nullAgreement = (n - 1) / (double) Math.max(1, n - 2);
        // The peak: the ring whose 5-ring neighbourhood's agreement stands out most (a z score: a small
        // ring on its own is too noisy).
        int peak = 2;
        double peakScore = Double.NEGATIVE_INFINITY;
        for (int r = 2; r <= maxRadius; r++) {
            double excess = 0;
            int count = 0;
            for (int d = Math.max(1, r - 2); d <= Math.min(maxRadius, r + 2); d++) {
                excess += ringCount[d] * (ringAgreement[d] / nullAgreement - 1);
                count += ringCount[d];
            }
            double z = excess / Math.sqrt(Math.max(1, count));
            if (z > peakScore) {
                peakScore = z;
                peak = r;
            }
        }
        double[] near = new double[7];
        int m = 0;
        for (int r = Math.max(1, peak - 3); r <= Math.min(maxRadius, peak + 3); r++) {
            near[m++] = ringPower[r];
        }
        near = Arrays.copyOf(near, m);
        Arrays.sort(near);
        double level = near[m / 2];
        int hi = peak;
        while (hi < maxRadius && ringPower[hi + 1] > 0 && ringPower[hi + 1] >= ringPower[hi] / 4
                && ringPower[hi + 1] >= level / 16) {
            hi++;
        }
        // Inwards, the running excess agreement from the peak down to the centre: include a ring as long as
        // the rings so far agree more than chance would. Generous on purpose: a weak mark bin left out costs
        // its share of the sync and payload bins, a picture bin let in only dilutes the energy a little.
        double inner = cut((peak - 0.5) * (peak - 0.5), 0, p, i -> agreement[i] / nullAgreement - 1);
        int lo = (int) Math.ceil(Math.sqrt(inner));
        if (Boolean.getBoolean("copyattack.debug")) {
            StringBuilder sb = new StringBuilder("rings (r:agreement:power/level), " + n + " copies:");
            for (int r = 1; r <= maxRadius; r++) {
                sb.append(String.format(Locale.ROOT, " %d:%.2f:%.3f", r, ringAgreement[r], ringPower[r] / level));
            }
            System.err.println(sb + " -> rings " + lo + ".." + hi);
        }
        // Place each edge bin by bin: the cut (in |k|^2) maximising the running excess over the edge zone.
        double edgeLevel = 0.5 * (ringPower[Math.max(1, hi - 2)] + ringPower[Math.max(1, hi - 1)]);
        double outer = edgeLevel > 0
                ? cut((hi - 1.5) * (hi - 1.5), (hi + 1.5) * (hi + 1.5), p, i -> power[i] / edgeLevel - 0.5)
                : (hi + 0.5) * (hi + 0.5);
        // The fold averages all w*h/p^2 copies (partial ones too), n of them were compared.
        double[] ringSnr = new double[maxRadius + 1];
        double copies = (double) w * h / ((double) p * p);
        for (int r = 1; r <= maxRadius; r++) {
            ringSnr[r] = Math.max(0, ringAgreement[r] / nullAgreement - 1) * copies / n;
        }
        if (inner >= outer) {
            return new Annulus((lo - 0.5) * (lo - 0.5), (hi + 0.5) * (hi + 0.5), ringSnr);
        }
        return new Annulus(inner, outer, ringSnr);
    }

    /**
     * Bins kept: {@code r2Min <= |k|^2 <= r2Max} (k in cycles per tile); {@code ringSnr[r]}: estimated
     * signal-to-noise power ratio of the fold's bins on integer ring r.
     */
    record Annulus(double r2Min, double r2Max, double[] ringSnr) {}

    /**
     * A cut in |k|^2 between {@code from} (already inside the annulus) and {@code to} (either side): over the
     * bins with |k|^2 strictly beyond {@code from} up to {@code to} inclusive, taken from {@code from}
     * towards {@code to} (exact |k|^2 ties together), the last |k|^2 before which the running sum of
     * {@code excess} is highest; {@code from} itself when no prefix has a positive sum.
     */
    private static double cut(double from, double to, int p, java.util.function.IntToDoubleFunction excess) {
        int direction = to > from ? 1 : -1;
        double lo = Math.min(from, to);
        double hi = Math.max(from, to);
        List<long[]> zone = new ArrayList<>();
        for (int v = 0; v < p; v++) {
            for (int u = 0; u < p; u++) {
                long ku = signed(u, p);
                long kv = signed(v, p);
                long r2 = ku * ku + kv * kv;
                boolean inZone = direction > 0 ? r2 > lo && r2 <= hi : r2 >= Math.max(1, lo) && r2 < hi;
                if (inZone) {
                    zone.add(new long[] {r2, v * p + u});
                }
            }
        }
        zone.sort((a, b) -> direction * Long.compare(a[0], b[0]));
        double best = 0;
        double cut = from;
        double running = 0;
        for (int i = 0; i < zone.size(); ) {
            long r2 = zone.get(i)[0];
            for (; i < zone.size() && zone.get(i)[0] == r2; i++) {
                running += excess.applyAsDouble((int) zone.get(i)[1]);
            }
            if (running > best) {
                best = running;
                cut = r2;
            }
        }
        return cut;
    }

    /** Response of "minus the BOX x BOX local mean" at (fx, fy) cycles per pixel. */
    static double highPassResponse(double fx, double fy) {
        return 1 - boxResponse(fx) * boxResponse(fy);
    }

    private static double boxResponse(double f) {
        double s = Math.sin(Math.PI * f);
        return Math.abs(s) < 1e-12 ? 1 : Math.sin(BOX * Math.PI * f) / (BOX * s);
    }

    /**
     * The annulus from the fold's power alone (too few copies to compare): the run of integer rings around the
     * strongest whose mean power is at least {@value #RING_FACTOR} x the background (the lower quartile of
     * the ring means).
     */
    static Annulus annulusFromPower(double[] re, double[] im, int p) {
        int maxRadius = (p - 1) / 2;
        double[] ring = new double[maxRadius + 1];
        int[] count = new int[maxRadius + 1];
        for (int v = 0; v < p; v++) {
            for (int u = 0; u < p; u++) {
                int r = radius(signed(u, p), signed(v, p));
                if (r >= 1 && r <= maxRadius) {
                    int i = v * p + u;
                    ring[r] += re[i] * re[i] + im[i] * im[i];
                    count[r]++;
                }
            }
        }
        for (int r = 1; r <= maxRadius; r++) {
            ring[r] /= Math.max(1, count[r]);
        }
        double[] sorted = Arrays.copyOfRange(ring, 1, maxRadius + 1);
        Arrays.sort(sorted);
        double threshold = RING_FACTOR * sorted[sorted.length / 4];
        int peak = 1;
        for (int r = 2; r <= maxRadius; r++) {
            if (ring[r] > ring[peak]) {
                peak = r;
            }
        }
        int lo = peak;
        while (lo > 1 && ring[lo - 1] >= threshold) {
            lo--;
        }
        int hi = peak;
        while (hi < maxRadius && ring[hi + 1] >= threshold) {
            hi++;
        }
        double[] ringSnr = new double[maxRadius + 1];
        for (int r = 1; r <= maxRadius; r++) {
            ringSnr[r] = Math.max(0, ring[r] / sorted[sorted.length / 4] - 1);
        }
        return new Annulus((lo - 0.5) * (lo - 0.5), (hi + 0.5) * (hi + 0.5), ringSnr);
    }

    /**
     * Mean over rows of the row autocorrelation plus mean over columns of the column autocorrelation, per lag,
     * each normalised by its overlap (lag L: w-L pixels per row): the (L,0) and (0,L) slices of the 2-D
     * autocorrelation, computed with zero-padded FFTs, after whitening the summed line spectrum (so the
     * picture's own slowly decaying correlation does not bury the period).
     */
    static double[] axisAutocorrelation(float[] a, int w, int h) {
        double[] rx = rowAutocorrelation(a, w, h, 1, w);
        double[] ry = rowAutocorrelation(a, h, w, w, 1);
        int n = Math.min(rx.length, ry.length);
        double[] s = new double[n];
        for (int l = 0; l < n; l++) {
            s[l] = 0.5 * (rx[l] / ((double) (w - l) * h) + ry[l] / ((double) (h - l) * w));
        }
        return s;
    }

    /** Sum over lines of the autocorrelation along lines of {@code length} samples ({@code step} apart). */
    private static double[] rowAutocorrelation(float[] a, int length, int lines, int step, int lineStep) {
        int n = Integer.highestOneBit(Math.max(1, 2 * length - 1));
        if (n < 2 * length - 1) {
            n <<= 1;
        }
        Fft fft = new Fft(n);
        double[] power = new double[n];
        double[] re = new double[n];
        double[] im = new double[n];
        // Two real lines per complex transform: z = a + i b, |A|^2 + |B|^2 from Z[k] and Z[-k].
        for (int line = 0; line < lines; line += 2) {
            Arrays.fill(re, 0);
            Arrays.fill(im, 0);
            boolean two = line + 1 < lines;
            for (int i = 0, base = line * lineStep; i < length; i++, base += step) {
                re[i] = a[base];
                if (two) {
                    im[i] = a[base + lineStep];
                }
            }
            fft.forward(re, im);
            for (int k = 0; k < n; k++) {
                int m = (n - k) & (n - 1);
                // |A|^2 + |B|^2 = (|Z[k]|^2 + |Z[-k]|^2) / 2
                power[k] += 0.5 * (re[k] * re[k] + im[k] * im[k] + re[m] * re[m] + im[m] * im[m]);
            }
        }
        // Whiten: divide by the spectrum's envelope (moving average over +-n/64 bins), which flattens the
        // picture's own smooth spectrum while keeping the fine comb of lines that an exact period makes.
        int half = Math.max(2, n / 64);
        double window = 0;
        for (int d = -half; d <= half; d++) {
            window += power[(d + n) & (n - 1)];
        }
        for (int k = 0; k < n; k++) {
            re[k] = window > 0 ? power[k] * (2 * half + 1) / window : 0;
            window += power[(k + half + 1) & (n - 1)] - power[(k - half + n) & (n - 1)];
        }
        Arrays.fill(im, 0);
        fft.inverse(re, im);
        double[] r = new double[length];
        for (int l = 0; l < length; l++) {
            r[l] = re[l] / n;
        }
        return r;
    }

    /**
     * The tile period: the candidate where the fold energy is sharpest. Candidates are the {@value #CANDIDATES}
     * most prominent local maxima of the (whitened) autocorrelation {@code score} in [MIN_LAG, maxLag], each
     * with its neighbours within +-2 pixels. Prominence: the score minus the mean of the scores at lags
     * {@code L +- [L/30, L/10]}. Sharpness: {@link #foldEnergy} of the average high-passed once more (minus its
     * {@value #SHARP_BOX}x{@value #SHARP_BOX} local mean) at P, minus the larger of the energies at P-1 and
     * P+1. An exact integer period stacks every copy of the tile onto itself, one pixel off spreads the copies
     * by up to a pixel per copy and loses the fine part of the band (which the extra high-pass keeps), while
     * the picture's own near-periodicities are broad (on mdn_stream-of-water, the picture's own peak at 209 px
     * beats the mark's 144 px in both the plain autocorrelation and the plain fold energy). A multiple 2P is
     * exact too, but with fewer copies it loses less one pixel off; P/2 keeps only a quarter of the mark.
     *
     * @return the period and its sharpness over its fold energy
     */
    static PeriodPick pickPeriod(float[] sum, int w, int h, double[] score, int maxLag) {
        double[] prominence = prominence(score, maxLag);
        List<Integer> peaks = new ArrayList<>();
        for (int l = MIN_LAG + 1; l < maxLag; l++) {
            if (prominence[l] > 0 && prominence[l] >= prominence[l - 1] && prominence[l] > prominence[l + 1]) {
                peaks.add(l);
            }
        }
        peaks.sort((a, b) -> Double.compare(prominence[b], prominence[a]));
        float[] fine = minusLocalMean(sum, w, h, SHARP_BOX);
        double[] energy = new double[maxLag + 2];
        Arrays.fill(energy, Double.NaN);
        int best = -1;
        double bestSharpness = Double.NEGATIVE_INFINITY;
        StringBuilder log = new StringBuilder("period candidates (lag:prominence -> best lag:sharpness):");
        for (int c = 0; c < Math.min(CANDIDATES, peaks.size()); c++) {
            int peak = peaks.get(c);
            int local = -1;
            double localSharpness = Double.NEGATIVE_INFINITY;
            for (int q = Math.max(MIN_LAG, peak - 2); q <= Math.min(maxLag, peak + 2); q++) {
                for (int r = q - 1; r <= q + 1; r++) {
                    if (Double.isNaN(energy[r])) {
                        energy[r] = foldEnergy(fine, w, h, r);
                    }
                }
                double sharpness = energy[q] - Math.max(energy[q - 1], energy[q + 1]);
                if (sharpness > localSharpness) {
                    localSharpness = sharpness;
                    local = q;
                }
            }
            log.append(String.format(Locale.ROOT, " %d:%.3g->%d:%.3g", peak, prominence[peak] / score[0], local,
                    localSharpness));
            if (localSharpness > bestSharpness) {
                bestSharpness = localSharpness;
                best = local;
            }
        }
        if (Boolean.getBoolean("copyattack.debug")) {
            System.err.println(log + " => " + best);
        }
        if (best < 0) {
            return new PeriodPick(MIN_LAG, 0);
        }
        return new PeriodPick(best, Math.max(0, bestSharpness) / energy[best]);
    }

    /** A chosen period (pixels) and its relative sharpness (0..1). */
    record PeriodPick(int period, double score) {}

    /** Score minus the mean score at lags {@code L +- [L/30, L/10]}, for L in [MIN_LAG, maxLag]. */
    static double[] prominence(double[] score, int maxLag) {
        double[] out = new double[maxLag + 1];
        for (int l = MIN_LAG; l <= maxLag; l++) {
            int near = Math.max(2, l / 30);
            int far = Math.max(near + 3, l / 10);
            double side = 0;
            int count = 0;
            for (int d = near; d <= far; d++) {
                if (l - d >= 0) {
                    side += score[l - d];
                    count++;
                }
                if (l + d < score.length) {
                    side += score[l + d];
                    count++;
                }
            }
            out[l] = score[l] - side / Math.max(1, count);
        }
        return out;
    }

    /** {@code a} minus its {@code box x box} local mean (window clipped at the edges). */
    static float[] minusLocalMean(float[] a, int w, int h, int box) {
        int r = box / 2;
        int stride = w + 1;
        double[] integral = new double[stride * (h + 1)];
        for (int y = 0; y < h; y++) {
            double rowSum = 0;
            for (int x = 0; x < w; x++) {
                rowSum += a[y * w + x];
                integral[(y + 1) * stride + x + 1] = integral[y * stride + x + 1] + rowSum;
            }
        }
        float[] out = new float[a.length];
        for (int y = 0; y < h; y++) {
            int y0 = Math.max(0, y - r);
            int y1 = Math.min(h, y + r + 1);
            for (int x = 0; x < w; x++) {
                int x0 = Math.max(0, x - r);
                int x1 = Math.min(w, x + r + 1);
                double boxSum = integral[y1 * stride + x1] - integral[y1 * stride + x0]
                        - integral[y0 * stride + x1] + integral[y0 * stride + x0];
                out[y * w + x] = (float) (a[y * w + x] - boxSum / ((x1 - x0) * (y1 - y0)));
            }
        }
        return out;
    }

    /**
     * Energy of the fold modulo {@code p}, per pixel: {@code sum over cells of n_c * mean_c^2 / (w h)}. A tile
     * of period p contributes its full variance; the rest of the picture about {@code var * p^2 / (w h)}.
     */
    static double foldEnergy(float[] sum, int w, int h, int p) {
        double[] cell = new double[p * p];
        int[] count = new int[p * p];
        for (int y = 0; y < h; y++) {
            int cellRow = (y % p) * p;
            int row = y * w;
            for (int x = 0, cx = 0; x < w; x++) {
                cell[cellRow + cx] += sum[row + x];
                count[cellRow + cx]++;
                if (++cx == p) {
                    cx = 0;
                }
            }
        }
        double e = 0;
        for (int i = 0; i < cell.length; i++) {
            if (count[i] > 0) {
                e += cell[i] * cell[i] / count[i];
            }
        }
        return e / ((double) w * h);
    }


    // ---------------------------------------------------------------------------------------------------
    // Forging and removal

    /**
     * Writes {@code target} + the estimate: the tile re-synthesised at the embedder's period for the target's
     * size, flat amplitude chosen per frame so that PSNR-Y against the target is about {@code psnrDb}.
     * Returns the measured PSNR-Y (dB).
     */
    public static double forge(Estimate e, Path target, Path output, double psnrDb) throws IOException {
        return forge(e, target, output, psnrDb, Options.FORGE);
    }

    /** As {@link #forge(Estimate, Path, Path, double)} with explicit options. */
    public static double forge(Estimate e, Path target, Path output, double psnrDb, Options options)
            throws IOException {
        if (!(psnrDb > 0)) {
            throw new IllegalArgumentException("psnrDb must be positive: " + psnrDb);
        }
        return apply(e, target, output, psnrDb, options, +1, true);
    }

    /**
     * Writes {@code marked} - the estimate at the amplitude the embedder itself used on each frame: its
     * perceptual mask and per-frame caps (PSNR-Y floor and SSIM budget of {@link EmbedOptions#DEFAULT}), all
     * recomputed from the picture without the key (from the marked frame, then once more from the frame with a
     * first estimate removed, which is closer to the original the embedder saw), each ring over-subtracted by
     * 1 / its reliability ({@link Options#REMOVE}). Returns the measured PSNR-Y (dB) against the marked input.
     */
    public static double remove(Estimate e, Path marked, Path output) throws IOException {
        return apply(e, marked, output, Double.NaN, Options.REMOVE, -1, false);
    }

    /**
     * Writes {@code marked} - the estimate, shaped by the embedder's perceptual mask (as {@link #remove(Estimate,
     * Path, Path)}), scaled per frame so that PSNR-Y against the marked input is about {@code psnrDb}.
     * Returns the measured PSNR-Y (dB) against the marked input.
     */
    public static double remove(Estimate e, Path marked, Path output, double psnrDb) throws IOException {
        return remove(e, marked, output, psnrDb, Options.REMOVE);
    }

    /**
     * As {@link #remove(Estimate, Path, Path, double)} with explicit options; {@code psnrDb} NaN: the
     * embedder's own amplitude (needs {@link Shaping#MASK}).
     */
    public static double remove(Estimate e, Path marked, Path output, double psnrDb, Options options)
            throws IOException {
        return apply(e, marked, output, psnrDb, options, -1, false);
    }

    /**
     * Adds {@code sign} x the shaped estimate to every frame of {@code input}; {@code psnrDb} NaN = the
     * embedder's amplitude (MASK shaping), else the amplitude that gives that PSNR-Y per frame.
     */
    private static double apply(Estimate e, Path input, Path output, double psnrDb, Options options, int sign,
                                boolean forging) throws IOException {
        boolean embedderAmplitude = Double.isNaN(psnrDb);
        if (embedderAmplitude && options.shaping() != Shaping.MASK) {
            throw new IllegalArgumentException("the embedder's amplitude needs MASK shaping");
        }
        double targetMse = embedderAmplitude ? 0 : 255.0 * 255.0 / Math.pow(10, psnrDb / 10);
        double totalSq = 0;
        long pixels = 0;
        try (VideoReader reader = VideoReader.open(input)) {
            var info = reader.info();
            int w = info.width() & ~1;
            int h = info.height() & ~1;
            int period = options.targetPeriod() > 0 ? options.targetPeriod()
                    : forging ? embedderPeriod(w, h) : e.periodPixels();
            float[] tile = resynthesise(e, period, options.compensate());
            PerceptualMask mask = options.shaping() == Shaping.MASK ? new PerceptualMask(w, h) : null;
            float[] pattern = new float[w * h];
            float[] row = new float[w];
            try (VideoWriter writer = VideoWriter.create(output, w, h, info.frameRate(),
                    EncodeSettings.DEFAULT.withCrf(options.crf()).withSourceTiming())) {
                VideoFrame frame;
                while ((frame = reader.read()) != null) {
                    if (options.maxSeconds() > 0 && frame.timestampMicros() >= options.maxSeconds() * 1e6) {
                        break;
                    }
                    frame = frame.evenCropped();
                    if (frame.width() != w || frame.height() != h) {
                        continue;
                    }
                    byte[] in = frame.y();
                    byte[] out = new byte[in.length];
                    double sq;
                    if (embedderAmplitude) {
                        // The mask of the marked frame overrates flat areas a little (the mark adds texture):
                        // a first removal, then the mask once more from its result.
                        float a = (float) embedderAmplitude(mask, in);
                        shape(tile, period, mask, a, w, h, row, pattern);
                        add(in, out, pattern, sign);
                        a = (float) embedderAmplitude(mask, out);
                        shape(tile, period, mask, a, w, h, row, pattern);
                        sq = add(in, out, pattern, sign);
                    } else {
                        if (mask != null) {
                            mask.compute(in);
                        }
                        shape(tile, period, mask, 1f, w, h, row, pattern);
                        // Amplitude for the wanted MSE; a second pass corrects for rounding and clipping.
                        double energy = 0;
                        for (float g : pattern) {
                            energy += (double) g * g;
                        }
                        double amplitude = Math.sqrt(Math.max(1e-6, targetMse - 1.0 / 12)
                                / Math.max(1e-12, energy / pattern.length));
                        sq = add(in, out, pattern, (float) (sign * amplitude));
                        if (sq > 0) {
                            amplitude *= Math.sqrt(targetMse * in.length / sq);
                            sq = add(in, out, pattern, (float) (sign * amplitude));
                        }
                    }
                    totalSq += sq;
                    pixels += in.length;
                    writer.write(frame.withLuma(out));
                }
                writer.finish();
            }
        }
        if (pixels == 0) {
            throw new IOException("no frames in " + input);
        }
        double mse = totalSq / pixels;
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
    }

    /**
     * Computes {@code mask} on {@code luma} and returns the amplitude {@link WatermarkEmbedder} would use on it
     * with {@link EmbedOptions#DEFAULT}: strength 1, lowered to the PSNR floor and to the SSIM budget.
     */
    static double embedderAmplitude(PerceptualMask mask, byte[] luma) {
        return mask.amplitude(luma, EmbedOptions.DEFAULT.strength(), EmbedOptions.DEFAULT.minPsnrDb());
    }

    /**
     * {@code out[x,y] = scale * gain(x,y) * tile(x mod P, y mod P)}, gain from the last {@code mask.compute}
     * (1 without a mask): the pattern to add, in luma levels.
     */
    private static void shape(float[] tile, int p, PerceptualMask mask, float scale, int w, int h, float[] row,
                              float[] out) {
        for (int y = 0; y < h; y++) {
            if (mask != null) {
                mask.row(y, scale, row);
            } else {
                Arrays.fill(row, scale);
            }
            int tileRow = (y % p) * p;
            int o = y * w;
            for (int x = 0, cx = 0; x < w; x++) {
                out[o + x] = tile[tileRow + cx] * row[x];
                if (++cx == p) {
                    cx = 0;
                }
            }
        }
    }

    /** out = clamp(round(in + a * pattern)); returns the sum of squared differences. */
    private static double add(byte[] in, byte[] out, float[] pattern, float a) {
        long sq = 0;
        for (int i = 0; i < in.length; i++) {
            int v = in[i] & 0xff;
            int r = Math.max(0, Math.min(255, Math.round(v + a * pattern[i])));
            out[i] = (byte) r;
            sq += (long) (r - v) * (r - v);
        }
        return sq;
    }

    /**
     * The tile at another period: its DFT bins (k cycles per tile, signed) placed on a {@code period x period}
     * grid and transformed back (exact for the band-limited estimate; bins at or beyond the new Nyquist
     * frequency are dropped), scaled as the estimate (unit RMS before compensation). With {@code compensate},
     * each ring r is multiplied by {@code min(MAX_COMPENSATION, 1 / reliability[r])} (0 where nothing was
     * kept): over-subtracted by 1 / E[cos(phase error)] so that the detector's expected correlation with what
     * remains is zero.
     */
    static float[] resynthesise(Estimate e, int period, boolean compensate) {
        int p = e.periodPixels();
        if (period == p && !compensate) {
            return e.tile();
        }
        double[] re = new double[p * p];
        double[] im = new double[p * p];
        for (int i = 0; i < re.length; i++) {
            re[i] = e.tile()[i];
        }
        new Dft(p).transform(re, im, -1);
        double[] outRe = new double[period * period];
        double[] outIm = new double[period * period];
        int limit = (period - 1) / 2;
        float[] reliability = e.reliability();
        double plainSq = 0;
        for (int v = 0; v < p; v++) {
            for (int u = 0; u < p; u++) {
                int ku = signed(u, p);
                int kv = signed(v, p);
                if (Math.abs(ku) > limit || Math.abs(kv) > limit || Math.abs(ku) * 2 == p || Math.abs(kv) * 2 == p) {
                    continue;
                }
                int i = v * p + u;
                double gain = 1;
                if (compensate) {
                    int r = Math.min(reliability.length - 1, radius(ku, kv));
                    float rho = reliability[r];
                    gain = rho > 0 ? Math.min(MAX_COMPENSATION, 1 / rho) : 0;
                }
                int j = Math.floorMod(kv, period) * period + Math.floorMod(ku, period);
                outRe[j] = gain * re[i];
                outIm[j] = gain * im[i];
                plainSq += re[i] * re[i] + im[i] * im[i];
            }
        }
        new Dft(period).transform(outRe, outIm, +1);
        // Parseval (inverse scaled by 1/period^2): the plain tile's RMS would be sqrt(plainSq) / period^2; make it 1.
        double scale = plainSq == 0 ? 0 : (double) period * period / Math.sqrt(plainSq);
        float[] out = new float[outRe.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (outRe[i] * scale);
        }
        return out;
    }

    private static float[] normalised(double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double sq = 0;
        for (double v : values) {
            sq += (v - mean) * (v - mean);
        }
        double scale = sq == 0 ? 0 : 1 / Math.sqrt(sq / values.length);
        float[] out = new float[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) ((values[i] - mean) * scale);
        }
        return out;
    }

    /** Signed frequency of DFT index {@code i} of an {@code n}-point transform, in (-n/2, n/2]. */
    private static int signed(int i, int n) {
        return i <= n / 2 ? i : i - n;
    }

    private static int radius(int kx, int ky) {
        return (int) Math.round(Math.sqrt(kx * kx + ky * ky));
    }

    // ---------------------------------------------------------------------------------------------------
    // Helpers

    /**
     * Luma minus its {@value #BOX}x{@value #BOX} local mean (window clipped at the edges), clipped to +-CLIP,
     * added into a sum plane. Uses a summed-area table; not thread-safe.
     */
    static final class HighPass {
        private final int w;
        private final int h;
        private final int[] integral;
        private final int[] x0;
        private final int[] x1;

        HighPass(int w, int h) {
            this.w = w;
            this.h = h;
            this.integral = new int[(w + 1) * (h + 1)];
            this.x0 = new int[w];
            this.x1 = new int[w];
            int r = BOX / 2;
            for (int x = 0; x < w; x++) {
                x0[x] = Math.max(0, x - r);
                x1[x] = Math.min(w, x + r + 1);
            }
        }

        void accumulate(byte[] luma, float[] sum) {
            int stride = w + 1;
            for (int y = 0; y < h; y++) {
                int rowSum = 0;
                int src = y * w;
                int dst = (y + 1) * stride;
                int above = y * stride;
                for (int x = 0; x < w; x++) {
                    rowSum += luma[src + x] & 0xff;
                    integral[dst + x + 1] = integral[above + x + 1] + rowSum;
                }
            }
            int r = BOX / 2;
            for (int y = 0; y < h; y++) {
                int ya = Math.max(0, y - r);
                int yb = Math.min(h, y + r + 1);
                int top = ya * stride;
                int bottom = yb * stride;
                int rows = yb - ya;
                int o = y * w;
                for (int x = 0; x < w; x++) {
                    int a = x0[x];
                    int b = x1[x];
                    int boxSum = integral[bottom + b] - integral[bottom + a] - integral[top + b] + integral[top + a];
                    float mean = boxSum / (float) (rows * (b - a));
                    float v = (luma[o + x] & 0xff) - mean;
                    sum[o + x] += Math.max(-CLIP, Math.min(CLIP, v));
                }
            }
        }
    }

    /**
     * Separable 2-D DFT of any size {@code n} (direct sums with a twiddle table: O(n^3), a few ms for the
     * tile sizes here). {@code sign = -1}: forward; {@code +1}: inverse scaled by {@code 1/n^2}.
     */
    static final class Dft {
        private final int n;
        private final double[] cos;
        private final double[] sin;

        Dft(int n) {
            this.n = n;
            cos = new double[n];
            sin = new double[n];
            for (int i = 0; i < n; i++) {
                cos[i] = Math.cos(2 * Math.PI * i / n);
                sin[i] = Math.sin(2 * Math.PI * i / n);
            }
        }

        void transform(double[] re, double[] im, int sign) {
            double[] lineRe = new double[n];
            double[] lineIm = new double[n];
            double[] outRe = new double[n];
            double[] outIm = new double[n];
            for (int pass = 0; pass < 2; pass++) {
                int step = pass == 0 ? 1 : n;
                for (int line = 0; line < n; line++) {
                    int base = pass == 0 ? line * n : line;
                    for (int i = 0; i < n; i++) {
                        lineRe[i] = re[base + i * step];
                        lineIm[i] = im[base + i * step];
                    }
                    for (int k = 0; k < n; k++) {
                        double sr = 0;
                        double si = 0;
                        for (int i = 0, idx = 0; i < n; i++) {
                            double c = cos[idx];
                            double s = sign * sin[idx];
                            sr += lineRe[i] * c - lineIm[i] * s;
                            si += lineRe[i] * s + lineIm[i] * c;
                            idx += k;
                            if (idx >= n) {
                                idx -= n;
                            }
                        }
                        outRe[k] = sr;
                        outIm[k] = si;
                    }
                    for (int k = 0; k < n; k++) {
                        re[base + k * step] = outRe[k];
                        im[base + k * step] = outIm[k];
                    }
                }
            }
            if (sign > 0) {
                double scale = 1.0 / ((double) n * n);
                for (int i = 0; i < re.length; i++) {
                    re[i] *= scale;
                    im[i] *= scale;
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // Command line: the whole attack on real clips

    /** Marks {@code source} (first {@code seconds}) with a fresh random key and payload into {@code marked}. */
    public static void mark(Path source, Path marked, WatermarkKey key, Payload payload, double seconds)
            throws IOException {
        WatermarkEmbedder embedder = new WatermarkEmbedder(key, payload, EmbedOptions.DEFAULT);
        try (VideoReader reader = VideoReader.open(source)) {
            var info = reader.info();
            try (VideoWriter writer = VideoWriter.create(marked, info.width() & ~1, info.height() & ~1,
                    info.frameRate(), EncodeSettings.DEFAULT.withSourceTiming())) {
                VideoFrame frame;
                while ((frame = reader.read()) != null) {
                    if (seconds > 0 && frame.timestampMicros() >= seconds * 1e6) {
                        break;
                    }
                    writer.write(embedder.embed(frame.evenCropped()));
                }
                writer.finish();
            }
        }
    }

    /**
     * {@code CopyAttack [--out DIR] [--seconds S] [--psnr DB] [--remove-psnr DB] SOURCE TARGET...}: marks the
     * first S seconds (default 3) of SOURCE with a random key and payload, estimates the tile without the key,
     * forges it onto each TARGET (first S seconds) at the given PSNR-Y (default 44), removes it from the marked
     * copy (default 42.5 dB), runs the detector with the key on every result and prints one line each.
     */
    public static void main(String[] args) throws IOException {
        Path out = Path.of("copy-attack");
        double seconds = 3;
        double psnr = 44;
        double removePsnr = 42.5;
        List<Path> clips = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--psnr" -> psnr = Double.parseDouble(args[++i]);
                case "--remove-psnr" -> removePsnr = Double.parseDouble(args[++i]);
                default -> clips.add(Path.of(args[i]));
            }
        }
        if (clips.isEmpty()) {
            System.err.println("usage: CopyAttack [--out DIR] [--seconds S] [--psnr DB] [--remove-psnr DB] SOURCE [TARGET...]");
            System.exit(2);
        }
        run(out, clips.get(0), clips.subList(1, clips.size()), seconds, psnr, removePsnr, System.out);
    }

    /** The whole attack (see {@link #main}); prints one line per step to {@code log}. */
    public static void run(Path outDir, Path source, List<Path> targets, double seconds, double psnr,
                           double removePsnr, PrintStream log) throws IOException {
        Files.createDirectories(outDir);
        byte[] keyBytes = new byte[WatermarkKey.LENGTH];
        new SecureRandom().nextBytes(keyBytes);
        WatermarkKey key = WatermarkKey.fromBytes(keyBytes);
        Payload payload = Payload.random();
        Path marked = outDir.resolve("marked.mp4");
        mark(source, marked, key, payload, seconds);
        DetectionResult m = WatermarkDetector.detect(marked, key);
        log.printf(Locale.ROOT, "marked %s payload %s: %s%n", source.getFileName(), payload.hex(), describe(m, payload));
        long t0 = System.nanoTime();
        Estimate e = estimate(marked);
        log.printf(Locale.ROOT, "estimate: period %d px (embedder rule %d), score %.3f, ring %d..%d, %d bins, %d frames, %.1f s%n",
                e.periodPixels(), embedderPeriod(e.sourceWidth(), e.sourceHeight()), e.periodScore(), e.ringMin(),
                e.ringMax(), e.bins(), e.framesUsed(), (System.nanoTime() - t0) / 1e9);
        Path removed = outDir.resolve("removed.mp4");
        double rp = remove(e, marked, removed);
        log.printf(Locale.ROOT, "remove (embedder's amplitude, compensated): PSNR-Y %.2f dB vs marked: %s%n", rp,
                describe(WatermarkDetector.detect(removed, key), payload));
        if (removePsnr > 0) {
            rp = remove(e, marked, removed, removePsnr, Options.REMOVE.withCompensation(false));
            log.printf(Locale.ROOT, "remove (mask, %.1f dB, plain): PSNR-Y %.2f dB vs marked: %s%n", removePsnr, rp,
                    describe(WatermarkDetector.detect(removed, key), payload));
        }
        for (Path target : targets) {
            String name = target.getFileName().toString().replaceAll("\\.[^.]*$", "");
            Path forged = outDir.resolve("forged-" + name + ".mp4");
            int width;
            int height;
            try (VideoReader reader = VideoReader.open(target)) {
                width = reader.info().width() & ~1;
                height = reader.info().height() & ~1;
            }
            int rule = embedderPeriod(width, height);
            double fp = forge(e, target, forged, psnr, Options.FORGE.withMaxSeconds(seconds));
            DetectionResult otherKey = WatermarkDetector.detect(forged, WatermarkKey.fromPassphrase("another key"));
            log.printf(Locale.ROOT, "forge onto %s (%dx%d, period %d): PSNR-Y %.2f dB: %s (other key: detected %s)%n",
                    name, width, height, rule, fp, describe(WatermarkDetector.detect(forged, key), payload),
                    otherKey.detected());
            int scaled = e.periodScaledTo(width, height);
            if (scaled != rule) {
                fp = forge(e, target, forged, psnr, Options.FORGE.withMaxSeconds(seconds).withTargetPeriod(scaled));
                log.printf(Locale.ROOT, "forge onto %s (size-ratio period %d): PSNR-Y %.2f dB: %s%n", name, scaled, fp,
                        describe(WatermarkDetector.detect(forged, key), payload));
            }
        }
    }

    static String describe(DetectionResult r, Payload truth) {
        return String.format(Locale.ROOT, "detected %s, z %.2f, p %.2g, period %.1f, payload %s, bit acc %.3f",
                r.detected(), r.syncScore(), r.pValue(), r.tilePeriodPixels(),
                r.payload().map(p -> p.equals(truth) ? "EXACT" : "WRONG " + p.hex()).orElse("none"),
                r.bitAccuracy(truth));
    }
}
