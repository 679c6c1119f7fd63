package io.hallmark.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallmark.keys.CertificateBuilder;
import io.hallmark.keys.DevPki;
import io.hallmark.keys.LocalTsa;
import io.hallmark.keys.PasswordSource;
import io.hallmark.keys.SigningAlgorithm;
import io.hallmark.keys.SigningCredential;
import io.hallmark.provenance.report.C2paReport;
import io.hallmark.testdata.SharedData;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our own PKI through c2pa-rs: every algorithm, trust with and without our root, time-stamps. */
class DevPkiSigningTest {
    @TempDir
    static Path dir;
    static DevPki pki;

    @BeforeAll
    static void create() throws Exception {
        pki = DevPki.loadOrCreate(dir.resolve("pki"), SigningAlgorithm.ES256, PasswordSource.of("pw".toCharArray()));
    }

    static ClaimSigner signer(SigningCredential c) {
        return ClaimSigners.of(c);
    }

    static C2paReport read(Path file, boolean withOurRoot) throws Exception {
        TrustSettings trust = withOurRoot ? TrustSettings.NONE.withUserAnchors(pki.rootPem()) : TrustSettings.NONE;
        try (ProvenanceReader reader = new ProvenanceReader(trust)) {
            return reader.read(file);
        }
    }

    @Test
    void everyAlgorithmSignsVideoThatIsTrustedWithOurRootAndValidWithout() throws Exception {
        for (SigningAlgorithm alg : SigningAlgorithm.values()) {
            SigningCredential c = pki.issueSigner(CertificateBuilder.of(CertificateBuilder.Role.CLAIM_SIGNER,
                    "Signer " + alg), alg);
            for (String source : new String[] {"c2pa-rs/video/video1_no_manifest.mp4", "c2pa-rs/video/c.mov"}) {
                Path in = SharedData.c2paFixture(source);
                Path out = dir.resolve(alg + "-" + in.getFileName());
                String format = MediaTypes.of(in).orElseThrow();
                new ProvenanceSigner(signer(c), Optional.empty()).sign(in, out,
                        io.hallmark.provenance.manifest.ManifestSpec.asIs(out.getFileName().toString(), format), Optional.empty());
                C2paReport trusted = read(out, true);
                assertEquals(Optional.of("Trusted"), trusted.state(), alg + " " + source + ": " + trusted.failureCodes());
                assertEquals(Optional.of("Hallmark Development"), trusted.signer());
                C2paReport untrusted = read(out, false);
                assertEquals(Optional.of("Valid"), untrusted.state(), alg + " " + source);
                assertTrue(untrusted.failureCodes().contains("signingCredential.untrusted"));
            }
        }
    }

    @Test
    void aTimeStampedManifestStaysValidAfterTheSignerCertificateExpires() throws Exception {
        // c2pa-rs judges validity by its own clock and refuses to sign with an expired certificate, so the test must
        // sign first and wait for the expiry; 20 s leaves two signings and a time-stamp room on a slow machine.
        Instant notAfter = Instant.now().plusSeconds(20);
        SigningCredential shortLived = pki.issueSigner(CertificateBuilder.of(CertificateBuilder.Role.CLAIM_SIGNER,
                "Short-lived signer").validity(notAfter.minusSeconds(80), Duration.ofSeconds(80)), SigningAlgorithm.ES256);
        Path in = SharedData.c2paFixture("c2pa-rs/video/video1_no_manifest.mp4");
        Path stamped = dir.resolve("stamped.mp4");
        Path unstamped = dir.resolve("unstamped.mp4");
        try (LocalTsa tsa = LocalTsa.start(pki.issueTimeStampAuthority(), 0)) {
            new ProvenanceSigner(signer(shortLived), Optional.of(tsa.url())).sign(in, stamped,
                    ProvenanceSignerTest.generatedSpec(), Optional.empty());
            assertEquals(1, tsa.served(), "c2pa-rs asked our TSA for a time-stamp");
        }
        new ProvenanceSigner(signer(shortLived), Optional.empty()).sign(in, unstamped,
                ProvenanceSignerTest.generatedSpec(), Optional.empty());
        Instant expiry = shortLived.certificate().getNotAfter().toInstant();
        assertTrue(Instant.now().isBefore(expiry), "both files were signed before the certificate expired");
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiry).toMillis()) + 1500);

        C2paReport withTimeStamp = read(stamped, true);
        assertTrue(withTimeStamp.isValidOrTrusted(), "time-stamped: " + withTimeStamp.state() + " " + withTimeStamp.failureCodes());
        assertTrue(withTimeStamp.statuses().stream().anyMatch(s -> s.code().startsWith("timeStamp.")), "time-stamp checked");
        C2paReport without = read(unstamped, true);
        assertEquals(Optional.of("Invalid"), without.state(), "no time-stamp: validity is judged now, after expiry");
        // issue 25: that is an expired signer on an intact file, which the verifier must not call tampered
        assertTrue(without.invalidOnlyBecauseExpired(), without.failureCodes().toString());
        assertTrue(without.hardBindingMatched(), without.statuses().toString());
    }

    @Test
    void anExpiredOrMalformedCertificateCannotSign() throws Exception {
        SigningCredential expired = pki.issueSigner(CertificateBuilder.of(CertificateBuilder.Role.CLAIM_SIGNER, "Old")
                .validity(Instant.now().minus(Duration.ofDays(30)), Duration.ofDays(1)), SigningAlgorithm.ES256);
        Path in = SharedData.c2paFixture("c2pa-rs/video/video1_no_manifest.mp4");
        ProvenanceException e = assertThrows(ProvenanceException.class, () -> new ProvenanceSigner(signer(expired),
                Optional.empty()).sign(in, dir.resolve("x.mp4"), ProvenanceSignerTest.generatedSpec(), Optional.empty()));
        assertTrue(e.getMessage().contains("expired"), "the reason names the likely cause: " + e.getMessage());
    }
}
