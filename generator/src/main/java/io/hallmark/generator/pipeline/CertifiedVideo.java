package io.hallmark.generator.pipeline;

import io.hallmark.generator.GenerationRecord;
import java.nio.file.Path;

/**
 * A video that left the pipeline: watermarked with {@code payloadHex}, signed with manifest
 * {@code manifestId}, and stored for recovery.
 */
public record CertifiedVideo(Path file, String manifestId, String payloadHex, long frames, double seconds,
                             GenerationRecord record, String c2paReportJson) {
}
