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
import java.security.KeyStore;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagFactory;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The development PKI: what it creates, how it stores it, how it reloads and rotates. */
class DevPkiTest {
    static final char[] PASSWORD = "correct horse battery staple".toCharArray();

    @TempDir
    static Path dir;
    static DevPki pki;

    @BeforeAll
    static void create() throws Exception {
        pki = DevPki.loadOrCreate(dir.resolve("pki"), SigningAlgorithm.ES256, PasswordSource.of(PASSWORD));
    }

    static X500Name subject(X509Certificate c) {
        return X500Name.getInstance(c.getSubjectX500Principal().getEncoded());
    }

    static boolean critical(X509Certificate c, String oid) {
        return c.getCriticalExtensionOIDs().contains(oid);
    }

    @Test
    void theClaimSignerHasTheProfileC2paRsEnforces() throws Exception {
        X509Certificate ee = pki.signer().certificate();
        assertEquals(3, ee.getVersion());
        assertEquals(1, subject(ee).getRDNs(BCStyle.C).length, "C");
        assertEquals("Hallmark Development", subject(ee).getRDNs(BCStyle.O)[0].getFirst().getValue().toString());
        assertEquals(1, subject(ee).getRDNs(BCStyle.CN).length, "CN");
        assertNotEquals(ee.getSubjectX500Principal(), ee.getIssuerX500Principal(), "not self-signed");
        assertEquals(pki.intermediate().getSubjectX500Principal(), ee.getIssuerX500Principal());

        assertEquals(-1, ee.getBasicConstraints(), "CA:FALSE");
        assertTrue(critical(ee, Extension.basicConstraints.getId()), "BasicConstraints critical");
        boolean[] ku = ee.getKeyUsage();
        assertTrue(ku[0] && ku[1], "digitalSignature + nonRepudiation");
        assertFalse(ku[5], "no keyCertSign");
        assertTrue(critical(ee, Extension.keyUsage.getId()), "KeyUsage critical");
        // emailProtection: the EKU c2pa-rs 0.91 accepts without trust configuration (it reads others Invalid)
        assertEquals(List.of("1.3.6.1.4.1.62558.2.1", "1.3.6.1.5.5.7.3.36", "1.3.6.1.5.5.7.3.4"), ee.getExtendedKeyUsage(),
                "c2pa-kp-claimSigning + documentSigning + emailProtection");

        JcaX509CertificateHolder holder = new JcaX509CertificateHolder(ee);
        SubjectKeyIdentifier issuerSki = SubjectKeyIdentifier.fromExtensions(new JcaX509CertificateHolder(pki.intermediate()).getExtensions());
        assertNotNull(SubjectKeyIdentifier.fromExtensions(holder.getExtensions()), "SubjectKeyIdentifier");
        assertArrayEquals(issuerSki.getKeyIdentifier(),
                AuthorityKeyIdentifier.fromExtensions(holder.getExtensions()).getKeyIdentifier(), "AKI = issuer's SKI");

        long days = Duration.between(ee.getNotBefore().toInstant(), ee.getNotAfter().toInstant()).toDays();
        assertTrue(days <= 366, "validity " + days + " days");
        assertEquals(256, ((ECPublicKey) ee.getPublicKey()).getParams().getCurve().getField().getFieldSize(), "P-256");
        assertEquals(List.of(), CertificateProfile.check(pki.signer().chain()));
        assertEquals(List.of(ee, pki.intermediate()), pki.signer().chain(), "end-entity + intermediate, no root");
    }

    @Test
    void theIntermediateIsACaThatIssuesOnlyEndEntities() throws Exception {
        X509Certificate ca = pki.intermediate();
        assertEquals(0, ca.getBasicConstraints(), "CA:TRUE, pathLen 0");
        assertTrue(critical(ca, Extension.basicConstraints.getId()));
        boolean[] ku = ca.getKeyUsage();
        assertTrue(ku[5] && ku[6], "keyCertSign + cRLSign");
        assertTrue(critical(ca, Extension.keyUsage.getId()));
        assertNotNull(ca.getExtensionValue(Extension.subjectKeyIdentifier.getId()));
        assertNotNull(ca.getExtensionValue(Extension.authorityKeyIdentifier.getId()));
        assertEquals(pki.root().getSubjectX500Principal(), ca.getIssuerX500Principal());
        assertEquals(384, ((ECPublicKey) ca.getPublicKey()).getParams().getCurve().getField().getFieldSize(), "P-384");
    }

    @Test
    void theRootIsASelfSignedCaWithPathLengthOne() throws Exception {
        X509Certificate root = pki.root();
        assertEquals(root.getSubjectX500Principal(), root.getIssuerX500Principal());
        root.verify(root.getPublicKey());
        assertEquals(1, root.getBasicConstraints());
        assertTrue(root.getKeyUsage()[5], "keyCertSign");
        assertNotNull(root.getExtensionValue(Extension.subjectKeyIdentifier.getId()));
        assertTrue(pki.rootPem().startsWith("-----BEGIN CERTIFICATE-----"));
        assertEquals(pki.rootPem(), Files.readString(pki.directory().resolve("root.pem")));
    }

    @Test
    void theSignerChainValidatesToTheRootWithPkix() throws Exception {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(pki.root(), null)));
        params.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(cf.generateCertPath(pki.signer().chain()), params);
        assertEquals(pki.signer().chainPem(), Files.readString(pki.directory().resolve("chain.pem")));
    }

    @Test
    void theTimeStampAuthorityIsIssuedByTheRootForTimeStampingOnly() throws Exception {
        X509Certificate tsa = pki.timeStampAuthority().certificate();
        assertEquals(pki.root().getSubjectX500Principal(), tsa.getIssuerX500Principal());
        tsa.verify(pki.root().getPublicKey());
        assertEquals(List.of("1.3.6.1.5.5.7.3.8"), tsa.getExtendedKeyUsage());
        assertTrue(critical(tsa, Extension.extendedKeyUsage.getId()), "EKU critical (RFC 3161)");
        assertEquals(-1, tsa.getBasicConstraints());
        PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(pki.root(), null)));
        params.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(
                CertificateFactory.getInstance("X.509").generateCertPath(pki.timeStampAuthority().chain()), params);
    }

    @Test
    void everyKeyFileIsOwnerOnlyInAnOwnerOnlyFolder() throws Exception {
        for (String f : List.of("root.p12", "intermediate.p12", "signer.p12", "tsa.p12")) {
            Path file = pki.directory().resolve(f);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), f);
        }
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(pki.directory())));
    }

    @Test
    void privateKeysAreEncryptedWithAes256AtRest() throws Exception {
        byte[] file = Files.readAllBytes(pki.directory().resolve("signer.p12"));
        ECPrivateKey key = (ECPrivateKey) pki.signer().privateKey();
        byte[] scalar = unsigned(key.getS().toByteArray());
        assertFalse(contains(file, key.getEncoded()), "PKCS#8 encoding not in clear");
        assertFalse(contains(file, scalar), "private scalar not in clear");

        PKCS12PfxPdu pfx = new PKCS12PfxPdu(file);
        int shrouded = 0;
        for (var info : pfx.getContentInfos()) {
            if (!info.getContentType().equals(PKCSObjectIdentifiers.data)) {
                continue; // encrypted certificate bags
            }
            for (PKCS12SafeBag bag : new PKCS12SafeBagFactory(info).getSafeBags()) {
                assertNotEquals(PKCSObjectIdentifiers.keyBag, bag.getType(), "no unencrypted key bag");
                if (bag.getType().equals(PKCSObjectIdentifiers.pkcs8ShroudedKeyBag)) {
                    var alg = ((PKCS8EncryptedPrivateKeyInfo) bag.getBagValue()).getEncryptionAlgorithm();
                    assertEquals(PKCSObjectIdentifiers.id_PBES2, alg.getAlgorithm());
                    ASN1Encodable scheme = PBES2Parameters.getInstance(alg.getParameters()).getEncryptionScheme().getAlgorithm();
                    assertEquals(NISTObjectIdentifiers.id_aes256_CBC, scheme);
                    shrouded++;
                }
            }
        }
        assertEquals(1, shrouded, "one shrouded key bag");

        KeyStore withoutPassword = KeyStore.getInstance("PKCS12");
        withoutPassword.load(Files.newInputStream(pki.directory().resolve("signer.p12")), null);
        assertThrows(java.security.UnrecoverableKeyException.class, () -> withoutPassword.getKey("key", "guess".toCharArray()));
    }

    @Test
    void descriptionsShowCertificatesAndFilesButNeverKeysOrPasswords() throws Exception {
        String text = pki.describe();
        for (X509Certificate c : List.of(pki.signer().certificate(), pki.intermediate(), pki.root(),
                pki.timeStampAuthority().certificate())) {
            assertTrue(text.contains(c.getSubjectX500Principal().getName()), text);
            assertTrue(text.contains(DevPki.fingerprint(c)), "fingerprint of " + c.getSubjectX500Principal());
        }
        assertTrue(text.contains("es256") && text.contains(pki.directory().resolve("signer.p12").toString()), text);
        byte[] key = pki.signer().privateKey().getEncoded();
        for (String s : List.of(text, pki.signer().toString(), pki.toString())) {
            assertFalse(s.contains("PRIVATE"), s);
            assertFalse(s.contains(new String(PASSWORD)), s);
            assertFalse(s.contains(Base64.getEncoder().encodeToString(key).substring(0, 40)), s);
            assertFalse(s.toLowerCase().contains(HexFormat.of().formatHex(key).substring(0, 40)), s);
        }
    }

    @Test
    void reloadingGivesTheSameCredentials() throws Exception {
        DevPki again = DevPki.loadOrCreate(pki.directory(), SigningAlgorithm.ES256, PasswordSource.of(PASSWORD));
        assertEquals(pki.root(), again.root());
        assertEquals(pki.signer().certificate(), again.signer().certificate());
        assertEquals(pki.timeStampAuthority().certificate(), again.timeStampAuthority().certificate());
        assertEquals(SigningAlgorithm.ES256, again.signer().algorithm());
    }

    @Test
    void aWrongPasswordIsReportedWithTheFileItFailedOn() {
        KeyException e = assertThrows(KeyException.class, () -> DevPki.loadOrCreate(pki.directory(), SigningAlgorithm.ES256,
                PasswordSource.of("wrong".toCharArray())));
        assertTrue(e.getMessage().startsWith("wrong password for " + pki.directory().resolve("root.p12")), e.getMessage());
    }

    @Test
    void rotationIssuesANewSignerFromTheSameCaAndArchivesTheOldOne() throws Exception {
        Path other = dir.resolve("rotating");
        DevPki first = DevPki.loadOrCreate(other, SigningAlgorithm.ES256, PasswordSource.of(PASSWORD));
        X509Certificate old = first.signer().certificate();
        DevPki rotated = first.rotate();
        X509Certificate fresh = rotated.signer().certificate();
        assertNotEquals(old.getSerialNumber(), fresh.getSerialNumber());
        assertFalse(Arrays.equals(old.getPublicKey().getEncoded(), fresh.getPublicKey().getEncoded()), "a new key");
        assertEquals(first.root(), rotated.root());
        assertEquals(old.getIssuerX500Principal(), fresh.getIssuerX500Principal());
        assertEquals(List.of(), CertificateProfile.check(rotated.signer().chain()));

        List<Path> archived = rotated.archivedSigners();
        assertEquals(1, archived.size());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(archived.get(0))));
        assertEquals(old, SigningCredential.fromPkcs12(archived.get(0), PASSWORD, null).certificate(), "the old signer is kept");
        assertEquals(fresh, DevPki.loadOrCreate(other, SigningAlgorithm.ES256, PasswordSource.of(PASSWORD)).signer().certificate(),
                "reloading gives the rotated signer");

        DevPki ed = rotated.rotateTo(SigningAlgorithm.ED25519);
        assertEquals(SigningAlgorithm.ED25519, ed.signer().algorithm());
        assertEquals(2, ed.archivedSigners().size());
    }

    @Test
    void aMissingTimeStampAuthorityIsReissuedButAMissingRootIsAnError() throws Exception {
        Path other = dir.resolve("repair");
        DevPki first = DevPki.loadOrCreate(other, SigningAlgorithm.ES384, PasswordSource.of(PASSWORD));
        Files.delete(other.resolve("tsa.p12"));
        DevPki again = DevPki.loadOrCreate(other, SigningAlgorithm.ES256, PasswordSource.of(PASSWORD));
        assertEquals(SigningAlgorithm.ES384, again.signer().algorithm(), "an existing signer keeps its algorithm");
        assertNotEquals(first.timeStampAuthority().certificate(), again.timeStampAuthority().certificate());
        assertTrue(Files.exists(other.resolve("tsa.p12")));

        Files.delete(other.resolve("root.p12"));
        KeyException e = assertThrows(KeyException.class,
                () -> DevPki.loadOrCreate(other, SigningAlgorithm.ES256, PasswordSource.of(PASSWORD)));
        assertTrue(e.getMessage().contains("root.p12 is missing"), e.getMessage());
    }

    @Test
    void theGeneratedPasswordFileIsUsedWhenNoEnvironmentPasswordIsSet() throws Exception {
        Path other = dir.resolve("generated");
        PasswordSource source = PasswordSource.environmentOrFile(java.util.Map.of(), other.resolve(".password"));
        DevPki created = DevPki.loadOrCreate(other, SigningAlgorithm.ES256, source);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(other.resolve(".password"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(other)));
        DevPki reloaded = DevPki.loadOrCreate(other, SigningAlgorithm.ES256,
                PasswordSource.environmentOrFile(java.util.Map.of(), other.resolve(".password")));
        assertEquals(created.signer().certificate(), reloaded.signer().certificate());
    }

    static byte[] unsigned(byte[] bigInteger) {
        return bigInteger[0] == 0 ? Arrays.copyOfRange(bigInteger, 1, bigInteger.length) : bigInteger;
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Test
    void theByteSearchUsedAboveFindsWhatIsThere() {
        assertTrue(contains(new byte[] {1, 2, 3, 4}, new byte[] {3, 4}));
        assertFalse(contains(new byte[] {1, 2, 3, 4}, new byte[] {4, 5}));
    }
}
