package io.hallmark.provenance;

/**
 * Bounds on reading C2PA data from untrusted files, checked before the file reaches c2pa-rs (whose parse
 * cannot be interrupted), in the spirit of Jackson's StreamReadConstraints: immutable, documented defaults,
 * changed through {@code with*} copies. A file beyond a bound is reported as one that cannot be verified,
 * with the bound named.
 *
 * @param maxTopLevelBoxes most top-level boxes of an MP4/MOV/M4A file (default 4,096; real files have a
 *                         handful, fragmented ones a few per second of video: 200,000 empty boxes before
 *                         {@code moov} kept c2pa-rs busy for minutes)
 */
public record ReadLimits(int maxTopLevelBoxes) {
    public static final ReadLimits DEFAULT = new ReadLimits(4096);

    public ReadLimits {
        if (maxTopLevelBoxes < 1) {
            throw new IllegalArgumentException("maxTopLevelBoxes must be positive");
        }
    }

    public ReadLimits withMaxTopLevelBoxes(int boxes) {
        return new ReadLimits(boxes);
    }
}
