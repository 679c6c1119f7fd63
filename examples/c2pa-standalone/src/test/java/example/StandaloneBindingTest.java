package example;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallmark.c2pa.Builder;
import io.hallmark.c2pa.C2pa;
import io.hallmark.c2pa.C2paStream;
import io.hallmark.c2pa.Context;
import io.hallmark.c2pa.Reader;
import io.hallmark.c2pa.Settings;
import io.hallmark.c2pa.Signer;
import io.hallmark.c2pa.SigningAlg;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** hallmark-c2pa on its own: reads a C2PA fixture and signs a JPEG, with nothing else of Hallmark on the class path. */
class StandaloneBindingTest {
    static final Path CERTS = fixture("c2pa-rs/certs");

    static Path fixture(String name) {
        return Path.of(System.getProperty("hallmark.shared"), "c2pa-fixtures").resolve(name);
    }

    static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "") + "\"";
    }

    /** Settings that trust c2pa-rs's test root, so its test signer reads Trusted. */
    static Settings trustingTheTestRoot() throws Exception {
        return Settings.create().set("verify.remote_manifest_fetch", "false").update("{\"trust\":{\"anchors\":[{\"trust_kind\":\"manifest\",\"trust_anchors\":"
                + json(Files.readString(CERTS.resolve("trust/test_cert_root_bundle.pem"))) + "}]}}", "json");
    }

    @Test
    void onlyTheBindingIsOnTheClassPath() {
        assertTrue(C2pa.version().startsWith("c2pa-c-ffi/"), C2pa.version());
        assertThrows(ClassNotFoundException.class, () -> Class.forName("io.hallmark.media.VideoReader"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("io.hallmark.provenance.ProvenanceReader"));
    }

    @Test
    void readsAndValidatesASignedFixture() throws Exception {
        try (Settings settings = trustingTheTestRoot(); Context context = Context.of(settings)) {
            String report = Reader.readJson(context, fixture("c2pa-rs/image/C.jpg"));
            assertTrue(report.contains("\"active_manifest\""), report);
            assertTrue(report.contains("\"validation_state\""), report);
        }
    }

    @Test
    void signsAJpegWithAJavaKeyAndReadsItBack(@TempDir Path dir) throws Exception {
        String pem = Files.readString(CERTS.resolve("es256.pem")).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        Signer.SignatureFunction ecdsa = data -> {
            Signature s = Signature.getInstance("SHA256withECDSA");
            s.initSign(key);
            s.update(data);
            return s.sign();
        };
        String manifest = """
                {"claim_generator_info":[{"name":"c2pa-standalone example","version":"1"}],
                 "title":"signed.jpg","format":"image/jpeg",
                 "assertions":[{"label":"c2pa.actions.v2","data":{"actions":[{"action":"c2pa.created",
                   "digitalSourceType":"http://cv.iptc.org/newscodes/digitalsourcetype/digitalCreation"}]}}]}
                """;
        Path source = fixture("c2pa-rs/image/no_manifest.jpg");
        byte[] before = Files.readAllBytes(source);
        Path signed = dir.resolve("signed.jpg");
        try (Settings settings = trustingTheTestRoot(); Context context = Context.of(settings);
             Signer signer = Signer.create(ecdsa, SigningAlg.ES256, Files.readString(CERTS.resolve("es256.pub")), null);
             Builder builder = Builder.create(context, manifest);
             C2paStream in = C2paStream.openRead(source); C2paStream out = C2paStream.openReadWrite(signed)) {
            byte[] store = builder.sign("image/jpeg", in, out, signer);
            assertTrue(store.length > 1000, "the manifest store is returned");
        }
        assertArrayEquals(before, Files.readAllBytes(source), "the input is never modified");
        try (Settings settings = trustingTheTestRoot(); Context context = Context.of(settings)) {
            String report = Reader.readJson(context, signed);
            assertTrue(report.contains("\"validation_state\": \"Trusted\""), report);
            assertTrue(report.contains("digitalCreation"), report);
        }
    }
}
