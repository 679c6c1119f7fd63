package io.hallmark.provenance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallmark.provenance.manifest.GenerationInfo;
import io.hallmark.provenance.manifest.ManifestSpec;
import io.hallmark.provenance.manifest.SoftBinding;
import io.hallmark.provenance.report.C2paReport;
import io.hallmark.testdata.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceSignerTest {
    static final SoftBinding BINDING = new SoftBinding("00112233aabbccdd", List.of(new SoftBinding.TimeSpan(0, 4000)));

    static ManifestSpec generatedSpec() {
        GenerationInfo info = new GenerationInfo("hallmark-procedural", "1.0", 42L, "ocean waves",
                Map.of("width", 640, "scene", "water"), true);
        return ManifestSpec.generated("clip.mp4", info).withSoftBinding(BINDING);
    }

    @Test
    void aSignedVideoIsTrustedWithItsRootAndValidWithoutIt(@TempDir Path dir) throws Exception {
        Path source = SharedData.c2paFixture("c2pa-rs/video/video1_no_manifest.mp4");
        byte[] before = Files.readAllBytes(source);
        Path out = dir.resolve("signed.mp4");
        SignedManifest signed = new ProvenanceSigner(new FixtureSigner(), Optional.empty())
                .sign(source, out, generatedSpec(), Optional.empty());
        assertArrayEquals(before, Files.readAllBytes(source), "input untouched");
        assertTrue(signed.manifestId().startsWith("urn:"), signed.manifestId());

        try (ProvenanceReader trusted = new ProvenanceReader(FixtureSigner.testRoots())) {
            C2paReport report = trusted.read(out);
            assertEquals(Optional.of("Trusted"), report.state(), report.rawJson());
            assertEquals(signed.manifestId(), report.manifestId().orElseThrow());
            assertTrue(report.digitalSourceType().orElseThrow().endsWith("trainedAlgorithmicMedia"));
            assertEquals(Optional.of("00112233aabbccdd"), report.softBindingValue());
            assertEquals(Optional.of(SoftBinding.ALGORITHM), report.softBindingAlg());
            assertTrue(report.actions().containsAll(List.of("c2pa.created", "c2pa.watermarked.bound")), report.actions().toString());
            assertEquals(42, report.generation().orElseThrow().path("seed").asLong());
        }
        try (ProvenanceReader untrusted = new ProvenanceReader(TrustSettings.NONE)) {
            C2paReport report = untrusted.read(out);
            assertEquals(Optional.of("Valid"), report.state());
            assertTrue(report.failureCodes().contains("signingCredential.untrusted"));
        }
    }

    @Test
    void aQuickTimeMovieSignsAsIsWithTheOriginalAsParent(@TempDir Path dir) throws Exception {
        Path source = SharedData.c2paFixture("c2pa-rs/video/c.mov");
        Path out = dir.resolve("signed.mov");
        new ProvenanceSigner(new FixtureSigner(), Optional.empty())
                .sign(source, out, ManifestSpec.asIs("signed.mov", "video/quicktime"), Optional.empty());
        try (ProvenanceReader reader = new ProvenanceReader(FixtureSigner.testRoots())) {
            C2paReport report = reader.read(out);
            assertEquals(Optional.of("Trusted"), report.state(), report.rawJson());
            assertTrue(report.actions().contains("c2pa.opened"));
            assertEquals(List.of("c.mov (parentOf)"), report.ingredients());
        }
    }

    @Test
    void hidingThePromptKeepsOnlyItsHash(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("hidden.mp4");
        new ProvenanceSigner(new FixtureSigner(), Optional.empty()).sign(
                SharedData.c2paFixture("c2pa-rs/video/video1_no_manifest.mp4"), out,
                generatedSpec().withHiddenPrompt(true), Optional.empty());
        try (ProvenanceReader reader = new ProvenanceReader(TrustSettings.NONE)) {
            var generation = reader.read(out).generation().orElseThrow();
            assertFalse(generation.has("prompt"));
            assertEquals(64, generation.path("promptSha256").asText().length());
        }
    }

    @Test
    void aFailedSignLeavesNothingBehind(@TempDir Path dir) throws Exception {
        ClaimSigner broken = new FixtureSigner() {
            @Override
            public byte[] sign(byte[] toBeSigned) {
                throw new IllegalStateException("token removed");
            }
        };
        Path out = dir.resolve("never.mp4");
        assertThrows(ProvenanceException.class, () -> new ProvenanceSigner(broken, Optional.empty()).sign(
                SharedData.c2paFixture("c2pa-rs/video/video1_no_manifest.mp4"), out, generatedSpec(), Optional.empty()));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(0, left.count(), "no output and no temp file");
        }
    }

    @Test
    void unsupportedFormatsAreRefusedByName(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello");
        ProvenanceException e = assertThrows(ProvenanceException.class, () -> new ProvenanceSigner(new FixtureSigner(),
                Optional.empty()).sign(text, dir.resolve("o.txt"), generatedSpec(), Optional.empty()));
        assertTrue(e.getMessage().contains("notes.txt"));
    }

    @Test
    void truncatedOrHostileVideosAreRefusedWithAReasonAndNothingWritten(@TempDir Path dir) throws Exception {
        byte[] video = Files.readAllBytes(SharedData.c2paFixture("c2pa-rs/video/video1_no_manifest.mp4"));
        Path truncated = Files.write(dir.resolve("truncated.mp4"), java.util.Arrays.copyOf(video, video.length / 2));
        byte[] huge = video.clone();
        // first box (ftyp) claims to be 4 GB long
        huge[0] = (byte) 0xff; huge[1] = (byte) 0xff; huge[2] = (byte) 0xff; huge[3] = (byte) 0xf0;
        Path hugeBox = Files.write(dir.resolve("hugebox.mp4"), huge);
        for (Path bad : new Path[] {truncated, hugeBox, SharedData.c2paFixture("c2pa-rs/video/nested_moov_1000.mp4")}) {
            Path out = dir.resolve("out-" + bad.getFileName());
            ProvenanceException e = assertThrows(ProvenanceException.class, () -> new ProvenanceSigner(new FixtureSigner(),
                    Optional.empty()).sign(bad, out, generatedSpec(), Optional.empty()), bad.toString());
            assertFalse(e.getMessage().isBlank());
            assertFalse(Files.exists(out), "no output for " + bad.getFileName());
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(2, left.count(), "only the two inputs written here remain: no temp files");
        }
    }
}
