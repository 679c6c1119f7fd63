package io.hallmark.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Signature;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevPkiTest {
    static final char[] PASSWORD = "correct horse battery staple".toCharArray();

    @TempDir
    static Path dir;
    static DevPki pki;

    @BeforeAll
    static void create() throws Exception {
        pki = DevPki.loadOrCreate(dir.resolve("pki"), SigningAlgorithm.ES256, PasswordSource.of(PASSWORD));
    }

    @Test
    void theClaimSignerPassesTheC2paCertificateProfile() throws Exception {
        X509Certificate ee = pki.signer().certificate();
        assertEquals(List.of(), CertificateProfile.check(pki.signer().chain(), Instant.now()));
        assertTrue(ee.getSubjectX500Principal().getName().contains("O=Hallmark Development"));
        assertTrue(ee.getSubjectX500Principal().getName().contains("C=US"));
        assertEquals(-1, ee.getBasicConstraints(), "not a CA");
        assertTrue(ee.getKeyUsage()[0], "digitalSignature");
        assertTrue(ee.getCriticalExtensionOIDs().contains("2.5.29.15"), "KeyUsage critical");
        assertTrue(ee.getExtendedKeyUsage().containsAll(List.of("1.3.6.1.4.1.62558.2.1", "1.3.6.1.5.5.7.3.36")));
        assertNotNull(ee.getExtensionValue("2.5.29.35"), "AuthorityKeyIdentifier");
        assertNotNull(ee.getExtensionValue("2.5.29.14"), "SubjectKeyIdentifier");
        long days = Duration.between(ee.getNotBefore().toInstant(), ee.getNotAfter().toInstant()).toDays();
        assertTrue(days <= 366, "validity " + days + " days");
        assertEquals(2, pki.signer().chain().size(), "end-entity + intermediate, no root");
    }

    @Test
    void theChainValidatesToTheRoot() throws Exception {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(pki.root(), null)));
        params.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(cf.generateCertPath(pki.signer().chain()), params);
        assertTrue(pki.rootPem().startsWith("-----BEGIN CERTIFICATE-----"));
        assertEquals(pki.rootPem(), Files.readString(pki.directory().resolve("root.pem")));
    }

    @Test
    void keysAreEncryptedAtRestAndOnlyTheOwnerCanRead() throws Exception {
        for (String f : new String[] {"root.p12", "intermediate.p12", "signer.p12"}) {
            Path file = pki.directory().resolve(f);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), f);
        }
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(pki.directory())));
        assertFalse(pki.describe().contains("PRIVATE"), "describe never shows keys");
        assertFalse(pki.signer().toString().contains("PRIVATE"));
    }

    @Test
    void reloadingGivesTheSameSignerAndAWrongPasswordIsNamed() throws Exception {
        DevPki again = DevPki.loadOrCreate(pki.directory(), SigningAlgorithm.ES256, PasswordSource.of(PASSWORD));
        assertArrayEquals(pki.signer().certificate().getEncoded(), again.signer().certificate().getEncoded());
        KeyException e = assertThrows(KeyException.class, () -> DevPki.loadOrCreate(pki.directory(), SigningAlgorithm.ES256,
                PasswordSource.of("wrong".toCharArray())));
        assertTrue(e.getMessage().contains("wrong password"), e.getMessage());
    }

    @Test
    void everyAlgorithmSignsWhatItsCertificateVerifies() throws Exception {
        byte[] data = "to be signed".getBytes();
        for (SigningAlgorithm alg : SigningAlgorithm.values()) {
            SigningCredential c = pki.issueSigner(CertificateBuilder.of(CertificateBuilder.Role.CLAIM_SIGNER, "Signer " + alg), alg);
            assertEquals(alg, c.algorithm());
            byte[] sig = c.sign(data);
            Signature v = Signature.getInstance(alg.signatureAlgorithm());
            if (alg == SigningAlgorithm.PS256) {
                v.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
            }
            v.initVerify(c.certificate());
            v.update(data);
            assertTrue(v.verify(sig), alg + " signature verifies");
            assertEquals(List.of(), CertificateProfile.check(c.chain(), Instant.now()), alg.toString());
        }
    }

    @Test
    void rotationReplacesTheSignerAndArchivesTheOldOne() throws Exception {
        Path other = dir.resolve("rotating");
        DevPki first = DevPki.loadOrCreate(other, SigningAlgorithm.ES256, PasswordSource.of(PASSWORD));
        DevPki rotated = first.rotate();
        assertNotEquals(first.signer().certificate().getSerialNumber(), rotated.signer().certificate().getSerialNumber());
        assertEquals(first.root(), rotated.root());
        try (var archived = Files.list(other.resolve("archive"))) {
            assertEquals(1, archived.count());
        }
    }

    @Test
    void badCertificatesAreRefusedWithTheirReason() throws Exception {
        SigningCredential noOrg = pki.issueSigner(CertificateBuilder.of(CertificateBuilder.Role.CLAIM_SIGNER, "x")
                .withoutOrganization(), SigningAlgorithm.ES256);
        assertTrue(CertificateProfile.check(noOrg.chain(), Instant.now()).get(0).contains("no O (organization)"));

        SigningCredential expired = pki.issueSigner(CertificateBuilder.of(CertificateBuilder.Role.CLAIM_SIGNER, "x")
                .validity(Instant.now().minus(Duration.ofDays(10)), Duration.ofDays(1)), SigningAlgorithm.ES256);
        assertTrue(CertificateProfile.check(expired.chain(), Instant.now()).get(0).contains("expired"));

        SigningCredential ca = pki.issueSigner(CertificateBuilder.of(CertificateBuilder.Role.INTERMEDIATE_CA, "x"),
                SigningAlgorithm.ES256);
        assertTrue(CertificateProfile.check(ca.chain(), Instant.now()).stream().anyMatch(p -> p.contains("is a CA")));
    }

    @Test
    void aPkcs12FileLoadsAsACredential() throws Exception {
        SigningCredential loaded = SigningCredential.fromPkcs12(pki.directory().resolve("signer.p12"), PASSWORD, null);
        assertEquals(pki.signer().certificate(), loaded.certificate());
        assertEquals(2, loaded.chain().size(), "the root is dropped from the chain");
    }
}
