package io.hallmark.provenance.manifest;

import java.util.List;

/**
 * The watermark as a C2PA soft binding ({@code c2pa.soft-binding}): our algorithm identifier, and the
 * 64-bit payload (16 lower-case hex digits) for each time span that carries it.
 *
 * <p>{@link #ALGORITHM} is Hallmark's own identifier in the reverse-domain form the C2PA soft-binding
 * algorithm list uses; it is not (yet) a registered entry of that list.
 */
public record SoftBinding(String payloadHex, List<TimeSpan> spans) {
    public static final String ALGORITHM = "io.hallmark.watermark.1";

    public SoftBinding {
        if (!payloadHex.matches("[0-9a-f]{16}")) {
            throw new IllegalArgumentException("payload must be 16 lower-case hex digits: " + payloadHex);
        }
        spans = List.copyOf(spans);
    }

    /** A span in milliseconds from the start of the video. */
    public record TimeSpan(long startMillis, long endMillis) {
        public TimeSpan {
            if (startMillis < 0 || endMillis < startMillis) {
                throw new IllegalArgumentException("bad time span " + startMillis + ".." + endMillis);
            }
        }
    }
}
