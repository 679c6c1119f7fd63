package io.hallmark.watermark;

import io.hallmark.media.MediaLimits;
import io.hallmark.media.VideoFrame;
import io.hallmark.media.VideoReader;
import io.hallmark.watermark.internal.Evidence;
import io.hallmark.watermark.internal.HypothesisSearch;
import io.hallmark.watermark.internal.PayloadFormat;
import io.hallmark.watermark.internal.SyncCorrelator;
import io.hallmark.watermark.internal.TileFolder;
import io.hallmark.watermark.internal.TileLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Blind, keyed detector. Feed frames with {@link #accept}; {@link #result} can be asked at any time.
 *
 * <p>Per sampled frame (a few per second) it only whitens the luma and adds it to the current segment's
 * image, twice: in frame coordinates and in the picture's (each frame moved back by the picture's measured
 * translation). {@link #result} then folds the summed image modulo candidate tile periods on a fixed grid
 * (coarse-to-fine), finds the keyed sync pattern by one FFT correlation,
 * computes a Bonferroni-corrected p-value, and soft-decodes the payload at the best hypothesis. When that
 * finds no mark, or a mark without its ID, it searches rotation, one-axis stretch and mirroring
 * ({@link HypothesisSearch#searchGeometric}), then, if the picture moved in the frame, the picture-aligned sum
 * (a crop window drifting over the picture). Presence and payload are separate answers; the payload is only
 * reported when its keyed 32-bit check passes.
 *
 * <p>False positives, by design: the video-level test spends half of {@link DetectOptions#falsePositiveRate}
 * on the sync statistic, shared equally by the {@value HypothesisSearch#FAMILIES} families of hypotheses
 * (thresholds from {@link HypothesisSearch#threshold} and {@link HypothesisSearch#affineThreshold}), and accepts a payload-only
 * detection with probability 2^-32 (one decode attempt), which is below the other half at the default 1e-9.
 * Once the sync statistic has proven the mark present, the payload decoder tries the {@value #LIST_SIZE}
 * most likely words (list Viterbi) and reports the first whose keyed check passes: that recovers IDs a few
 * bits away from the plain decode, and a wrong ID still passes with probability at most
 * {@value #LIST_SIZE} x 2^-32 = 7.5e-9.
 */
public final class WatermarkDetector {
    /** One-sided per-segment threshold (p &le; 1e-4 at the video's hypothesis). */
    static final double SEGMENT_Z = Math.sqrt(2 * Math.log(1e4));
    /** Candidate words the payload decoder tries once presence is proven (wrong-ID risk 32 x 2^-32). */
    static final int LIST_SIZE = 32;

    private final WatermarkKey key;
    private final DetectOptions options;
    private final TileLayout layout;
    private final SyncCorrelator correlator;
    private final Evidence evidence;

    public WatermarkDetector(WatermarkKey key) {
        this(key, DetectOptions.DEFAULT);
    }

    public WatermarkDetector(WatermarkKey key, DetectOptions options) {
        this.key = key;
        this.options = options;
        this.layout = new TileLayout(key, PayloadFormat.CODED_BITS);
        this.correlator = new SyncCorrelator(layout);
        this.evidence = new Evidence(options.analysisFps(), options.segmentSeconds(), options.maxSegments());
    }

    /** Offers a frame; the detector analyses only a few per second (by timestamp). */
    public void accept(VideoFrame frame) {
        evidence.accept(frame);
    }

    /** Decodes {@code video} and runs the detector over all of it. */
    public static DetectionResult detect(Path video, WatermarkKey key) throws IOException {
        return detect(video, key, DetectOptions.DEFAULT);
    }

    public static DetectionResult detect(Path video, WatermarkKey key, DetectOptions options) throws IOException {
        return detect(video, key, options, frame -> { });
    }

    /**
     * Decodes {@code video} once and runs the detector over it. Frames no other frame depends on are not
     * decoded at all (the detector samples a few frames per second, any of the rest will do), and decoded
     * frames the detector will not sample are neither converted nor copied ({@link VideoReader#skip()}).
     * {@code onFrame} sees every frame the detector decodes (the first, then a few per second; e.g. for a
     * thumbnail and a content fingerprint), in order, before the detector does; it must not keep the frame
     * beyond the call without {@link VideoFrame#copy()}. If the stream has to be read a second time (every
     * frame marked disposable), {@code onFrame} sees the frames of that second pass only.
     */
    public static DetectionResult detect(Path video, WatermarkKey key, DetectOptions options,
                                         Consumer<VideoFrame> onFrame) throws IOException {
        WatermarkDetector detector = new WatermarkDetector(key, options);
        detector.read(video, true, onFrame);
        if (detector.evidence.framesSeen() == 0) {
            // A stream whose every frame is marked disposable: read it again, all of it.
            detector = new WatermarkDetector(key, options);
            detector.read(video, false, onFrame);
        }
        return detector.result();
    }

    private void read(Path video, boolean referenceOnly, Consumer<VideoFrame> onFrame) throws IOException {
        try (VideoReader reader = VideoReader.open(video, MediaLimits.DEFAULT, referenceOnly)) {
            reader.readSampled(evidence::wants, frame -> {
                onFrame.accept(frame);
                accept(frame);
            });
        }
    }

    public DetectionResult result() {
        return decide(evidence, key, layout, correlator, options);
    }

    /** The decision for collected evidence under one key (the evidence itself is key-independent). */
    public static DetectionResult decide(Evidence evidence, WatermarkKey key, DetectOptions options) {
        TileLayout layout = new TileLayout(key, PayloadFormat.CODED_BITS);
        return decide(evidence, key, layout, new SyncCorrelator(layout), options);
    }

    /** Whether the payload decodes at this hypothesis (a list decode, as once presence is proven). */
    private static boolean decodes(WatermarkKey key, SyncCorrelator correlator, HypothesisSearch.Best best) {
        SyncCorrelator.Peak peak = best.peak();
        return PayloadFormat.decode(key, correlator.softBits(best.spectrum(), peak.fracDx(), peak.fracDy()), LIST_SIZE)
                .payload().isPresent();
    }

    private static DetectionResult decide(Evidence evidence, WatermarkKey key, TileLayout layout,
                                          SyncCorrelator correlator, DetectOptions options) {
        if (evidence.framesAnalysed() == 0) {
            return DetectionResult.nothing(evidence.framesSeen());
        }
        int w = evidence.width();
        int h = evidence.height();
        float[] total = evidence.total();
        HypothesisSearch search = new HypothesisSearch(layout);
        HypothesisSearch.Best best = search.search(total, w, h);
        if (best == null) {
            return new DetectionResult(false, Optional.empty(), 1.0, 1.0, 0, 0, 0L,
                    List.of(), evidence.framesSeen(), evidence.framesAnalysed(), Geometry.NONE);
        }
        double pValue = HypothesisSearch.pValue(best.peak().z());
        boolean alignedFrames = false;
        boolean decodes = decodes(key, correlator, best);
        float[] aligned = evidence.alignedTotal();
        // one hypothesis per family, for confirming candidate IDs later (IdEvidence)
        List<IdEvidence.Hypothesis> hypotheses = new ArrayList<>();
        hypotheses.add(hypothesis(correlator, best, pValue));
        if (pValue > options.falsePositiveRate() / 2 || !decodes) {
            // Not found, or found without its ID, as a rescaled or cropped copy (a slight rotation still
            // folds partly in step): try rotation, stretch and mirroring, and (on the other core, in case it
            // is needed next) the picture-aligned sum. Each search has its own scratch buffers.
            java.util.concurrent.CompletableFuture<HypothesisSearch.Best> movingSearch = aligned == null ? null
                    : java.util.concurrent.CompletableFuture.supplyAsync(() -> new HypothesisSearch(layout).search(aligned, w, h));
            HypothesisSearch.Best geometric = search.searchGeometric(total, w, h);
            if (geometric != null) {
                double p = HypothesisSearch.affinePValue(geometric.peak().z());
                hypotheses.add(hypothesis(correlator, geometric, p));
                if (p < pValue || (p <= options.falsePositiveRate() / 2 && decodes(key, correlator, geometric))) {
                    best = geometric;
                    pValue = p;
                }
            }
            if (movingSearch != null) {
                // Or a crop window that moved over the picture: the frames summed where the picture is.
                HypothesisSearch.Best moving = movingSearch.join();
                if (moving != null) {
                    double p = HypothesisSearch.pValue(moving.peak().z());
                    hypotheses.add(hypothesis(correlator, moving, p));
                    if (pValue > options.falsePositiveRate() / 2 && p < pValue) {
                        best = moving;
                        pValue = p;
                        alignedFrames = true;
                    }
                }
            }
        }
        hypotheses.sort(java.util.Comparator.comparingDouble(IdEvidence.Hypothesis::syncPValue));
        SyncCorrelator.Peak peak = best.peak();
        boolean syncDetected = pValue <= options.falsePositiveRate() / 2;
        // Without proven presence, one attempt only: a payload that passes then proves presence by itself.
        PayloadFormat.Decoded decoded = PayloadFormat.decode(key,
                correlator.softBits(best.spectrum(), peak.fracDx(), peak.fracDy()), syncDetected ? LIST_SIZE : 1);
        Optional<Payload> payload = decoded.payload();
        // A word accepted at place r in the list had r chances to pass by luck.
        double payloadP = payload.isPresent() ? decoded.rank() * PayloadFormat.FALSE_ACCEPT : 1.0;
        boolean detected = syncDetected || (payload.isPresent() && payloadP <= options.falsePositiveRate() / 2);

        List<Segment> segments = new ArrayList<>();
        for (Evidence.SegmentImage s : evidence.segments()) {
            double z = 0;
            if (s.frames() > 0) {
                TileFolder.Spectrum spectrum = search.fold(alignedFrames ? s.aligned() : s.image(), w, h, best.lattice());
                z = correlator.scoreAt(spectrum, peak.fracDx(), peak.fracDy());
            }
            segments.add(new Segment(s.startMicros() / 1e6, s.endMicros() / 1e6, detected && z >= SEGMENT_Z, z));
        }
        return new DetectionResult(detected, payload, pValue, payloadP, peak.z(), peak.period() * evidence.factor(),
                decoded.data(), segments, evidence.framesSeen(), evidence.framesAnalysed(),
                detected ? best.lattice().geometry() : Geometry.NONE, new IdEvidence(hypotheses), 0);
    }

    private static IdEvidence.Hypothesis hypothesis(SyncCorrelator correlator, HypothesisSearch.Best b, double syncPValue) {
        double[] v = correlator.normalisedSoftBits(b.spectrum(), b.peak().fracDx(), b.peak().fracDy());
        float[] soft = new float[v.length - 1];
        for (int i = 0; i < soft.length; i++) {
            soft[i] = (float) v[i];
        }
        return new IdEvidence.Hypothesis(syncPValue, soft, v[soft.length], b.lattice().geometry());
    }
}
