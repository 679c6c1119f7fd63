package io.hallmark.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each rule of the C2PA signer profile, shown by a certificate that breaks only that rule. */
class CertificateProfileTest {
    @TempDir
    static Path dir;
    static DevPki pki;

    @BeforeAll
    static void create() throws Exception {
        pki = DevPki.loadOrCreate(dir, SigningAlgorithm.ES256, PasswordSource.of("pw".toCharArray()));
    }

    static List<String> problemsOf(CertificateBuilder certificate) throws Exception {
        return CertificateProfile.check(pki.issueSigner(certificate, SigningAlgorithm.ES256).chain());
    }

    /** Exactly one problem, and it says {@code expected}. */
    static void onlyProblem(String expected, List<String> problems) {
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains(expected), problems.get(0));
    }

    @Test
    void theDefaultClaimSignerHasNoProblems() throws Exception {
        assertEquals(List.of(), problemsOf(CertificateBuilder.claimSigner("fine")));
    }

    @Test
    void aSubjectWithoutOrganizationIsRefused() throws Exception {
        onlyProblem("subject has no O (organization)", problemsOf(CertificateBuilder.claimSigner("x").withoutOrganization()));
    }

    @Test
    void aCaCertificateIsRefused() throws Exception {
        onlyProblem("certificate is a CA", problemsOf(CertificateBuilder.claimSigner("x").asCertificateAuthority()));
    }

    @Test
    void anExpiredOrNotYetValidCertificateIsRefused() throws Exception {
        onlyProblem("certificate expired on", problemsOf(CertificateBuilder.claimSigner("x").expired()));
        onlyProblem("not valid before", problemsOf(CertificateBuilder.claimSigner("x")
                .validity(Instant.now().plus(Duration.ofDays(1)), Duration.ofDays(1))));
    }

    @Test
    void validityIsJudgedAtTheGivenTime() throws Exception {
        SigningCredential shortLived = pki.issueSigner(CertificateBuilder.claimSigner("x").validFor(Duration.ofMinutes(10)),
                SigningAlgorithm.ES256);
        assertEquals(List.of(), CertificateProfile.check(shortLived.chain(), Instant.now()));
        onlyProblem("certificate expired on", CertificateProfile.check(shortLived.chain(), Instant.now().plus(Duration.ofHours(1))));
    }

    @Test
    void extendedKeyUsageMustHoldAC2paPurpose() throws Exception {
        onlyProblem("no ExtendedKeyUsage", problemsOf(CertificateBuilder.claimSigner("x").withoutExtendedKeyUsage()));
        onlyProblem("anyExtendedKeyUsage", problemsOf(CertificateBuilder.claimSigner("x")
                .extendedKeyUsage(KeyPurposeId.anyExtendedKeyUsage)));
        onlyProblem("none of the C2PA signing purposes", problemsOf(CertificateBuilder.claimSigner("x")
                .extendedKeyUsage(KeyPurposeId.id_kp_serverAuth)));
        onlyProblem("may not be combined", problemsOf(CertificateBuilder.claimSigner("x")
                .extendedKeyUsage(KeyPurposeId.id_kp_timeStamping, CertificateBuilder.C2PA_CLAIM_SIGNING)));
        assertEquals(List.of(), problemsOf(CertificateBuilder.claimSigner("x").extendedKeyUsage(KeyPurposeId.id_kp_emailProtection)),
                "emailProtection alone is allowed");
    }

    @Test
    void anAuthorityKeyIdentifierIsRequired() throws Exception {
        onlyProblem("no AuthorityKeyIdentifier", problemsOf(CertificateBuilder.claimSigner("x").withoutAuthorityKeyIdentifier()));
    }

    @Test
    void keyUsageMustAllowSignaturesAndNotCertificateSigning() throws Exception {
        onlyProblem("lacks digitalSignature", problemsOf(CertificateBuilder.claimSigner("x").keyUsage(KeyUsage.nonRepudiation)));
        onlyProblem("keyCertSign", problemsOf(CertificateBuilder.claimSigner("x")
                .keyUsage(KeyUsage.digitalSignature | KeyUsage.keyCertSign)));
    }

    @Test
    void aSelfSignedEndEntityIsRefused() throws Exception {
        X509Certificate self = CertificateBuilder.claimSigner("me").selfSigned(CertificateBuilder.newKeyPair(SigningAlgorithm.ES256));
        onlyProblem("self-signed", CertificateProfile.check(List.of(self)));
    }

    @Test
    void aSmallRsaKeyIsRefused() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(1024);
        KeyPair weak = g.generateKeyPair();
        X509Certificate cert = CertificateBuilder.claimSigner("weak").issue(weak.getPublic(), pki.intermediate(),
                caKey(), SigningAlgorithm.ES384);
        onlyProblem("RSA key of 1024 bits", CertificateProfile.check(List.of(cert, pki.intermediate())));
    }

    @Test
    void theChainMustLinkUpThroughCas() throws Exception {
        SigningCredential good = pki.signer();
        onlyProblem("chain out of order", CertificateProfile.check(List.of(good.certificate(), pki.root())));

        KeyPair k = CertificateBuilder.newKeyPair(SigningAlgorithm.ES256);
        X509Certificate issuedByALeaf = CertificateBuilder.claimSigner("under a leaf")
                .issue(k.getPublic(), good.certificate(), good.privateKey(), SigningAlgorithm.ES256);
        onlyProblem("is not a CA", CertificateProfile.check(List.of(issuedByALeaf, good.certificate())));

        DevPki other = DevPki.loadOrCreate(dir.resolve("other"), SigningAlgorithm.ES256, PasswordSource.of("pw".toCharArray()));
        List<String> forged = CertificateProfile.check(List.of(good.certificate(), other.intermediate()));
        onlyProblem("is not signed by the key of", forged); // same names, different key
    }

    @Test
    void anEmptyChainIsAProblem() {
        assertEquals(List.of("no certificate"), CertificateProfile.check(List.of()));
    }

    @Test
    void severalProblemsAreAllReported() throws Exception {
        List<String> problems = problemsOf(CertificateBuilder.claimSigner("x").withoutOrganization().expired()
                .withoutExtendedKeyUsage());
        assertEquals(3, problems.size(), problems.toString());
    }

    /** The intermediate's private key, read back from the PKI's store (only this package's tests can). */
    static java.security.PrivateKey caKey() throws Exception {
        java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
        try (var in = java.nio.file.Files.newInputStream(pki.directory().resolve("intermediate.p12"))) {
            ks.load(in, "pw".toCharArray());
        }
        return (java.security.PrivateKey) ks.getKey("key", "pw".toCharArray());
    }
}
