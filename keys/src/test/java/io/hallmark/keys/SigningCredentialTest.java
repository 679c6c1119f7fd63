package io.hallmark.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credentials: one per algorithm (RSA 3072 is generated once for the class), loaded from every source. */
class SigningCredentialTest {
    static final char[] PASSWORD = "pkcs password".toCharArray();
    static final byte[] DATA = "COSE Sig_structure bytes".getBytes();

    @TempDir
    static Path dir;
    static DevPki pki;
    static final Map<SigningAlgorithm, SigningCredential> CREDENTIALS = new EnumMap<>(SigningAlgorithm.class);

    @BeforeAll
    static void issueOnePerAlgorithm() throws Exception {
        pki = DevPki.loadOrCreate(dir.resolve("pki"), SigningAlgorithm.ES256, PasswordSource.of(PASSWORD));
        for (SigningAlgorithm alg : SigningAlgorithm.values()) {
            CREDENTIALS.put(alg, pki.issueSigner(CertificateBuilder.claimSigner("Signer " + alg), alg));
        }
    }

    /** An independent verifier: the JCA names and parameters spelled out, not taken from the code under test. */
    static boolean verifies(SigningAlgorithm alg, X509Certificate cert, byte[] signature) throws Exception {
        Signature v = switch (alg) {
            case ES256 -> Signature.getInstance("SHA256withECDSA");
            case ES384 -> Signature.getInstance("SHA384withECDSA");
            case PS256 -> {
                Signature pss = Signature.getInstance("RSASSA-PSS");
                pss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
                yield pss;
            }
            case ED25519 -> Signature.getInstance("Ed25519");
        };
        v.initVerify(cert);
        v.update(DATA);
        return v.verify(signature);
    }

    @Test
    void everyAlgorithmSignsWhatItsCertificateVerifies() throws Exception {
        for (SigningAlgorithm alg : SigningAlgorithm.values()) {
            SigningCredential c = CREDENTIALS.get(alg);
            assertEquals(alg, c.algorithm());
            assertTrue(verifies(alg, c.certificate(), c.sign(DATA)), alg + " signature verifies");
            byte[] other = c.sign("something else".getBytes());
            assertFalse(verifies(alg, c.certificate(), other), alg + ": a signature of other data does not verify");
            assertEquals(List.of(), CertificateProfile.check(c.chain()), alg.toString());
        }
    }

    @Test
    void keysHaveTheSizesC2paExpects() {
        assertEquals(256, ((ECPublicKey) CREDENTIALS.get(SigningAlgorithm.ES256).certificate().getPublicKey())
                .getParams().getCurve().getField().getFieldSize());
        assertEquals(384, ((ECPublicKey) CREDENTIALS.get(SigningAlgorithm.ES384).certificate().getPublicKey())
                .getParams().getCurve().getField().getFieldSize());
        assertEquals(3072, ((RSAPublicKey) CREDENTIALS.get(SigningAlgorithm.PS256).certificate().getPublicKey())
                .getModulus().bitLength());
        assertEquals("Ed25519", ((java.security.interfaces.EdECPublicKey) CREDENTIALS.get(SigningAlgorithm.ED25519).certificate()
                .getPublicKey()).getParams().getName());
    }

    @Test
    void algorithmsHaveTheirC2paNames() {
        assertEquals(List.of("es256", "es384", "ps256", "ed25519"),
                List.of(SigningAlgorithm.values()).stream().map(SigningAlgorithm::c2paName).toList());
        assertEquals(SigningAlgorithm.PS256, SigningAlgorithm.parse(" PS256 "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SigningAlgorithm.parse("rs256"));
        assertTrue(e.getMessage().contains("rs256"), e.getMessage());
    }

    @Test
    void ecdsaSignaturesAreDerSequences() throws Exception {
        byte[] sig = CREDENTIALS.get(SigningAlgorithm.ES256).sign(DATA);
        assertEquals(0x30, sig[0] & 0xff, "DER SEQUENCE");
        assertEquals(sig.length - 2, sig[1] & 0xff, "DER length");
    }

    @Test
    void ps256UsesA32ByteSalt() throws Exception {
        SigningCredential rsa = CREDENTIALS.get(SigningAlgorithm.PS256);
        byte[] sig = rsa.sign(DATA);
        assertEquals(384, sig.length, "RSA 3072");
        Signature salt20 = Signature.getInstance("RSASSA-PSS");
        salt20.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 20, 1));
        salt20.initVerify(rsa.certificate());
        salt20.update(DATA);
        boolean accepted;
        try {
            accepted = salt20.verify(sig);
        } catch (SignatureException e) {
            accepted = false;
        }
        assertFalse(accepted, "a verifier expecting salt 20 rejects it");
    }

    @Test
    void theChainPemHoldsEndEntityThenIntermediateWithoutTheRoot() throws Exception {
        SigningCredential c = CREDENTIALS.get(SigningAlgorithm.ES256);
        Path pem = dir.resolve("chain-check.pem");
        Files.writeString(pem, c.chainPem());
        assertEquals(List.of(c.certificate(), pki.intermediate()), SigningCredential.readCertificates(pem));
    }

    @Test
    void aPkcs12FileLoadsAsACredentialWithoutItsRoot() throws Exception {
        SigningCredential loaded = SigningCredential.fromPkcs12(pki.directory().resolve("signer.p12"), PASSWORD, null);
        assertEquals(pki.signer().certificate(), loaded.certificate());
        assertEquals(List.of(pki.signer().certificate(), pki.intermediate()), loaded.chain());
        assertTrue(verifies(SigningAlgorithm.ES256, loaded.certificate(), loaded.sign(DATA)));
    }

    @Test
    void pkcs12ProblemsNameTheirCause() {
        Path p12 = pki.directory().resolve("signer.p12");
        KeyException wrong = assertThrows(KeyException.class, () -> SigningCredential.fromPkcs12(p12, "nope".toCharArray(), null));
        assertEquals("wrong password for " + p12, wrong.getMessage());
        KeyException alias = assertThrows(KeyException.class, () -> SigningCredential.fromPkcs12(p12, PASSWORD, "other"));
        assertTrue(alias.getMessage().contains("no private key 'other'"), alias.getMessage());
        Path missing = dir.resolve("missing.p12");
        KeyException none = assertThrows(KeyException.class, () -> SigningCredential.fromPkcs12(missing, PASSWORD, null));
        assertEquals("no such file: " + missing, none.getMessage());
    }

    @Test
    void anEncryptedPkcs8PemLoadsForEveryAlgorithm() throws Exception {
        Path chain = dir.resolve("pem-chain.pem");
        for (SigningAlgorithm alg : SigningAlgorithm.values()) {
            SigningCredential c = CREDENTIALS.get(alg);
            Path key = writeEncryptedKey(dir.resolve(alg + ".key.pem"), c.privateKey(), "pem password".toCharArray());
            List<X509Certificate> withRoot = new ArrayList<>(c.chain());
            withRoot.add(pki.root());
            Files.writeString(chain, SigningCredential.pem(withRoot));

            SigningCredential loaded = SigningCredential.fromPem(key, "pem password".toCharArray(), chain);
            assertEquals(alg, loaded.algorithm());
            assertEquals(c.chain(), loaded.chain(), "the root is dropped");
            assertTrue(verifies(alg, loaded.certificate(), loaded.sign(DATA)), alg.toString());
        }
    }

    @Test
    void pemProblemsNameTheirCause() throws Exception {
        SigningCredential c = CREDENTIALS.get(SigningAlgorithm.ES256);
        Path chain = dir.resolve("es256-chain.pem");
        Files.writeString(chain, c.chainPem());
        Path key = writeEncryptedKey(dir.resolve("k.pem"), c.privateKey(), "right".toCharArray());
        KeyException wrong = assertThrows(KeyException.class, () -> SigningCredential.fromPem(key, "wrong".toCharArray(), chain));
        assertEquals("wrong password for " + key, wrong.getMessage());

        Path clear = dir.resolve("clear.pem");
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(new JcaPKCS8Generator(c.privateKey(), null));
        }
        Files.writeString(clear, out.toString());
        KeyException unencrypted = assertThrows(KeyException.class, () -> SigningCredential.fromPem(clear, "x".toCharArray(), chain));
        assertTrue(unencrypted.getMessage().contains("unencrypted private key"), unencrypted.getMessage());

        KeyException notAKey = assertThrows(KeyException.class, () -> SigningCredential.fromPem(chain, "x".toCharArray(), chain));
        assertTrue(notAKey.getMessage().startsWith("no private key in"), notAKey.getMessage());
    }

    @Test
    void aKeyThatDoesNotMatchItsCertificateIsRefused() {
        PrivateKey other = CREDENTIALS.get(SigningAlgorithm.ES384).privateKey();
        KeyException e = assertThrows(KeyException.class, () -> SigningCredential.of(other,
                CREDENTIALS.get(SigningAlgorithm.ES256).chain()));
        assertTrue(e.getMessage().contains("does not belong to the certificate") || e.getMessage().contains("cannot sign for"),
                e.getMessage());
        PrivateKey sameCurveOtherKey = pki.signer().privateKey();
        KeyException mismatch = assertThrows(KeyException.class, () -> SigningCredential.of(sameCurveOtherKey,
                CREDENTIALS.get(SigningAlgorithm.ES256).chain()));
        assertTrue(mismatch.getMessage().contains("does not belong to the certificate"), mismatch.getMessage());
    }

    @Test
    void keysC2paCannotUseAreRefused() throws Exception {
        java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("EC");
        g.initialize(new java.security.spec.ECGenParameterSpec("secp521r1"));
        KeyPair p521 = g.generateKeyPair();
        X509Certificate cert = CertificateBuilder.claimSigner("P-521").issue(p521.getPublic(), pki.intermediate(),
                CREDENTIALS.get(SigningAlgorithm.ES384).privateKey(), SigningAlgorithm.ES384);
        KeyException e = assertThrows(KeyException.class, () -> SigningCredential.of(p521.getPrivate(), List.of(cert)));
        assertTrue(e.getMessage().startsWith("unsupported key"), e.getMessage());
    }

    @Test
    void pkcs11NeedsAConfigurationThatExists() throws Exception {
        Path missing = dir.resolve("pkcs11.cfg");
        KeyException e = assertThrows(KeyException.class, () -> SigningCredential.fromPkcs11(missing, "1234".toCharArray(), null));
        assertEquals("no such PKCS#11 configuration file: " + missing, e.getMessage());
        Path noLibrary = Files.writeString(dir.resolve("bad-pkcs11.cfg"), "name = Nothing\nlibrary = " + dir.resolve("none.so") + "\n");
        KeyException bad = assertThrows(KeyException.class, () -> SigningCredential.fromPkcs11(noLibrary, "1234".toCharArray(), null));
        assertTrue(bad.getMessage().contains(noLibrary.toString()), bad.getMessage());
    }

    @Test
    void toStringShowsTheCertificateNotTheKey() {
        SigningCredential c = CREDENTIALS.get(SigningAlgorithm.PS256);
        String text = c.toString();
        assertTrue(text.contains("ps256") && text.contains("CN=Signer PS256"), text);
        assertFalse(text.contains("modulus") || text.contains("private exponent") || text.contains("PRIVATE"), text);
    }

    static Path writeEncryptedKey(Path file, PrivateKey key, char[] password) throws Exception {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(new JcaPKCS8Generator(key, new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                    .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider()).setPassword(password).build()));
        }
        Files.writeString(file, out.toString());
        assertTrue(out.toString().startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
        return file;
    }
}
