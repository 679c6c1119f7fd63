package io.hallmark.keys;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Issues X.509 v3 certificates with Bouncy Castle. The defaults give what c2pa-rs's certificate profile
 * requires (notes/c2pa.md 5.3); the {@code without*}/{@code as*} switches exist to make deliberately bad
 * certificates for negative tests.
 */
public final class CertificateBuilder {
    /** id-kp-documentSigning (RFC 9336). */
    public static final KeyPurposeId DOCUMENT_SIGNING = KeyPurposeId.getInstance(new ASN1ObjectIdentifier("1.3.6.1.5.5.7.3.36"));
    /** c2pa-kp-claimSigning. */
    public static final KeyPurposeId C2PA_CLAIM_SIGNING = KeyPurposeId.getInstance(new ASN1ObjectIdentifier("1.3.6.1.4.1.62558.2.1"));

    public enum Role { ROOT_CA, INTERMEDIATE_CA, CLAIM_SIGNER, TIME_STAMPING }

    private final Role role;
    private String country = "US";
    private String organization = "Hallmark Development";
    private String commonName;
    private Instant notBefore = Instant.now().minus(Duration.ofMinutes(5));
    private Duration validity;

    private CertificateBuilder(Role role, String commonName, Duration validity) {
        this.role = role;
        this.commonName = commonName;
        this.validity = validity;
    }

    public static CertificateBuilder of(Role role, String commonName) {
        Duration validity = switch (role) {
            case ROOT_CA -> Duration.ofDays(3650);
            case INTERMEDIATE_CA -> Duration.ofDays(1825);
            case CLAIM_SIGNER, TIME_STAMPING -> Duration.ofDays(365);
        };
        return new CertificateBuilder(role, commonName, validity);
    }

    public CertificateBuilder organization(String o) {
        this.organization = o;
        return this;
    }

    /** A subject without O: c2pa-rs rejects such signers (claimSignature.mismatch). For negative tests. */
    public CertificateBuilder withoutOrganization() {
        this.organization = null;
        return this;
    }

    public CertificateBuilder country(String c) {
        this.country = c;
        return this;
    }

    public CertificateBuilder validity(Instant from, Duration length) {
        this.notBefore = from;
        this.validity = length;
        return this;
    }

    public X500Name subject() {
        X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE);
        if (country != null) {
            name.addRDN(BCStyle.C, country);
        }
        if (organization != null) {
            name.addRDN(BCStyle.O, organization);
        }
        name.addRDN(BCStyle.CN, commonName);
        return name.build();
    }

    /** Issues a certificate for {@code subjectKey}, signed by the issuer (itself for a root). */
    public X509Certificate issue(PublicKey subjectKey, X509Certificate issuerCert, PrivateKey issuerKey,
                                 SigningAlgorithm issuerAlgorithm) throws GeneralSecurityException {
        try {
            X500Name issuer = issuerCert == null ? subject() : X500Name.getInstance(issuerCert.getSubjectX500Principal().getEncoded());
            BigInteger serial = new BigInteger(127, new SecureRandom()).add(BigInteger.ONE);
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, serial, Date.from(notBefore),
                    Date.from(notBefore.plus(validity)), subject(), subjectKey);
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(subjectKey));
            b.addExtension(Extension.authorityKeyIdentifier, false, issuerCert == null
                    ? ext.createAuthorityKeyIdentifier(subjectKey) : ext.createAuthorityKeyIdentifier(issuerCert));
            switch (role) {
                case ROOT_CA -> {
                    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(1));
                    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign
                            | KeyUsage.digitalSignature));
                }
                case INTERMEDIATE_CA -> {
                    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
                    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign
                            | KeyUsage.digitalSignature));
                }
                case CLAIM_SIGNER -> {
                    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
                    b.addExtension(Extension.extendedKeyUsage, false,
                            new ExtendedKeyUsage(new KeyPurposeId[] {C2PA_CLAIM_SIGNING, DOCUMENT_SIGNING}));
                }
                case TIME_STAMPING -> {
                    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
                    b.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
                }
            }
            ContentSigner signer = new JcaContentSignerBuilder(issuerAlgorithm.certificateSignatureAlgorithm()).build(issuerKey);
            return new JcaX509CertificateConverter().getCertificate(b.build(signer));
        } catch (OperatorCreationException | java.io.IOException e) {
            throw new GeneralSecurityException("cannot issue certificate for " + commonName + ": " + e.getMessage(), e);
        }
    }

    /** A new key pair for the algorithm (P-256, P-384, RSA 3072, Ed25519). */
    public static KeyPair newKeyPair(SigningAlgorithm algorithm) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm.keyAlgorithm());
        switch (algorithm) {
            case ES256, ES384 -> generator.initialize(new ECGenParameterSpec(algorithm.parameter()));
            case PS256 -> generator.initialize(Integer.parseInt(algorithm.parameter()));
            case ED25519 -> { }
        }
        return generator.generateKeyPair();
    }
}
