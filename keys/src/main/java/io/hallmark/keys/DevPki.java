package io.hallmark.keys;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/**
 * The development PKI: root CA -> intermediate CA -> claim-signing certificate, created on first use in
 * one folder. Keys are stored encrypted (PKCS#12, password from {@link PasswordSource}), files 0600,
 * folder 0700. Only {@code root.pem} (a public certificate, the trust anchor to give verifiers) is
 * stored in clear.
 *
 * <pre>
 * root.p12          root CA key + certificate
 * intermediate.p12  intermediate CA key + chain
 * signer.p12        claim-signing key + chain (signer, intermediate, root)
 * root.pem          the root certificate: use it as a trust anchor
 * archive/          signers replaced by rotate()
 * .password         the generated password, only when HALLMARK_KEY_PASSWORD is not set
 * </pre>
 */
public final class DevPki {
    private static final String ALIAS = "key";

    private final Path dir;
    private final char[] password;
    private final KeyPair rootKeys;
    private final X509Certificate root;
    private final PrivateKey intermediateKey;
    private final X509Certificate intermediate;
    private final SigningAlgorithm caAlgorithm;
    private final SigningCredential signer;

    private DevPki(Path dir, char[] password, KeyPair rootKeys, X509Certificate root, PrivateKey intermediateKey,
                   X509Certificate intermediate, SigningAlgorithm caAlgorithm, SigningCredential signer) {
        this.dir = dir;
        this.password = password;
        this.rootKeys = rootKeys;
        this.root = root;
        this.intermediateKey = intermediateKey;
        this.intermediate = intermediate;
        this.caAlgorithm = caAlgorithm;
        this.signer = signer;
    }

    /** The PKI in {@code dir}: loaded when it exists, created (with a signer of {@code algorithm}) when not. */
    public static DevPki loadOrCreate(Path dir, SigningAlgorithm algorithm, PasswordSource passwords) throws KeyException {
        try {
            char[] password = passwords.password();
            if (Files.exists(dir.resolve("signer.p12"))) {
                return load(dir, password);
            }
            return create(dir, algorithm, password);
        } catch (IOException e) {
            throw e instanceof KeyException k ? k : new KeyException("development PKI in " + dir + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new KeyException("development PKI in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static DevPki create(Path dir, SigningAlgorithm algorithm, char[] password)
            throws GeneralSecurityException, IOException {
        SecureFiles.privateDirectory(dir);
        // CAs use P-384 whatever the signer's algorithm (the C2PA profile asks CAs for P-384/P-521 or RSA >= 3072).
        SigningAlgorithm ca = SigningAlgorithm.ES384;
        KeyPair rootKeys = CertificateBuilder.newKeyPair(ca);
        X509Certificate root = CertificateBuilder.of(CertificateBuilder.Role.ROOT_CA, "Hallmark Development Root CA")
                .issue(rootKeys.getPublic(), null, rootKeys.getPrivate(), ca);
        KeyPair interKeys = CertificateBuilder.newKeyPair(ca);
        X509Certificate inter = CertificateBuilder.of(CertificateBuilder.Role.INTERMEDIATE_CA, "Hallmark Development Intermediate CA")
                .issue(interKeys.getPublic(), root, rootKeys.getPrivate(), ca);
        store(dir.resolve("root.p12"), rootKeys.getPrivate(), new Certificate[] {root}, password);
        store(dir.resolve("intermediate.p12"), interKeys.getPrivate(), new Certificate[] {inter, root}, password);
        Files.writeString(dir.resolve("root.pem"), pem(List.of(root)));
        DevPki partial = new DevPki(dir, password, rootKeys, root, interKeys.getPrivate(), inter, ca, null);
        SigningCredential signer = partial.issueSigner(
                CertificateBuilder.of(CertificateBuilder.Role.CLAIM_SIGNER, "Hallmark Development Signer"), algorithm);
        partial.saveSigner(signer);
        return new DevPki(dir, password, rootKeys, root, interKeys.getPrivate(), inter, ca, signer);
    }

    private static DevPki load(Path dir, char[] password) throws GeneralSecurityException, IOException {
        KeyStore rootStore = read(dir.resolve("root.p12"), password);
        KeyStore interStore = read(dir.resolve("intermediate.p12"), password);
        KeyStore signerStore = read(dir.resolve("signer.p12"), password);
        X509Certificate root = (X509Certificate) rootStore.getCertificate(ALIAS);
        KeyPair rootKeys = new KeyPair(root.getPublicKey(), (PrivateKey) rootStore.getKey(ALIAS, password));
        X509Certificate inter = (X509Certificate) interStore.getCertificate(ALIAS);
        PrivateKey interKey = (PrivateKey) interStore.getKey(ALIAS, password);
        SigningCredential signer = SigningCredential.fromPkcs12(dir.resolve("signer.p12"), password, ALIAS);
        return new DevPki(dir, password, rootKeys, root, interKey, inter, SigningAlgorithm.ES384, signer);
    }

    /** The current claim-signing credential. */
    public SigningCredential signer() {
        return signer;
    }

    public X509Certificate root() {
        return root;
    }

    public X509Certificate intermediate() {
        return intermediate;
    }

    /** The root certificate as PEM: the trust anchor verifiers need to report "Trusted". */
    public String rootPem() {
        return pem(List.of(root));
    }

    public Path directory() {
        return dir;
    }

    /**
     * Issues a claim-signing credential from the intermediate with the given certificate settings (e.g. a
     * short validity for time-stamp tests, or a deliberately bad profile for negative tests). Not stored.
     */
    public SigningCredential issueSigner(CertificateBuilder certificate, SigningAlgorithm algorithm) throws KeyException {
        try {
            KeyPair keys = CertificateBuilder.newKeyPair(algorithm);
            X509Certificate cert = certificate.issue(keys.getPublic(), intermediate, intermediateKey, caAlgorithm);
            return SigningCredential.of(keys.getPrivate(), List.of(cert, intermediate));
        } catch (GeneralSecurityException e) {
            throw new KeyException("cannot issue a signer: " + e.getMessage(), e);
        }
    }

    /** A key pair and certificate (EKU timeStamping only) for a time-stamp authority, issued by the intermediate. */
    public SigningCredential issueTimeStampAuthority() throws KeyException {
        return issueSigner(CertificateBuilder.of(CertificateBuilder.Role.TIME_STAMPING, "Hallmark Development TSA"),
                SigningAlgorithm.ES256);
    }

    /** Replaces the claim-signing key and certificate (same CA); the old one moves to archive/. */
    public DevPki rotate() throws KeyException {
        try {
            Path archive = dir.resolve("archive");
            SecureFiles.privateDirectory(archive);
            String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
            Files.move(dir.resolve("signer.p12"), archive.resolve("signer-" + stamp + ".p12"));
            SigningCredential fresh = issueSigner(
                    CertificateBuilder.of(CertificateBuilder.Role.CLAIM_SIGNER, "Hallmark Development Signer"), signer.algorithm());
            saveSigner(fresh);
            return new DevPki(dir, password, rootKeys, root, intermediateKey, intermediate, caAlgorithm, fresh);
        } catch (IOException | GeneralSecurityException e) {
            throw new KeyException("cannot rotate the signer in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A summary for people: subjects, validity, fingerprints, algorithm, files. Never key material. */
    public String describe() {
        StringBuilder s = new StringBuilder("Development PKI in " + dir + " (private keys encrypted, PKCS#12)\n");
        for (X509Certificate c : List.of(signer.certificate(), intermediate, root)) {
            s.append(String.format("  %-13s %s%n", label(c), c.getSubjectX500Principal().getName()));
            s.append(String.format("  %-13s valid %s .. %s, SHA-256 %s%n", "", c.getNotBefore().toInstant(),
                    c.getNotAfter().toInstant(), fingerprint(c)));
        }
        s.append("  claim signing algorithm: ").append(signer.algorithm().c2paName()).append('\n');
        s.append("  trust anchor: ").append(dir.resolve("root.pem"));
        return s.toString();
    }

    private String label(X509Certificate c) {
        return c.equals(root) ? "root CA" : c.equals(intermediate) ? "intermediate" : "claim signer";
    }

    public static String fingerprint(X509Certificate c) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void saveSigner(SigningCredential s) throws GeneralSecurityException, IOException {
        store(dir.resolve("signer.p12"), s.privateKey(), new Certificate[] {s.certificate(), intermediate, root}, password);
    }

    private static void store(Path file, PrivateKey key, Certificate[] chain, char[] password)
            throws GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry(ALIAS, key, password, chain);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ks.store(bytes, password);
        SecureFiles.writePrivate(file, bytes.toByteArray());
    }

    private static KeyStore read(Path file, char[] password) throws GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, password);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
                throw new KeyException("wrong password for " + file + " (set HALLMARK_KEY_PASSWORD)", e);
            }
            throw e;
        }
        return ks;
    }

    static String pem(List<X509Certificate> certs) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            for (X509Certificate c : certs) {
                w.writeObject(c);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "DevPki[" + dir + "]";
    }
}
