package io.hallmark.keys;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.RSAKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/**
 * A private key and its certificate chain (end-entity first, then intermediates, never the root) that
 * signs C2PA claims. The key may be a software key, a PKCS#12 entry, an encrypted PKCS#8 PEM file or a
 * PKCS#11 (HSM) handle: only signatures leave this object. Every factory checks that the key belongs
 * to the end-entity certificate. {@link #toString()} never shows key material.
 */
public final class SigningCredential {
    private static final byte[] PROBE = "hallmark: does this key match its certificate?".getBytes(StandardCharsets.US_ASCII);
    /** Bouncy Castle as a local provider (not registered globally) for PEM decryption: PBES2 variants the JDK lacks. */
    /**
     * Bouncy Castle's JCA provider, made only when the JDK's own cannot decrypt a key: registering every BC algorithm
     * costs about 0.3 s, more than the rest of a JPEG signature.
     */
    private static final class Bc {
        static final Provider PROVIDER = new BouncyCastleProvider();
    }

    private final PrivateKey key;
    private final List<X509Certificate> chain;
    private final SigningAlgorithm algorithm;
    private final Provider provider;

    private SigningCredential(PrivateKey key, List<X509Certificate> chain, SigningAlgorithm algorithm, Provider provider) {
        this.key = key;
        this.chain = List.copyOf(chain);
        this.algorithm = algorithm;
        this.provider = provider;
    }

    /** A JCA key and its chain; the algorithm follows from the key (EC P-256/P-384, RSA -> PS256, Ed25519). */
    public static SigningCredential of(PrivateKey key, List<X509Certificate> chain) throws KeyException {
        return checked(key, chain, null, "the given key");
    }

    /** The entry {@code aliasOrNull} (or the first key entry) of a password-protected PKCS#12 file. */
    public static SigningCredential fromPkcs12(Path p12, char[] password, String aliasOrNull) throws KeyException {
        KeyStore store;
        try (InputStream in = Files.newInputStream(p12)) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
        } catch (NoSuchFileException e) {
            throw new KeyException("no such file: " + p12, e);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new KeyException("wrong password for " + p12, e);
            }
            throw new KeyException("cannot read " + p12 + " as PKCS#12: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new KeyException("cannot read " + p12 + " as PKCS#12: " + e.getMessage(), e);
        }
        return fromKeyStore(store, password, aliasOrNull, null, p12.toString());
    }

    /**
     * A key on a PKCS#11 token (HSM, smart card) through the JDK's SunPKCS11 provider configured by
     * {@code sunPkcs11Config} (name, library, slot: see the JDK's PKCS#11 reference guide). The key never
     * leaves the token; signatures are made by it.
     */
    public static SigningCredential fromPkcs11(Path sunPkcs11Config, char[] pin, String aliasOrNull) throws KeyException {
        if (!Files.isRegularFile(sunPkcs11Config)) {
            throw new KeyException("no such PKCS#11 configuration file: " + sunPkcs11Config);
        }
        Provider base = Security.getProvider("SunPKCS11");
        if (base == null) {
            throw new KeyException("this Java runtime has no SunPKCS11 provider");
        }
        KeyStore store;
        Provider provider;
        try {
            provider = base.configure(sunPkcs11Config.toString());
            store = KeyStore.getInstance("PKCS11", provider);
            store.load(null, pin);
        } catch (IOException e) {
            if (isWrongPin(e)) {
                throw new KeyException("wrong PIN for the PKCS#11 token of " + sunPkcs11Config, e);
            }
            throw new KeyException("cannot open the PKCS#11 token of " + sunPkcs11Config + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new KeyException("cannot use PKCS#11 token (" + sunPkcs11Config + "): " + e.getMessage(), e);
        }
        return fromKeyStore(store, pin, aliasOrNull, provider, "the PKCS#11 token of " + sunPkcs11Config);
    }

    /**
     * An encrypted PKCS#8 private key ("BEGIN ENCRYPTED PRIVATE KEY", or a legacy OpenSSL encrypted key)
     * and a PEM file of certificates, end-entity first. Unencrypted key files are refused: keys are kept
     * encrypted at rest.
     */
    public static SigningCredential fromPem(Path encryptedPkcs8KeyPem, char[] password, Path chainPem) throws KeyException {
        PrivateKey key = readEncryptedKey(encryptedPkcs8KeyPem, password);
        List<X509Certificate> chain = readCertificates(chainPem);
        return checked(key, chain, null, encryptedPkcs8KeyPem.toString());
    }

    /** All certificates of a PEM (or DER) file, in file order. */
    public static List<X509Certificate> readCertificates(Path pem) throws KeyException {
        try (InputStream in = Files.newInputStream(pem)) {
            List<X509Certificate> certs = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certs.add((X509Certificate) c);
            }
            if (certs.isEmpty()) {
                throw new KeyException("no certificate in " + pem);
            }
            return certs;
        } catch (NoSuchFileException e) {
            throw new KeyException("no such file: " + pem, e);
        } catch (IOException | GeneralSecurityException e) {
            throw new KeyException("cannot read certificates from " + pem + ": " + e.getMessage(), e);
        }
    }

    private static PrivateKey readEncryptedKey(Path file, char[] password) throws KeyException {
        Object object;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser pem = new PEMParser(reader)) {
            object = pem.readObject();
        } catch (NoSuchFileException e) {
            throw new KeyException("no such file: " + file, e);
        } catch (IOException | RuntimeException e) {
            throw new KeyException("cannot read " + file + " as PEM: " + e.getMessage(), e);
        }
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try {
            if (object instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                PrivateKeyInfo info;
                try {
                    // PBES2 with PBKDF2 and AES, as ours are written, is in the JDK; anything else falls back to BC
                    info = decrypt(encrypted, password);
                } catch (PKCSException e) {
                    throw new KeyException("wrong password for " + file, e);
                }
                return converter.getPrivateKey(info);
            }
            if (object instanceof PEMEncryptedKeyPair legacy) {
                PEMKeyPair pair;
                try {
                    pair = legacy.decryptKeyPair(new JcePEMDecryptorProviderBuilder().setProvider(Bc.PROVIDER).build(password));
                } catch (IOException e) {
                    throw new KeyException("wrong password for " + file, e);
                }
                return converter.getKeyPair(pair).getPrivate();
            }
        } catch (OperatorCreationException | PEMException | RuntimeException e) {
            throw new KeyException("cannot decrypt " + file + ": " + e.getMessage(), e);
        }
        if (object instanceof PrivateKeyInfo || object instanceof PEMKeyPair) {
            throw new KeyException(file + " holds an unencrypted private key; encrypt it first, e.g. "
                    + "openssl pkcs8 -topk8 -v2 aes-256-cbc -in key.pem -out key.enc.pem");
        }
        throw new KeyException("no private key in " + file + (object == null ? "" : " (found " + object.getClass().getSimpleName() + ")"));
    }

    /** SunPKCS11 wraps the token's CKR_PIN_INCORRECT in a LoginException inside an IOException("load failed"). */
    private static boolean isWrongPin(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof javax.security.auth.login.FailedLoginException
                    || String.valueOf(t.getMessage()).contains("CKR_PIN_INCORRECT")) {
                return true;
            }
        }
        return false;
    }

    private static SigningCredential fromKeyStore(KeyStore store, char[] password, String aliasOrNull, Provider provider,
                                                  String where) throws KeyException {
        try {
            String alias = aliasOrNull;
            if (alias == null) {
                for (String a : Collections.list(store.aliases())) {
                    if (store.isKeyEntry(a)) {
                        alias = a;
                        break;
                    }
                }
            }
            if (alias == null || !store.isKeyEntry(alias)) {
                throw new KeyException("no private key " + (aliasOrNull == null ? "" : "'" + aliasOrNull + "' ") + "in " + where);
            }
            PrivateKey key;
            try {
                key = (PrivateKey) store.getKey(alias, password);
            } catch (UnrecoverableKeyException e) {
                throw new KeyException("wrong password for key '" + alias + "' in " + where, e);
            }
            Certificate[] certs = store.getCertificateChain(alias);
            if (certs == null || certs.length == 0) {
                throw new KeyException("key '" + alias + "' in " + where + " has no certificate chain");
            }
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : certs) {
                chain.add((X509Certificate) c);
            }
            return checked(key, chain, provider, where);
        } catch (GeneralSecurityException e) {
            throw new KeyException("cannot read the key in " + where + ": " + e.getMessage(), e);
        }
    }

    /** Builds the credential and proves that the key signs what the certificate verifies. */
    private static SigningCredential checked(PrivateKey key, List<X509Certificate> chain, Provider provider, String where)
            throws KeyException {
        if (key == null) {
            throw new KeyException("no private key in " + where);
        }
        if (chain == null || chain.isEmpty()) {
            throw new KeyException("a signing credential needs its certificate chain (" + where + ")");
        }
        SigningAlgorithm algorithm = algorithmOf(key, chain.get(0));
        if (algorithm == null) {
            throw new KeyException("unsupported key (" + key.getAlgorithm() + ") in " + where
                    + ": C2PA signing here needs EC P-256/P-384, RSA >= 2048 or Ed25519");
        }
        SigningCredential credential = new SigningCredential(key, withoutRoot(chain), algorithm, provider);
        try {
            Signature verify = Signature.getInstance(algorithm.jcaSignatureAlgorithm());
            if (algorithm.jcaParameters() != null) {
                verify.setParameter(algorithm.jcaParameters());
            }
            verify.initVerify(credential.certificate().getPublicKey());
            verify.update(PROBE);
            if (!verify.verify(credential.sign(PROBE))) {
                throw new KeyException("the private key in " + where + " does not belong to the certificate "
                        + credential.certificate().getSubjectX500Principal().getName());
            }
        } catch (GeneralSecurityException e) {
            throw new KeyException("the private key in " + where + " cannot sign for the certificate "
                    + credential.certificate().getSubjectX500Principal().getName() + ": " + e.getMessage(), e);
        }
        return credential;
    }

    /** For storing a credential this module created and for the local TSA; never leaves the package. */
    PrivateKey privateKey() {
        return key;
    }

    Provider provider() {
        return provider;
    }

    public SigningAlgorithm algorithm() {
        return algorithm;
    }

    /** End-entity certificate first, then intermediates; no self-signed root. */
    public List<X509Certificate> chain() {
        return chain;
    }

    /** The end-entity certificate. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** The chain as PEM, end-entity first: what c2pa-rs embeds in the manifest. */
    public String chainPem() {
        return pem(chain);
    }

    /**
     * Signs {@code data} with the algorithm's hash: SHA256withECDSA / SHA384withECDSA (DER output; c2pa-rs
     * accepts it), RSASSA-PSS SHA-256/MGF1-SHA-256/salt 32, or Ed25519.
     */
    public byte[] sign(byte[] data) throws GeneralSecurityException {
        Signature signature = provider == null ? Signature.getInstance(algorithm.jcaSignatureAlgorithm())
                : Signature.getInstance(algorithm.jcaSignatureAlgorithm(), provider);
        if (algorithm.jcaParameters() != null) {
            signature.setParameter(algorithm.jcaParameters());
        }
        signature.initSign(key);
        signature.update(data);
        return signature.sign();
    }

    @Override
    public String toString() {
        return "SigningCredential[" + algorithm.c2paName() + ", " + certificate().getSubjectX500Principal().getName()
                + ", until " + certificate().getNotAfter().toInstant() + "]";
    }

    /** The claim-signing algorithm for a key (falling back to the certificate for opaque HSM keys), or null. */
    static SigningAlgorithm algorithmOf(PrivateKey key, X509Certificate cert) {
        if (key instanceof ECKey ec) {
            return ecAlgorithm(ec);
        }
        if (key instanceof RSAKey rsa) {
            return rsa.getModulus().bitLength() >= 2048 ? SigningAlgorithm.PS256 : null;
        }
        if (isEd25519(key)) {
            return SigningAlgorithm.ED25519;
        }
        // PKCS#11 keys may not expose their parameters: the certificate's public key tells.
        if (cert != null) {
            if (cert.getPublicKey() instanceof ECKey ec) {
                return ecAlgorithm(ec);
            }
            if (cert.getPublicKey() instanceof RSAKey rsa) {
                return rsa.getModulus().bitLength() >= 2048 ? SigningAlgorithm.PS256 : null;
            }
            if (isEd25519(cert.getPublicKey())) {
                return SigningAlgorithm.ED25519;
            }
        }
        return null;
    }

    /** Java names Ed25519 keys "EdDSA" (Ed448 too); the parameters say which curve. */
    static boolean isEd25519(java.security.Key key) {
        if (key instanceof EdECKey ed) {
            return "Ed25519".equalsIgnoreCase(ed.getParams().getName());
        }
        return "Ed25519".equalsIgnoreCase(key.getAlgorithm()); // e.g. a PKCS#11 handle
    }

    private static SigningAlgorithm ecAlgorithm(ECKey ec) {
        return switch (ec.getParams().getCurve().getField().getFieldSize()) {
            case 256 -> SigningAlgorithm.ES256;
            case 384 -> SigningAlgorithm.ES384;
            default -> null;
        };
    }

    /** c2pa-rs wants the chain without its self-signed root. */
    private static List<X509Certificate> withoutRoot(List<X509Certificate> chain) {
        List<X509Certificate> out = new ArrayList<>(chain);
        if (out.size() > 1) {
            X509Certificate last = out.get(out.size() - 1);
            if (last.getSubjectX500Principal().equals(last.getIssuerX500Principal())) {
                out.remove(out.size() - 1);
            }
        }
        return out;
    }

    static String pem(List<X509Certificate> certs) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            for (X509Certificate c : certs) {
                w.writeObject(c);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write PEM", e);
        }
        return out.toString();
    }

    /**
     * Decrypts with the JDK's own PBES2 (PBKDF2 + AES, as our keys and OpenSSL's defaults are written), else with
     * Bouncy Castle's provider (other schemes). A wrong password fails either way with a PKCSException.
     */
    private static PrivateKeyInfo decrypt(PKCS8EncryptedPrivateKeyInfo encrypted, char[] password)
            throws PKCSException, OperatorCreationException {
        PrivateKeyInfo jdk = decryptWithJdk(encrypted, password);
        // a scheme the JDK does not have: Bouncy Castle's provider
        return jdk != null ? jdk : encrypted.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder()
                .setProvider(Bc.PROVIDER).build(password));
    }

    /** The key decrypted by the JDK's own PBES2, or null when the JDK does not have the scheme. */
    private static PrivateKeyInfo decryptWithJdk(PKCS8EncryptedPrivateKeyInfo encrypted, char[] password)
            throws PKCSException {
        try {
            javax.crypto.EncryptedPrivateKeyInfo epki = new javax.crypto.EncryptedPrivateKeyInfo(encrypted.getEncoded());
            java.security.AlgorithmParameters params = epki.getAlgParameters();
            if (params == null) {
                return null;
            }
            String scheme = params.toString(); // e.g. PBEWithHmacSHA256AndAES_256
            javax.crypto.SecretKey key = javax.crypto.SecretKeyFactory.getInstance(scheme)
                    .generateSecret(new javax.crypto.spec.PBEKeySpec(password));
            javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance(scheme);
            cipher.init(javax.crypto.Cipher.DECRYPT_MODE, key, params);
            return PrivateKeyInfo.getInstance(epki.getKeySpec(cipher).getEncoded());
        } catch (java.security.NoSuchAlgorithmException | java.io.IOException | IllegalArgumentException
                 | java.security.InvalidAlgorithmParameterException e) {
            return null;
        } catch (java.security.GeneralSecurityException e) {
            throw new PKCSException("unable to decrypt: " + e.getMessage(), e);
        }
    }
}
