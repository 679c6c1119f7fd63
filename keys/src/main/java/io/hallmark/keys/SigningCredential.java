package io.hallmark.keys;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/**
 * A private key and its certificate chain (end-entity first, then intermediates, never the root) that
 * signs C2PA claims. The key may be a software key, a PKCS#12 entry or a PKCS#11 (HSM) handle: only
 * signatures leave this object. {@link #toString()} never shows key material.
 */
public final class SigningCredential {
    private final PrivateKey key;
    private final List<X509Certificate> chain;
    private final SigningAlgorithm algorithm;
    private final Provider provider;

    private SigningCredential(PrivateKey key, List<X509Certificate> chain, SigningAlgorithm algorithm, Provider provider) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a signing credential needs its certificate chain");
        }
        this.key = key;
        this.chain = List.copyOf(chain);
        this.algorithm = algorithm;
        this.provider = provider;
    }

    /** A JCA key and its chain; the algorithm follows from the key (EC P-256/P-384, RSA -> PS256, Ed25519). */
    public static SigningCredential of(PrivateKey key, List<X509Certificate> chain) throws KeyException {
        return new SigningCredential(key, withoutRoot(chain), algorithmOf(key, chain.get(0)), null);
    }

    /** The entry {@code alias} (or the only key entry) of a PKCS#12 file. */
    public static SigningCredential fromPkcs12(Path p12, char[] password, String aliasOrNull) throws KeyException {
        try (InputStream in = Files.newInputStream(p12)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return fromKeyStore(store, password, aliasOrNull, null, p12.toString());
        } catch (IOException e) {
            if (e.getCause() instanceof java.security.UnrecoverableKeyException
                    || String.valueOf(e.getMessage()).contains("password")) {
                throw new KeyException("wrong password for " + p12, e);
            }
            throw new KeyException("cannot read " + p12 + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new KeyException("cannot read " + p12 + ": " + e.getMessage(), e);
        }
    }

    /** A key on a PKCS#11 token (HSM, smart card) through the JDK's SunPKCS11 provider and its config file. */
    public static SigningCredential fromPkcs11(Path sunPkcs11Config, char[] pin, String aliasOrNull) throws KeyException {
        Provider base = Security.getProvider("SunPKCS11");
        if (base == null) {
            throw new KeyException("this Java runtime has no SunPKCS11 provider");
        }
        try {
            Provider provider = base.configure(sunPkcs11Config.toString());
            KeyStore store = KeyStore.getInstance("PKCS11", provider);
            store.load(null, pin);
            return fromKeyStore(store, pin, aliasOrNull, provider, "PKCS#11 token " + sunPkcs11Config);
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            throw new KeyException("cannot use PKCS#11 token (" + sunPkcs11Config + "): " + e.getMessage(), e);
        }
    }

    private static SigningCredential fromKeyStore(KeyStore store, char[] password, String aliasOrNull, Provider provider,
                                                  String where) throws GeneralSecurityException, KeyException {
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
        PrivateKey key = (PrivateKey) store.getKey(alias, password);
        Certificate[] certs = store.getCertificateChain(alias);
        if (certs == null || certs.length == 0) {
            throw new KeyException("key '" + alias + "' in " + where + " has no certificate chain");
        }
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate c : certs) {
            chain.add((X509Certificate) c);
        }
        return new SigningCredential(key, withoutRoot(chain), algorithmOf(key, chain.get(0)), provider);
    }

    /** For storing a credential this module created; never leaves the package. */
    PrivateKey privateKey() {
        return key;
    }

    public SigningAlgorithm algorithm() {
        return algorithm;
    }

    public List<X509Certificate> chain() {
        return chain;
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** The chain as PEM, end-entity first: what c2pa-rs embeds in the manifest. */
    public String chainPem() {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
            for (X509Certificate c : chain) {
                pem.writeObject(c);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    /** Signs {@code data} with the algorithm's hash (ECDSA output is DER; c2pa-rs converts it). */
    public byte[] sign(byte[] data) throws GeneralSecurityException {
        Signature signature = provider == null ? Signature.getInstance(algorithm.signatureAlgorithm())
                : Signature.getInstance(algorithm.signatureAlgorithm(), provider);
        if (algorithm == SigningAlgorithm.PS256) {
            signature.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        }
        signature.initSign(key);
        signature.update(data);
        return signature.sign();
    }

    @Override
    public String toString() {
        return "SigningCredential[" + algorithm.c2paName() + ", " + certificate().getSubjectX500Principal().getName() + "]";
    }

    static SigningAlgorithm algorithmOf(PrivateKey key, X509Certificate cert) throws KeyException {
        if (key instanceof ECKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            return switch (bits) {
                case 256 -> SigningAlgorithm.ES256;
                case 384 -> SigningAlgorithm.ES384;
                default -> throw new KeyException("EC key of " + bits + " bits: C2PA signing needs P-256 or P-384");
            };
        }
        if (key instanceof RSAKey rsa) {
            if (rsa.getModulus().bitLength() < 2048) {
                throw new KeyException("RSA key of " + rsa.getModulus().bitLength() + " bits: at least 2048 are needed");
            }
            return SigningAlgorithm.PS256;
        }
        String alg = key.getAlgorithm();
        if ("Ed25519".equalsIgnoreCase(alg) || "EdDSA".equalsIgnoreCase(alg)) {
            return SigningAlgorithm.ED25519;
        }
        // PKCS#11 keys may not expose their parameters: fall back to the certificate's public key.
        String certKey = cert.getPublicKey().getAlgorithm();
        if ("EC".equals(certKey) && cert.getPublicKey() instanceof ECKey ec) {
            return ec.getParams().getCurve().getField().getFieldSize() == 384 ? SigningAlgorithm.ES384 : SigningAlgorithm.ES256;
        }
        if ("RSA".equals(certKey)) {
            return SigningAlgorithm.PS256;
        }
        throw new KeyException("unsupported key type " + alg + " for C2PA signing");
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
}
