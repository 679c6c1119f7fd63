package io.hallmark.watermark;

/**
 * How the detector samples and decides.
 *
 * @param analysisFps       frames analysed per second of a 1080p video (by timestamp); smaller frames are analysed
 *                          more often at the same pixel rate, up to 30 per second; the rest are skipped
 * @param segmentSeconds    length of a timeline segment
 * @param maxSegments       the detector keeps one accumulated image per segment; beyond this many, adjacent
 *                          segments are merged (and the segment length doubles) so memory stays bounded
 * @param falsePositiveRate per-video probability of declaring an unmarked video marked (design bound)
 */
public record DetectOptions(double analysisFps, double segmentSeconds, int maxSegments, double falsePositiveRate) {
    public static final DetectOptions DEFAULT = new DetectOptions(4.0, 1.0, 32, 1e-9);

    public DetectOptions {
        if (!(analysisFps > 0 && analysisFps <= 1000)) {
            throw new IllegalArgumentException("analysisFps must be within (0, 1000]: " + analysisFps);
        }
        if (!(segmentSeconds > 0 && segmentSeconds <= 3600)) {
            throw new IllegalArgumentException("segmentSeconds must be within (0, 3600]: " + segmentSeconds);
        }
        if (maxSegments < 2 || maxSegments > 4096) {
            throw new IllegalArgumentException("maxSegments must be within [2, 4096]: " + maxSegments);
        }
        if (!(falsePositiveRate > 0 && falsePositiveRate < 0.5)) {
            throw new IllegalArgumentException("falsePositiveRate must be within (0, 0.5): " + falsePositiveRate);
        }
    }

    public DetectOptions withAnalysisFps(double fps) {
        return new DetectOptions(fps, segmentSeconds, maxSegments, falsePositiveRate);
    }

    public DetectOptions withSegmentSeconds(double s) {
        return new DetectOptions(analysisFps, s, maxSegments, falsePositiveRate);
    }
}
