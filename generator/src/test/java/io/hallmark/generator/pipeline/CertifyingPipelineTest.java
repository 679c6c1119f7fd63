package io.hallmark.generator.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallmark.generator.FrameSource;
import io.hallmark.generator.GenerationRequest;
import io.hallmark.generator.Generators;
import io.hallmark.keys.DevPki;
import io.hallmark.keys.PasswordSource;
import io.hallmark.keys.SigningAlgorithm;
import io.hallmark.provenance.ClaimSigner;
import io.hallmark.provenance.ClaimSigners;
import io.hallmark.provenance.ProvenanceReader;
import io.hallmark.provenance.TrustSettings;
import io.hallmark.provenance.report.C2paReport;
import io.hallmark.provenance.store.ManifestStore;
import io.hallmark.watermark.DetectionResult;
import io.hallmark.watermark.WatermarkDetector;
import io.hallmark.watermark.WatermarkKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertifyingPipelineTest {
    @TempDir
    static Path dir;
    static DevPki pki;
    static WatermarkKey key = WatermarkKey.fromPassphrase("pipeline test");

    @BeforeAll
    static void keys() throws Exception {
        pki = DevPki.loadOrCreate(dir.resolve("pki"), SigningAlgorithm.ES256, PasswordSource.of("pw".toCharArray()));
    }

    static ClaimSigner signer() {
        return ClaimSigners.of(pki.signer());
    }

    @Test
    void everyGeneratedFileIsSignedAiGeneratedWatermarkedAndStored() throws Exception {
        Path out = dir.resolve("flag.mp4");
        GenerationRequest request = new GenerationRequest("a flag in the wind", 9, 2, 480, 270, 30);
        CertifiedVideo video;
        try (ManifestStore store = ManifestStore.open(dir.resolve("m.db"));
             FrameSource frames = Generators.byId("procedural").open(request)) {
            video = new CertifyingPipeline(key, signer(), Optional.empty(), Optional.of(store))
                    .run(frames, 30, out, Optional.empty(), Progress.NONE);
            assertEquals(video.manifestId(), store.findByPayload(video.payloadHex()).get(0).manifestId());
        }
        assertEquals(60, video.frames());
        C2paReport report;
        try (ProvenanceReader reader = new ProvenanceReader(TrustSettings.NONE.withUserAnchors(pki.rootPem()))) {
            report = reader.read(out);
        }
        assertEquals(Optional.of("Trusted"), report.state(), report.failureCodes().toString());
        assertTrue(report.digitalSourceType().orElseThrow().endsWith("trainedAlgorithmicMedia"));
        assertEquals("a flag in the wind", report.generation().orElseThrow().path("prompt").asText());
        assertEquals("flag", report.generation().orElseThrow().path("parameters").path("scene.family").asText());
        DetectionResult mark = WatermarkDetector.detect(out, key);
        assertTrue(mark.detected());
        assertEquals(Optional.of(video.payloadHex()), report.softBindingValue());
        assertEquals(video.payloadHex(), mark.payload().orElseThrow().hex());
    }

    @Test
    void aCancelledRunLeavesNoFileAtAll() throws Exception {
        Path out = dir.resolve("cancelled.mp4");
        GenerationRequest request = new GenerationRequest("city lights", 1, 2, 320, 180, 30);
        try (FrameSource frames = Generators.byId("procedural").open(request)) {
            assertThrows(CancelledException.class, () -> new CertifyingPipeline(key, signer(), Optional.empty(), Optional.empty())
                    .run(frames, 30, out, Optional.empty(), (stage, done, total) -> done < 10));
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().contains("cancelled")), "no output, no temp file");
        }
    }
}
