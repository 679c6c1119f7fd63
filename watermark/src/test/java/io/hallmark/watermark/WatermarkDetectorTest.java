package io.hallmark.watermark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallmark.media.VideoFrame;
import io.hallmark.watermark.internal.HypothesisSearch;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WatermarkDetectorTest {
    private final WatermarkKey key = WatermarkKey.fromPassphrase("detector test");
    private final Payload payload = Payload.fromHex("0f1e2d3c4b5a6978");

    private DetectionResult run(WatermarkDetector detector, WatermarkEmbedder embedder, int w, int h, int frames, long seed) {
        for (int i = 0; i < frames; i++) {
            VideoFrame frame = SyntheticVideo.textured(w, h, i, seed);
            detector.accept(embedder == null ? frame : embedder.embed(frame));
        }
        return detector.result();
    }

    @Test
    void findsPresenceAndPayloadInMarkedFrames() {
        DetectionResult r = run(new WatermarkDetector(key), new WatermarkEmbedder(key, payload), 320, 240, 30, 11);
        assertTrue(r.detected());
        assertEquals(payload, r.payload().orElseThrow());
        assertTrue(r.pValue() < 1e-9);
        assertEquals(Math.pow(2, -32), r.payloadPValue());
        assertEquals(1.0, r.bitAccuracy(payload));
        assertEquals(io.hallmark.watermark.internal.TilePattern.periodFor(320, 240), r.tilePeriodPixels(), 0.5);
        assertEquals(30, r.framesSeen());
        // a 320x240 frame has 1/27 of a 1080p frame's pixels: analysed at the same pixel rate, i.e. every frame (at most 30/s)
        double expected = Math.min(io.hallmark.watermark.internal.Evidence.MAX_ANALYSIS_FPS,
                DetectOptions.DEFAULT.analysisFps() * 1920 * 1080 / (320 * 240));
        assertTrue(Math.abs(r.framesAnalysed() - expected) <= 1, "about " + expected + " per second: " + r.framesAnalysed());
    }

    @Test
    void unmarkedFramesAreNotDetected() {
        DetectionResult r = run(new WatermarkDetector(key), null, 320, 240, 30, 12);
        assertFalse(r.detected());
        assertTrue(r.payload().isEmpty());
        assertTrue(r.syncScore() < HypothesisSearch.threshold(5e-10));
    }

    @Test
    void theWrongKeySeesNothing() {
        WatermarkEmbedder embedder = new WatermarkEmbedder(key, payload);
        DetectionResult r = run(new WatermarkDetector(WatermarkKey.fromPassphrase("another key")), embedder, 320, 240, 30, 13);
        assertFalse(r.detected());
        assertTrue(r.payload().isEmpty());
        assertEquals(1.0, r.payloadPValue());
    }

    @Test
    void survivesGainOffsetAndAScaleChange() {
        WatermarkEmbedder embedder = new WatermarkEmbedder(key, payload);
        WatermarkDetector detector = new WatermarkDetector(key);
        for (int i = 0; i < 30; i++) {
            VideoFrame marked = embedder.embed(SyntheticVideo.textured(480, 360, i, 14));
            detector.accept(darkerAndDownscaled(marked));
        }
        DetectionResult r = detector.result();
        assertTrue(r.detected());
        assertEquals(payload, r.payload().orElseThrow());
        assertEquals(io.hallmark.watermark.internal.TilePattern.periodFor(480, 360) * 2 / 3.0, r.tilePeriodPixels(), 1.0);
    }

    /** 0.8 x luma + 10, then a 2/3 bilinear downscale (480x360 -> 320x240). */
    private static VideoFrame darkerAndDownscaled(VideoFrame f) {
        int w = 320;
        int h = 240;
        byte[] y = new byte[w * h];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                double sx = (c + 0.5) * 1.5 - 0.5;
                double sy = (r + 0.5) * 1.5 - 0.5;
                int x0 = (int) sx;
                int y0 = (int) sy;
                double fx = sx - x0;
                double fy = sy - y0;
                double v = (1 - fx) * (1 - fy) * px(f, x0, y0) + fx * (1 - fy) * px(f, x0 + 1, y0)
                        + (1 - fx) * fy * px(f, x0, y0 + 1) + fx * fy * px(f, x0 + 1, y0 + 1);
                y[r * w + c] = (byte) Math.round(0.8 * v + 10);
            }
        }
        return SyntheticVideo.withGreyChroma(w, h, y, (int) f.index());
    }

    private static int px(VideoFrame f, int x, int y) {
        return f.y()[Math.min(f.height() - 1, y) * f.width() + Math.min(f.width() - 1, x)] & 0xff;
    }

    @Test
    void splicedVideoShowsWhichSecondsCarryTheMark() {
        WatermarkEmbedder embedder = new WatermarkEmbedder(key, payload);
        WatermarkDetector detector = new WatermarkDetector(key);
        for (int i = 0; i < 120; i++) {
            VideoFrame frame = SyntheticVideo.textured(320, 240, i, 15);
            detector.accept(i < 60 ? embedder.embed(frame) : frame); // marked for 2 s, then 2 s unmarked
        }
        DetectionResult r = detector.result();
        assertTrue(r.detected());
        List<Segment> s = r.segments();
        assertEquals(4, s.size());
        assertTrue(s.get(0).detected() && s.get(1).detected());
        assertFalse(s.get(2).detected() || s.get(3).detected());
        assertEquals(2.0, s.get(2).startSec(), 1e-9);
        assertEquals(3.0, s.get(2).endSec(), 1e-9);
    }

    @Test
    void variableFrameRateIsSegmentedByTimestamp() {
        WatermarkEmbedder embedder = new WatermarkEmbedder(key, payload);
        WatermarkDetector detector = new WatermarkDetector(key);
        Random random = new Random(16);
        long t = 0;
        for (int i = 0; i < 60; i++) {
            VideoFrame frame = embedder.embed(SyntheticVideo.textured(320, 240, i, 17)).withTiming(i, t);
            detector.accept(frame);
            t += 20_000 + random.nextInt(80_000); // 10 to 50 fps, irregular
        }
        DetectionResult r = detector.result();
        assertTrue(r.detected());
        double end = r.segments().get(r.segments().size() - 1).endSec();
        assertEquals(Math.ceil(t / 1e6 - 1e-9), end, 1.0);
        for (int i = 1; i < r.segments().size(); i++) {
            assertTrue(r.segments().get(i).startSec() >= r.segments().get(i - 1).endSec() - 1e-9);
        }
    }

    @Test
    void longStreamsMergeSegmentsToBoundMemory() {
        WatermarkDetector detector = new WatermarkDetector(key, DetectOptions.DEFAULT.withAnalysisFps(1));
        VideoFrame frame = SyntheticVideo.textured(160, 160, 0, 18);
        for (int i = 0; i < 100; i++) {
            detector.accept(frame.withTiming(i, i * 1_000_000L));
        }
        List<Segment> s = detector.result().segments();
        assertTrue(s.size() <= DetectOptions.DEFAULT.maxSegments(), "segments: " + s.size());
        assertEquals(0.0, s.get(0).startSec(), 1e-9);
        assertTrue(s.get(s.size() - 1).endSec() >= 100);
    }

    @Test
    void tinyAndMissingFramesGiveADefinedEmptyAnswer() {
        WatermarkDetector none = new WatermarkDetector(key);
        DetectionResult empty = none.result();
        assertFalse(empty.detected());
        assertEquals(1.0, empty.pValue());
        assertEquals(0, empty.framesAnalysed());

        WatermarkDetector tiny = new WatermarkDetector(key);
        for (int i = 0; i < 10; i++) {
            tiny.accept(SyntheticVideo.flat(16, 16, i, 128));
        }
        DetectionResult r = tiny.result();
        assertFalse(r.detected());
        assertEquals(10, r.framesSeen());
        assertEquals(0, r.framesAnalysed());
    }

    @Test
    void flatGreyVideoIsNotDetected() {
        WatermarkDetector detector = new WatermarkDetector(key);
        for (int i = 0; i < 30; i++) {
            detector.accept(SyntheticVideo.flat(320, 240, i, 128));
        }
        DetectionResult r = detector.result();
        assertFalse(r.detected());
        assertTrue(r.payload().isEmpty());
    }

    @Test
    void presenceIsProvenWhereNoSinglePayloadCanBeRead() {
        // Every frame carries a different ID: the sync pattern (the same for every ID) adds up over all
        // frames, while each ID gets one analysed frame's worth of evidence, too little to decode. Presence is
        // proven, no payload is claimed.
        WatermarkDetector detector = new WatermarkDetector(key, DetectOptions.DEFAULT.withSegmentSeconds(10));
        java.util.Random random = new java.util.Random(14);
        for (int i = 0; i < 60; i++) {
            VideoFrame frame = SyntheticVideo.textured(320, 240, i, 23);
            detector.accept(new WatermarkEmbedder(key, new Payload(random.nextLong())).embed(frame));
        }
        DetectionResult r = detector.result();
        assertTrue(r.detected());
        assertTrue(r.pValue() < 1e-9);
        assertTrue(r.payload().isEmpty(), () -> "claimed " + r.payload());
    }

    @Test
    void aSpliceOfTwoIdsReportsOneOfThemOrNone() {
        // Two clips carrying different IDs interleaved: the bits they share add up, the others cancel. The
        // list decoder may recover either ID (both are really there), never a third one.
        Payload other = Payload.fromHex("a1b2c3d4e5f60718");
        WatermarkEmbedder first = new WatermarkEmbedder(key, payload);
        WatermarkEmbedder second = new WatermarkEmbedder(key, other);
        WatermarkDetector detector = new WatermarkDetector(key, DetectOptions.DEFAULT.withSegmentSeconds(10));
        for (int i = 0; i < 60; i++) {
            VideoFrame frame = SyntheticVideo.textured(320, 240, i, 23);
            detector.accept(i % 2 == 0 ? first.embed(frame) : second.embed(frame));
        }
        DetectionResult r = detector.result();
        assertTrue(r.detected());
        r.payload().ifPresent(p -> assertTrue(p.equals(payload) || p.equals(other), "claimed " + p));
    }

    @Test
    void findsTheMarkAfterRotationStretchAndMirroring() {
        record Case(double degrees, double stretchX, boolean mirror) {}
        for (Case c : List.of(new Case(2, 1, false), new Case(-4.5, 1, false), new Case(0, 0.92, false),
                new Case(0, 1, true), new Case(1, 1.05, true))) {
            WatermarkEmbedder embedder = new WatermarkEmbedder(key, payload);
            WatermarkDetector detector = new WatermarkDetector(key);
            for (int i = 0; i < 30; i++) {
                detector.accept(warped(embedder.embed(SyntheticVideo.textured(480, 360, i, 15)), c.degrees(), c.stretchX(), c.mirror()));
            }
            DetectionResult r = detector.result();
            assertTrue(r.detected(), c + ": z " + r.syncScore());
            assertEquals(payload, r.payload().orElseThrow(), c.toString());
            assertEquals(c.mirror(), r.geometry().mirrored(), c.toString());
            // The detector's model mirrors first: mirroring after a rotation by d is a rotation by -d after mirroring.
            assertEquals(c.mirror() ? -c.degrees() : c.degrees(), r.geometry().rotationDegrees(), 0.35, c.toString());
            assertEquals(c.stretchX(), r.geometry().stretchX(), 0.015, c.toString());
        }
    }

    @Test
    void unmarkedFramesAreNotDetectedUnderAnyGeometry() {
        DetectionResult r = run(new WatermarkDetector(key), null, 480, 360, 30, 16);
        assertFalse(r.detected());
        assertEquals(Geometry.NONE, r.geometry());
        assertTrue(r.syncScore() < HypothesisSearch.affineThreshold(5e-10));
    }

    /**
     * The frame rotated by {@code degrees} about its centre, then stretched horizontally by {@code stretchX}
     * (same size: the edges are cropped or filled with grey), then mirrored; bilinear.
     */
    static VideoFrame warped(VideoFrame f, double degrees, double stretchX, boolean mirror) {
        int w = f.width();
        int h = f.height();
        double cos = Math.cos(Math.toRadians(degrees));
        double sin = Math.sin(Math.toRadians(degrees));
        byte[] src = f.y();
        byte[] out = new byte[w * h];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                double qx = (mirror ? w - 1 - c : c) - (w - 1) / 2.0;
                double qy = r - (h - 1) / 2.0;
                qx /= stretchX;
                double px = cos * qx + sin * qy + (w - 1) / 2.0;
                double py = -sin * qx + cos * qy + (h - 1) / 2.0;
                int x0 = (int) Math.floor(px);
                int y0 = (int) Math.floor(py);
                double v = 128;
                if (x0 >= 0 && y0 >= 0 && x0 + 1 < w && y0 + 1 < h) {
                    double tx = px - x0;
                    double ty = py - y0;
                    v = (1 - ty) * ((1 - tx) * (src[y0 * w + x0] & 0xff) + tx * (src[y0 * w + x0 + 1] & 0xff))
                            + ty * ((1 - tx) * (src[(y0 + 1) * w + x0] & 0xff) + tx * (src[(y0 + 1) * w + x0 + 1] & 0xff));
                }
                out[r * w + c] = (byte) Math.round(v);
            }
        }
        return f.withLuma(out);
    }

    @Test
    void findsTheMarkUnderACropWindowThatMovesOverThePicture() {
        WatermarkEmbedder embedder = new WatermarkEmbedder(key, payload);
        WatermarkDetector detector = new WatermarkDetector(key);
        // A tripod shot (so only the window moves), 2 px per frame to the right, 1 px down every other frame.
        for (int i = 0; i < 60; i++) {
            VideoFrame marked = embedder.embed(SyntheticVideo.still(560, 420, i, 17));
            detector.accept(cropped(marked, 2 * i, i / 2, 480, 360, i));
        }
        DetectionResult r = detector.result();
        assertTrue(r.detected(), "z " + r.syncScore());
        assertEquals(payload, r.payload().orElseThrow());
    }

    private static VideoFrame cropped(VideoFrame f, int x0, int y0, int w, int h, int index) {
        byte[] y = new byte[w * h];
        for (int r = 0; r < h; r++) {
            System.arraycopy(f.y(), (r + y0) * f.width() + x0, y, r * w, w);
        }
        return SyntheticVideo.withGreyChroma(w, h, y, index);
    }
}
