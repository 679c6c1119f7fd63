package io.hallmark.watermark.internal;

import io.hallmark.media.VideoFrame;
import java.util.ArrayList;
import java.util.List;

/**
 * Key-independent evidence collected from a stream: the whitened analysis images of the sampled frames,
 * summed per timeline segment. The mark is static in frame coordinates, so summing over frames adds it
 * coherently. Memory is bounded: beyond {@code maxSegments}, neighbouring segments are merged and the
 * segment length doubles.
 *
 * <p>Frames are sampled by timestamp: {@code analysisFps} per second for a 1080p frame, and more often for smaller
 * frames at the same pixel rate, up to {@value #MAX_ANALYSIS_FPS} per second (a 360p copy or a small generated
 * clip carries a fraction of the mark's pixels per frame, so it needs more frames for the same evidence, and each
 * costs a fraction as much); timestamps that go backwards
 * are treated as equal to the latest one. Frames smaller than the detector can use, and frames whose size
 * differs from the first analysable frame, are counted but not analysed.
 */
public final class Evidence {
    /** Frames with a shorter side below this are not analysed. */
    public static final int MIN_ANALYSIS_SIDE = 64;

    /** Pixels of the frame size at which {@code analysisFps} applies as given (1920x1080). */
    static final double REFERENCE_PIXELS = 1920.0 * 1080;
    /** Most frames analysed per second, whatever the size. */
    public static final double MAX_ANALYSIS_FPS = 30;

    private double analysisFps;
    /** Frames per second at which the motion aligner takes a new reference frame (the rate a 1080p frame gets). */
    private final double referenceFps;
    private long nextReference = Long.MIN_VALUE;
    private final int maxSegments;
    private double segmentMicros;
    private LumaWhitener whitener;
    private MotionAligner aligner;
    private float[] scratch;
    /** Whether the picture has moved in the frame, so that the picture-aligned images differ from the plain ones. */
    private boolean moved;
    private int frameWidth;
    private int frameHeight;
    private final List<SegmentImage> segments = new ArrayList<>();
    private long framesSeen;
    private long framesAnalysed;
    private long lastTimestamp = Long.MIN_VALUE;
    private long nextAnalysis = Long.MIN_VALUE;

    public Evidence(double analysisFps, double segmentSeconds, int maxSegments) {
        this.analysisFps = analysisFps;
        this.referenceFps = analysisFps;
        this.segmentMicros = segmentSeconds * 1e6;
        this.maxSegments = maxSegments;
    }

    /** One segment's summed analysis image. */
    public static final class SegmentImage {
        private long startMicros;
        private long endMicros;
        private final float[] image;
        /** The same frames summed in the picture's coordinates; null while the picture has not moved. */
        private float[] aligned;
        private int frames;

        SegmentImage(long start, long end, int size) {
            this.startMicros = start;
            this.endMicros = end;
            this.image = new float[size];
        }

        public long startMicros() { return startMicros; }
        public long endMicros() { return endMicros; }
        public float[] image() { return image; }
        /** The frames summed in the picture's coordinates ({@link #image()} while the picture never moved). */
        public float[] aligned() { return aligned == null ? image : aligned; }
        public int frames() { return frames; }
    }

    /** Whether a frame shown at {@code timestampMicros} would be analysed (the sampling rule of {@link #accept}). */
    public boolean wants(long timestampMicros) {
        return nextAnalysis == Long.MIN_VALUE || timestampMicros >= nextAnalysis;
    }

    /** Returns whether the frame was analysed. */
    public boolean accept(VideoFrame frame) {
        framesSeen++;
        long t = Math.max(frame.timestampMicros(), lastTimestamp == Long.MIN_VALUE ? frame.timestampMicros() : lastTimestamp);
        lastTimestamp = t;
        if (Math.min(frame.width(), frame.height()) < MIN_ANALYSIS_SIDE) {
            return false;
        }
        if (whitener == null) {
            whitener = new LumaWhitener(frame.width(), frame.height());
            aligner = new MotionAligner(whitener.outWidth(), whitener.outHeight());
            scratch = new float[whitener.outWidth() * whitener.outHeight()];
            frameWidth = frame.width();
            frameHeight = frame.height();
            analysisFps = Math.max(analysisFps, Math.min(MAX_ANALYSIS_FPS,
                    analysisFps * REFERENCE_PIXELS / ((double) frame.width() * frame.height())));
        } else if (frame.width() != frameWidth || frame.height() != frameHeight) {
            return false;
        }
        if (t < nextAnalysis) {
            return false;
        }
        // Next sample one interval later (never drifting behind a stream that starts late).
        nextAnalysis = (nextAnalysis == Long.MIN_VALUE ? t : Math.max(nextAnalysis, t - (long) (1e6 / analysisFps)))
                + (long) (1e6 / analysisFps);
        SegmentImage segment = segmentFor(t);
        java.util.Arrays.fill(scratch, 0f);
        whitener.accumulate(frame.y(), scratch);
        add(scratch, segment.image);
        if (aligner.usable()) {
            boolean newReference = t >= nextReference;
            if (newReference) {
                nextReference = t + (long) (1e6 / referenceFps);
            }
            double[] offset = aligner.track(scratch, newReference);
            if (!moved && (Math.round(offset[0]) != 0 || Math.round(offset[1]) != 0)) {
                moved = true;
                for (SegmentImage s : segments) {
                    s.aligned = s.image.clone();
                    // this frame is added below, moved
                    if (s == segment) {
                        for (int i = 0; i < scratch.length; i++) s.aligned[i] -= scratch[i];
                    }
                }
            }
            if (moved) {
                if (segment.aligned == null) {
                    segment.aligned = new float[segment.image.length];
                }
                MotionAligner.addShifted(scratch, segment.aligned, width(), height(), offset);
            }
        }
        segment.frames++;
        framesAnalysed++;
        return true;
    }

    private static void add(float[] from, float[] to) {
        for (int i = 0; i < to.length; i++) {
            to[i] += from[i];
        }
    }

    private SegmentImage segmentFor(long t) {
        long index = (long) Math.floor(t / segmentMicros);
        long start = (long) (index * segmentMicros);
        SegmentImage last = segments.isEmpty() ? null : segments.get(segments.size() - 1);
        if (last != null && t < last.endMicros) {
            return last;
        }
        SegmentImage fresh = new SegmentImage(start, (long) (start + segmentMicros), width() * height());
        segments.add(fresh);
        if (segments.size() > maxSegments) {
            mergePairs();
            return segments.get(segments.size() - 1);
        }
        return fresh;
    }

    /** Halves the number of segments by summing neighbours; later segments use the doubled length. */
    private void mergePairs() {
        List<SegmentImage> merged = new ArrayList<>();
        for (int i = 0; i < segments.size(); i += 2) {
            SegmentImage a = segments.get(i);
            if (i + 1 < segments.size()) {
                SegmentImage b = segments.get(i + 1);
                add(b.image, a.image);
                if (b.aligned != null) {
                    add(b.aligned, a.aligned);
                }
                a.frames += b.frames;
                a.endMicros = b.endMicros;
            }
            merged.add(a);
        }
        segments.clear();
        segments.addAll(merged);
        segmentMicros *= 2;
        SegmentImage last = segments.get(segments.size() - 1);
        last.endMicros = Math.max(last.endMicros, last.startMicros + (long) segmentMicros);
    }

    /** Sum of all segments (a new array). */
    public float[] total() {
        float[] sum = new float[width() * height()];
        for (SegmentImage s : segments) {
            add(s.image, sum);
        }
        return sum;
    }

    /**
     * Sum of all frames in the picture's coordinates (each frame moved back by the picture's measured
     * translation), or null when the picture never moved in the frame.
     */
    public float[] alignedTotal() {
        if (!moved) {
            return null;
        }
        float[] sum = new float[width() * height()];
        for (SegmentImage s : segments) {
            add(s.aligned(), sum);
        }
        return sum;
    }

    public List<SegmentImage> segments() { return List.copyOf(segments); }
    public long framesSeen() { return framesSeen; }
    public long framesAnalysed() { return framesAnalysed; }
    /** Analysis image width (0 before the first analysable frame). */
    public int width() { return whitener == null ? 0 : whitener.outWidth(); }
    public int height() { return whitener == null ? 0 : whitener.outHeight(); }
    /** Source pixels per analysis pixel. */
    public int factor() { return whitener == null ? 1 : whitener.factor(); }
    /** End of the last analysed segment, microseconds. */
    public long lastTimestamp() { return lastTimestamp; }
}
