package io.hallmark.c2pa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignerTest {
    static final String MANIFEST = """
            {"claim_generator_info":[{"name":"hallmark-test","version":"0"}],
             "title":"signed.mp4","format":"video/mp4",
             "assertions":[{"label":"c2pa.actions.v2","data":{"actions":[{"action":"c2pa.created",
               "digitalSourceType":"http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"}]}}]}
            """;

    @Test
    void signsAVideoWithAJavaKeyAndReadsItBackTrusted(@TempDir Path dir) throws Exception {
        Path source = Fixtures.video("video1_no_manifest.mp4");
        byte[] before = Files.readAllBytes(source);
        Path out = dir.resolve("signed.mp4");
        try (Settings settings = Fixtures.settings(true); Context ctx = Context.of(settings);
             Signer signer = Signer.create(Fixtures.es256Key(), SigningAlg.ES256, Fixtures.es256Chain(), null);
             Builder builder = Builder.create(ctx, MANIFEST);
             C2paStream in = C2paStream.openRead(source); C2paStream dest = C2paStream.openReadWrite(out)) {
            byte[] manifest = builder.sign("video/mp4", in, dest, signer);
            assertTrue(manifest.length > 1000, "manifest store returned");
        }
        assertArrayEquals(before, Files.readAllBytes(source), "input is never modified");
        try (Settings settings = Fixtures.settings(true); Context ctx = Context.of(settings)) {
            String json = Reader.readJson(ctx, out);
            assertTrue(json.contains("\"validation_state\": \"Trusted\""), json);
            assertTrue(json.contains("trainedAlgorithmicMedia"));
        }
    }

    @Test
    void aFailingKeyFailsTheSignWithTheJavaCause(@TempDir Path dir) throws Exception {
        try (Settings settings = Fixtures.settings(false); Context ctx = Context.of(settings);
             Signer signer = Signer.create(data -> { throw new IllegalStateException("HSM offline"); },
                     SigningAlg.ES256, Fixtures.es256Chain(), null);
             Builder builder = Builder.create(ctx, MANIFEST);
             C2paStream in = C2paStream.openRead(Fixtures.video("video1_no_manifest.mp4"));
             C2paStream dest = C2paStream.openReadWrite(dir.resolve("x.mp4"))) {
            C2paException e = assertThrows(C2paException.class, () -> builder.sign("video/mp4", in, dest, signer));
            assertTrue(String.valueOf(e.getCause()).contains("HSM offline"), String.valueOf(e.getCause()));
        }
    }

    @Test
    void malformedManifestJsonIsATypedError() throws Exception {
        try (Settings settings = Fixtures.settings(false); Context ctx = Context.of(settings)) {
            C2paException e = assertThrows(C2paException.class, () -> Builder.create(ctx, "{not json"));
            assertTrue(e.type() == C2paException.Type.JSON || e.getMessage().toLowerCase().contains("json"), e.getMessage());
        }
    }
}
