package io.hallmark.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallmark.keys.DevPki;
import io.hallmark.keys.PasswordSource;
import io.hallmark.keys.SigningAlgorithm;
import io.hallmark.provenance.manifest.ManifestSpec;
import io.hallmark.provenance.report.C2paReport;
import io.hallmark.testdata.SharedData;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trust as c2pa-rs 0.91 reads it: the {@code trust.anchors} schema, each kind of anchor doing what it says. */
class TrustSettingsTest {
    @TempDir
    static Path dir;
    static DevPki pki;
    static Path signed;

    @BeforeAll
    static void sign() throws Exception {
        pki = DevPki.loadOrCreate(dir.resolve("pki"), SigningAlgorithm.ES256, PasswordSource.of("pw".toCharArray()));
        signed = dir.resolve("signed.mp4");
        new ProvenanceSigner(ClaimSigners.of(pki.signer()), Optional.empty()).sign(
                SharedData.c2paFixture("c2pa-rs/video/video1_no_manifest.mp4"), signed,
                ManifestSpec.asIs("signed.mp4", "video/mp4"), Optional.empty());
    }

    static C2paReport read(TrustSettings trust) throws Exception {
        try (ProvenanceReader reader = new ProvenanceReader(trust)) {
            return reader.read(signed);
        }
    }

    @Test
    void theSettingsUseTheAnchorsSchemaNotTheFieldsC2paRsDeprecated() throws Exception {
        TrustSettings trust = TrustSettings.NONE.withTrustAnchors(pki.rootPem()).withUserAnchors(pki.rootPem())
                .withAllowedList(pki.signer().chainPem());
        JsonNode settings = new ObjectMapper().readTree(trust.toNativeJson());
        trust.toNative().close(); // and c2pa-rs takes it
        JsonNode t = settings.path("trust");
        assertTrue(t.path("trust_anchors").isMissingNode() || t.path("trust_anchors").isNull(), t.toString());
        assertTrue(t.path("user_anchors").isMissingNode() || t.path("user_anchors").isNull(), t.toString());
        assertEquals(3, t.path("anchors").size(), t.toString());
        for (JsonNode a : t.path("anchors")) {
            // c2pa-rs 0.91.6 checks claim signers against CAWG-kind anchors too: none may be set
            assertEquals("manifest", a.path("trust_kind").asText(), a.toString());
        }
    }

    @Test
    void aSignerUnderAUserAnchorIsTrusted() throws Exception {
        assertEquals(Optional.of("Trusted"), read(TrustSettings.NONE.withUserAnchors(pki.rootPem())).state());
        assertEquals(Optional.of("Trusted"), read(TrustSettings.NONE.withTrustAnchors(pki.rootPem())).state());
    }

    @Test
    void anAllowedSignerIsTrustedWithoutAnyRoot() throws Exception {
        // c2pa-rs 0.91 ignores a top-level trust.allowed_list: before the anchors schema this read Valid
        C2paReport allowed = read(TrustSettings.NONE.withAllowedList(pki.signer().chainPem()));
        assertEquals(Optional.of("Trusted"), allowed.state(), allowed.failureCodes().toString());
    }

    @Test
    void withoutAnchorsASignerIsValidNotTrusted() throws Exception {
        C2paReport r = read(TrustSettings.NONE);
        assertEquals(Optional.of("Valid"), r.state());
        assertTrue(r.failureCodes().contains("signingCredential.untrusted"));
    }
}
