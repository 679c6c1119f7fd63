package io.hallmark.generator.pipeline;

import io.hallmark.generator.GenerationRecord;
import java.nio.file.Path;
import java.util.List;

/**
 * A video that left the pipeline: watermarked with {@code payloadHex}, signed with manifest
 * {@code manifestId}, and stored for recovery. {@code notKept} says, in words, what of an imported source the output
 * could not keep (bit depth, HDR metadata, codec); empty when everything was kept.
 */
public record CertifiedVideo(Path file, String manifestId, String payloadHex, long frames, double seconds,
                             GenerationRecord record, String c2paReportJson, List<String> notKept) {
    public CertifiedVideo {
        notKept = List.copyOf(notKept);
    }
}
