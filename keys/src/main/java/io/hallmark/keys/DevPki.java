package io.hallmark.keys;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The development PKI: root CA -> intermediate CA -> claim-signing certificate, created on first use in
 * one folder, plus a time-stamp authority certificate issued by the root. Private keys are stored
 * encrypted (password-protected PKCS#12, AES-256, password from {@link PasswordSource}), files 0600,
 * folder 0700. Only public certificates are stored in clear.
 *
 * <pre>
 * root.p12          root CA key + certificate (P-384, 10 years)
 * intermediate.p12  intermediate CA key + chain (P-384, 5 years)
 * signer.p12        claim-signing key + chain (signer, intermediate, root); 365 days
 * tsa.p12           time-stamp authority key + chain (P-256, issued by the root, EKU timeStamping)
 * root.pem          the root certificate: the trust anchor to give verifiers (claims and time-stamps)
 * chain.pem         the signer's chain as c2pa embeds it (signer, intermediate)
 * archive/          signers replaced by rotate()
 * .password         the generated password, only when HALLMARK_KEY_PASSWORD is not set
 * </pre>
 */
public final class DevPki {
    static final String ALIAS = "key";
    static final String ROOT = "root.p12";
    static final String INTERMEDIATE = "intermediate.p12";
    static final String SIGNER = "signer.p12";
    static final String TSA = "tsa.p12";
    static final String ROOT_PEM = "root.pem";
    static final String CHAIN_PEM = "chain.pem";
    static final String ARCHIVE = "archive";
    /** The generated-password file that {@link PasswordSource#forDirectory(Path)} uses. */
    public static final String PASSWORD_FILE = ".password";
    /** Java's PKCS#12 key protection with PBKDF2-HMAC-SHA-256 and AES-256, whatever java.security says. */
    private static final String KEY_PROTECTION = "PBEWithHmacSHA256AndAES_256";
    private static final String SIGNER_CN = "Hallmark Development Signer";

    private final Path dir;
    private final char[] password;
    private final PrivateKey rootKey;
    private final X509Certificate root;
    private final PrivateKey intermediateKey;
    private final X509Certificate intermediate;
    private final SigningAlgorithm caAlgorithm;
    private final SigningCredential signer;
    private final SigningCredential tsa;

    private DevPki(Path dir, char[] password, PrivateKey rootKey, X509Certificate root, PrivateKey intermediateKey,
                   X509Certificate intermediate, SigningCredential signer, SigningCredential tsa) {
        this.dir = dir;
        this.password = password;
        this.rootKey = rootKey;
        this.root = root;
        this.intermediateKey = intermediateKey;
        this.intermediate = intermediate;
        this.caAlgorithm = SigningCredential.algorithmOf(rootKey, root);
        this.signer = signer;
        this.tsa = tsa;
    }

    /**
     * The PKI in {@code dir}: loaded when it exists, created when not. {@code algorithm} is the claim
     * signer's algorithm for a new PKI (an existing signer keeps its own; {@link #rotateTo} changes it).
     * A wrong password is reported as "wrong password for FILE".
     */
    public static DevPki loadOrCreate(Path dir, SigningAlgorithm algorithm, PasswordSource passwords) throws KeyException {
        try {
            char[] password = passwords.password();
            if (password == null || password.length == 0) {
                throw new KeyException("empty password for the development PKI in " + dir);
            }
            boolean hasRoot = Files.exists(dir.resolve(ROOT));
            if (!hasRoot && (Files.exists(dir.resolve(SIGNER)) || Files.exists(dir.resolve(INTERMEDIATE)))) {
                throw new KeyException("incomplete development PKI in " + dir + ": " + ROOT + " is missing");
            }
            DevPki cas = hasRoot ? loadAuthorities(dir, password) : createAuthorities(dir, password);
            return cas.withSignerAndTsa(algorithm);
        } catch (KeyException e) {
            throw e;
        } catch (IOException | GeneralSecurityException e) {
            throw new KeyException("development PKI in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The claim signer alone, for callers that only sign: when the PKI exists, only {@code signer.p12} (which holds
     * the whole chain) is decrypted, not the two CA keys and the TSA key as {@link #loadOrCreate} does (each
     * PKCS#12 costs a PBKDF2 run: about 0.3 s of a JPEG signature went there). Anything unusual (no PKI yet, a
     * missing file, a wrong password) goes through {@link #loadOrCreate}, which creates what is missing and words
     * the errors.
     *
     * @param dir       the PKI folder
     * @param algorithm the signer's algorithm if the PKI is created now
     * @param passwords where the password comes from
     * @return the claim-signing credential
     * @throws KeyException as {@link #loadOrCreate}
     */
    public static SigningCredential signerOf(Path dir, SigningAlgorithm algorithm, PasswordSource passwords)
            throws KeyException {
        if (Files.exists(dir.resolve(ROOT)) && Files.exists(dir.resolve(ROOT_PEM)) && Files.exists(dir.resolve(SIGNER))) {
            try {
                char[] password = passwords.password();
                if (password != null && password.length > 0) {
                    return SigningCredential.fromPkcs12(dir.resolve(SIGNER), password, ALIAS);
                }
            } catch (IOException | RuntimeException e) {
                // fall through: loadOrCreate reports it in its own words
            }
        }
        return loadOrCreate(dir, algorithm, passwords).signer();
    }

    private static DevPki createAuthorities(Path dir, char[] password) throws GeneralSecurityException, IOException {
        SecureFiles.privateDirectory(dir);
        // CAs use P-384 whatever the signer's algorithm (the C2PA profile asks CAs for P-384/P-521 or RSA >= 3072).
        SigningAlgorithm ca = SigningAlgorithm.ES384;
        KeyPair rootKeys = CertificateBuilder.newKeyPair(ca);
        X509Certificate root = CertificateBuilder.of(CertificateBuilder.Role.ROOT_CA, "Hallmark Development Root CA")
                .issue(rootKeys.getPublic(), null, rootKeys.getPrivate(), ca);
        KeyPair interKeys = CertificateBuilder.newKeyPair(ca);
        X509Certificate inter = CertificateBuilder.of(CertificateBuilder.Role.INTERMEDIATE_CA, "Hallmark Development Intermediate CA")
                .issue(interKeys.getPublic(), root, rootKeys.getPrivate(), ca);
        store(dir.resolve(ROOT), rootKeys.getPrivate(), new Certificate[] {root}, password);
        store(dir.resolve(INTERMEDIATE), interKeys.getPrivate(), new Certificate[] {inter, root}, password);
        return new DevPki(dir, password, rootKeys.getPrivate(), root, interKeys.getPrivate(), inter, null, null);
    }

    private static DevPki loadAuthorities(Path dir, char[] password) throws GeneralSecurityException, IOException {
        KeyStore rootStore = read(dir.resolve(ROOT), password);
        KeyStore interStore = read(dir.resolve(INTERMEDIATE), password);
        X509Certificate root = (X509Certificate) rootStore.getCertificate(ALIAS);
        X509Certificate inter = (X509Certificate) interStore.getCertificate(ALIAS);
        if (root == null || inter == null) {
            throw new KeyException("development PKI in " + dir + " has no '" + ALIAS + "' entry in " + ROOT + " or " + INTERMEDIATE);
        }
        return new DevPki(dir, password, (PrivateKey) rootStore.getKey(ALIAS, password), root,
                (PrivateKey) interStore.getKey(ALIAS, password), inter, null, null);
    }

    /** Loads the signer and TSA credentials, issuing (and storing) those that are missing or expired (TSA). */
    private DevPki withSignerAndTsa(SigningAlgorithm algorithm) throws GeneralSecurityException, IOException {
        SigningCredential s;
        if (Files.exists(dir.resolve(SIGNER))) {
            s = SigningCredential.fromPkcs12(dir.resolve(SIGNER), password, ALIAS);
        } else {
            s = issueSigner(CertificateBuilder.claimSigner(SIGNER_CN), algorithm);
            saveSigner(s);
        }
        SigningCredential t = null;
        if (Files.exists(dir.resolve(TSA))) {
            t = SigningCredential.fromPkcs12(dir.resolve(TSA), password, ALIAS);
        }
        // A TSA whose certificate ran out is replaced silently: nothing refers to the old one.
        if (t == null || new Date().after(t.certificate().getNotAfter())) {
            t = issueTimeStampAuthority();
            store(dir.resolve(TSA), t.privateKey(), new Certificate[] {t.certificate(), root}, password);
        }
        if (!Files.exists(dir.resolve(ROOT_PEM))) {
            SecureFiles.writePublic(dir.resolve(ROOT_PEM), rootPem());
        }
        return new DevPki(dir, password, rootKey, root, intermediateKey, intermediate, s, t);
    }

    /** The current claim-signing credential. */
    public SigningCredential signer() {
        return signer;
    }

    /** The root CA certificate: the trust anchor for claims and for the TSA. */
    public X509Certificate root() {
        return root;
    }

    public X509Certificate intermediate() {
        return intermediate;
    }

    /** The root certificate as PEM: the trust anchor verifiers need to report "Trusted". */
    public String rootPem() {
        return SigningCredential.pem(List.of(root));
    }

    public Path directory() {
        return dir;
    }

    /** The stored time-stamp authority credential (issued by the root, EKU timeStamping only), for {@link LocalTsa}. */
    public SigningCredential timeStampAuthority() {
        return tsa;
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

    /** A new time-stamp authority credential (P-256, EKU timeStamping critical and alone) issued by the root. Not stored. */
    public SigningCredential issueTimeStampAuthority() throws KeyException {
        try {
            KeyPair keys = CertificateBuilder.newKeyPair(SigningAlgorithm.ES256);
            X509Certificate cert = CertificateBuilder.of(CertificateBuilder.Role.TIME_STAMPING, "Hallmark Development TSA")
                    .issue(keys.getPublic(), root, rootKey, caAlgorithm);
            return SigningCredential.of(keys.getPrivate(), List.of(cert));
        } catch (GeneralSecurityException e) {
            throw new KeyException("cannot issue a TSA certificate: " + e.getMessage(), e);
        }
    }

    /** Replaces the claim-signing key and certificate (same CA, same algorithm); the old one is kept in archive/. */
    public DevPki rotate() throws KeyException {
        return rotateTo(signer.algorithm());
    }

    /** Replaces the claim-signing key and certificate with one of {@code algorithm}; the old one is kept in archive/. */
    public DevPki rotateTo(SigningAlgorithm algorithm) throws KeyException {
        try {
            SigningCredential fresh = issueSigner(CertificateBuilder.claimSigner(SIGNER_CN), algorithm);
            Path archive = dir.resolve(ARCHIVE);
            SecureFiles.privateDirectory(archive);
            String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
            String name = "signer-" + stamp + "-" + signer.certificate().getSerialNumber().toString(16) + ".p12";
            Files.copy(dir.resolve(SIGNER), archive.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
            saveSigner(fresh);
            return new DevPki(dir, password, rootKey, root, intermediateKey, intermediate, fresh, tsa);
        } catch (IOException | GeneralSecurityException e) {
            throw new KeyException("cannot rotate the signer in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A summary for people: subjects, validity, fingerprints, algorithms, files. Never key material. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        s.append("Development PKI in ").append(dir).append('\n');
        s.append("  private keys: password-protected PKCS#12 (").append(KEY_PROTECTION)
                .append("), files 0600; password from $").append(PasswordSource.ENVIRONMENT)
                .append(" or ").append(dir.resolve(PASSWORD_FILE)).append('\n');
        describe(s, "claim signer", signer.certificate(), signer.algorithm().c2paName(), SIGNER);
        describe(s, "intermediate", intermediate, caAlgorithm.c2paName(), INTERMEDIATE);
        describe(s, "root CA", root, caAlgorithm.c2paName(), ROOT);
        describe(s, "TSA", tsa.certificate(), tsa.algorithm().c2paName(), TSA);
        s.append("  trust anchor (claims and time-stamps): ").append(dir.resolve(ROOT_PEM)).append('\n');
        s.append("  signer chain (PEM): ").append(dir.resolve(CHAIN_PEM)).append('\n');
        s.append("  archived signers: ").append(archivedSigners().size()).append(" in ").append(dir.resolve(ARCHIVE));
        return s.toString();
    }

    private void describe(StringBuilder s, String label, X509Certificate c, String algorithm, String file) {
        Instant notAfter = c.getNotAfter().toInstant();
        String state = Instant.now().isAfter(notAfter) ? "  EXPIRED" : "";
        s.append(String.format("  %-13s %s%n", label, c.getSubjectX500Principal().getName()));
        s.append(String.format("  %-13s %s key, serial %s, valid %s .. %s%s%n", "", algorithm, c.getSerialNumber().toString(16),
                c.getNotBefore().toInstant(), notAfter, state));
        s.append(String.format("  %-13s SHA-256 %s%n", "", fingerprint(c)));
        s.append(String.format("  %-13s %s%n", "", dir.resolve(file)));
    }

    /** The PKCS#12 files of signers replaced by {@link #rotate()}, oldest first. */
    public List<Path> archivedSigners() {
        Path archive = dir.resolve(ARCHIVE);
        if (!Files.isDirectory(archive)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(archive)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".p12")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** SHA-256 of the DER certificate, colon-separated hex (as openssl x509 -fingerprint -sha256 prints it). */
    public static String fingerprint(X509Certificate c) {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void saveSigner(SigningCredential s) throws GeneralSecurityException, IOException {
        store(dir.resolve(SIGNER), s.privateKey(), new Certificate[] {s.certificate(), intermediate, root}, password);
        SecureFiles.writePublic(dir.resolve(CHAIN_PEM), s.chainPem());
    }

    private static void store(Path file, PrivateKey key, Certificate[] chain, char[] password)
            throws GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setEntry(ALIAS, new KeyStore.PrivateKeyEntry(key, chain),
                new KeyStore.PasswordProtection(password, KEY_PROTECTION, null));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ks.store(bytes, password);
        SecureFiles.writePrivate(file, bytes.toByteArray());
    }

    private static KeyStore read(Path file, char[] password) throws GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, password);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new KeyException("wrong password for " + file + " (the password comes from $"
                        + PasswordSource.ENVIRONMENT + " or " + file.resolveSibling(PASSWORD_FILE) + ")", e);
            }
            throw new KeyException("cannot read " + file + " as PKCS#12: " + e.getMessage(), e);
        }
        return ks;
    }

    @Override
    public String toString() {
        return "DevPki[" + dir + "]";
    }
}
