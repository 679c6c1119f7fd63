package io.hallmark.provenance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallmark.provenance.ProvenanceReader;
import io.hallmark.provenance.TrustSettings;
import io.hallmark.testdata.SharedData;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The expectations of shared/c2pa-fixtures/README.md, reproduced through our reader. */
class C2paReportTest {
    static C2paReport read(String fixture, TrustSettings trust) throws Exception {
        try (ProvenanceReader reader = new ProvenanceReader(trust)) {
            return reader.read(SharedData.c2paFixture(fixture));
        }
    }

    static TrustSettings testRoots() throws Exception {
        return TrustSettings.anchorsFrom(SharedData.c2paFixture("c2pa-rs/certs/trust/test_cert_root_bundle.pem"));
    }

    @Test
    void signedVideoFixtureIsValidWithoutAnchorsWithItsActiveManifest() throws Exception {
        C2paReport r = read("c2pa-rs/video/video1.mp4", TrustSettings.NONE);
        assertTrue(r.present());
        assertEquals(Optional.of("Valid"), r.state());
        assertEquals(Optional.of("urn:uuid:8da8ffb6-3de4-430a-8924-5b58b561e647"), r.manifestId());
        assertTrue(r.statuses().stream().anyMatch(s -> s.code().equals("assertion.bmffHash.match")));
        assertEquals(java.util.List.of("signingCredential.untrusted"), r.failureCodes());
    }

    @Test
    void anIngredientsResultsStayWithTheIngredientNotTheActiveManifest() throws Exception {
        C2paReport r = read("c2pa-rs/video/video1.mp4", testRoots());
        System.out.println("video1.mp4 with test roots: " + r.state() + " active " + r.failureCodes() + " ingredients "
                + r.ingredientResults());
        assertFalse(r.ingredientResults().isEmpty(), "c2pa-rs reports the ingredient's own results");
        assertFalse(r.failureCodes().contains("signingCredential.untrusted"),
                "the active signer chains to the test roots; an untrusted signer there is the ingredient's: " + r.failureCodes());
        assertTrue(r.statuses().stream().anyMatch(s -> s.url() != null && !s.url().isEmpty()),
                "status codes keep the URL of what they are about");
    }

    @Test
    void aCawgIdentitysUntrustedCredentialIsTheIdentitysNotTheClaimSigners() throws Exception {
        // c2pa-rs 0.91 lists cawg.x509.credential.untrusted among the active manifest's failures and so says Valid,
        // though the claim signer chains to the test roots
        C2paReport r = read("c2pa-rs/image/C_with_CAWG_data.jpg", testRoots());
        assertEquals(Optional.of("Trusted"), r.state(), r.statuses().toString());
        assertEquals(java.util.List.of(), r.failureCodes());
        assertTrue(r.statuses().stream().noneMatch(s -> s.code().startsWith("cawg.")));
        assertEquals(1, r.identities().size());
        IdentityAssertion identity = r.identities().get(0);
        assertEquals("cawg.identity", identity.label());
        assertEquals(Optional.of("cawg.x509.cose"), identity.sigType());
        assertEquals(IdentityAssertion.Trust.UNTRUSTED, identity.trust());
        assertEquals("C2PA Signer (C2PA Test Signing Cert)", identity.who());
        assertTrue(identity.statuses().stream().anyMatch(s -> s.code().equals("cawg.x509.signature.validated")));

        C2paReport untrusted = read("c2pa-rs/image/C_with_CAWG_data.jpg", TrustSettings.NONE);
        assertEquals(Optional.of("Valid"), untrusted.state());
        assertEquals(java.util.List.of("signingCredential.untrusted"), untrusted.failureCodes());
        assertEquals(IdentityAssertion.Trust.UNTRUSTED, untrusted.identities().get(0).trust());
    }

    @Test
    void aManifestWithoutIdentitiesHasNone() throws Exception {
        assertTrue(read("c2pa-rs/image/C.jpg", testRoots()).identities().isEmpty());
    }

    @Test
    void goldenImageIsTrustedWithTheTestRoots() throws Exception {
        assertEquals(Optional.of("Trusted"), read("c2pa-rs/image/C.jpg", testRoots()).state());
        assertEquals(Optional.of("Valid"), read("c2pa-rs/image/CA.jpg", TrustSettings.NONE).state());
    }

    @Test
    void filesWithoutManifestAreAbsentNotErrors() throws Exception {
        for (String f : new String[] {"c2pa-rs/video/video1_no_manifest.mp4", "c2pa-rs/video/c.mov",
            "c2pa-rs/image/no_manifest.jpg", "c2pa-rs/image/libpng-test.png"}) {
            C2paReport r = read(f, TrustSettings.NONE);
            assertFalse(r.present(), f);
            assertTrue(r.state().isEmpty(), f);
        }
    }

    @Test
    void tamperedFixturesAreInvalidWithTheExpectedCode() throws Exception {
        String[][] cases = {
            {"c2pa-rs/image/E-sig-CA.jpg", "claimSignature.mismatch"},
            {"c2pa-rs/image/XCA.jpg", "assertion.dataHash.mismatch"},
            {"public-testfiles/jpeg/adobe-20220124-E-dat-CA.jpg", "assertion.dataHash.mismatch"},
            {"public-testfiles/jpeg/adobe-20220124-E-uri-CA.jpg", "assertion.hashedURI.mismatch"},
            {"public-testfiles/jpeg/adobe-20220124-E-sig-CA.jpg", "claimSignature.mismatch"},
            {"public-testfiles/jpeg/adobe-20220124-XCA.jpg", "assertion.dataHash.mismatch"},
            {"public-testfiles/jpeg/adobe-20220124-E-clm-CAICAI.jpg", "assertion.hashedURI.mismatch"},
        };
        for (String[] c : cases) {
            C2paReport r = read(c[0], TrustSettings.NONE);
            assertEquals(Optional.of("Invalid"), r.state(), c[0] + " " + r.error());
            assertTrue(r.failureCodes().contains(c[1]) || r.statuses().stream().anyMatch(s -> s.code().equals(c[1])),
                    c[0] + " should report " + c[1] + " but had " + r.failureCodes() + " " + r.error());
        }
    }

    @Test
    void validPublicTestFilesAreValid() throws Exception {
        for (String f : new String[] {"adobe-20220124-C.jpg", "adobe-20220124-CA.jpg", "adobe-20220124-CIE-sig-CA.jpg"}) {
            C2paReport r = read("public-testfiles/jpeg/" + f, TrustSettings.NONE);
            assertTrue(r.isValidOrTrusted() || r.state().isPresent(), f + ": " + r.state() + " " + r.failureCodes());
        }
    }

    @Test
    void hostileOrOddFixturesNeverFailUncleanly() throws Exception {
        for (String f : new String[] {"c2pa-rs/video/nested_moov_1000.mp4", "c2pa-rs/video/legacy.mp4",
            "c2pa-rs/video/dashinit.mp4", "c2pa-rs/image/prerelease.jpg", "c2pa-rs/image/update_manifest.jpg",
            "c2pa-rs/image/CIE-sig-CA.jpg", "c2pa-rs/image/C_with_CAWG_data.jpg", "c2pa-rs/image/cloud.jpg",
            "c2pa-rs/image/CA_ct.jpg"}) {
            C2paReport r = read(f, TrustSettings.NONE); // must return, not throw or crash
            assertTrue(r.present() || r.state().isEmpty(), f);
        }
    }

    @Test
    void manifestsTheReaderCannotValidateHaveNoStateNoInventedCodesAndTheReadersReason() throws Exception {
        String[][] cases = {
            {"c2pa-rs/image/cloud.jpg", "stored remotely"},
            {"c2pa-rs/image/prerelease.jpg", "pre-release"},
            {"c2pa-rs/image/no_alg.jpg", "algorithm"},
            {"c2pa-rs/video/nested_moov_1000.mp4", "could not be read"},
        };
        for (String[] c : cases) {
            C2paReport r = read(c[0], TrustSettings.NONE);
            assertTrue(r.present() && r.unverifiable(), c[0] + ": " + r.state() + " " + r.error());
            assertTrue(r.statuses().isEmpty(), c[0] + ": " + r.statuses());
            assertTrue(C2paReport.unverifiableReason(r.error().orElseThrow()).contains(c[1]),
                    c[0] + ": " + r.error() + " -> " + C2paReport.unverifiableReason(r.error().orElseThrow()));
        }
    }

    @Test
    void anMp4WithHundredsOfThousandsOfEmptyBoxesIsNotHandedToTheReader(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        // 200,000 empty 'free' boxes before the real file: minutes inside c2pa-rs before the bound
        byte[] video = java.nio.file.Files.readAllBytes(SharedData.c2paFixture("c2pa-rs/video/video1.mp4"));
        java.nio.ByteBuffer hostile = java.nio.ByteBuffer.allocate(200_000 * 8 + video.length);
        int ftyp = java.nio.ByteBuffer.wrap(video).getInt();
        hostile.put(video, 0, ftyp); // keep ftyp first, so it is still an MP4
        for (int i = 0; i < 200_000; i++) {
            hostile.putInt(8).put("free".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        hostile.put(video, ftyp, video.length - ftyp);
        Path file = java.nio.file.Files.write(dir.resolve("boxes.mp4"), hostile.array());
        C2paReport r;
        try (ProvenanceReader reader = new ProvenanceReader(TrustSettings.NONE)) {
            r = reader.read(file);
        }
        assertTrue(r.unverifiable(), r.state() + " " + r.error());
        assertTrue(r.error().orElseThrow().contains("maxTopLevelBoxes"), r.error().orElseThrow());
    }

    @Test
    void everyStatusCodeHasAPlainLanguageExplanation() throws Exception {
        for (StatusCode s : read("c2pa-rs/image/E-sig-CA.jpg", TrustSettings.NONE).statuses()) {
            assertFalse(s.explanation().isBlank(), s.code());
        }
    }

}
