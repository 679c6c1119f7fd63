package io.hallmark.keys;

import java.io.IOException;
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
import java.util.List;
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
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Issues X.509 v3 certificates with Bouncy Castle. The defaults give what c2pa-rs's certificate profile
 * requires (notes/c2pa.md 5.3) and what the C2PA conformance leaf profile asks for (C, O, CN; validity at
 * most 366 days). The {@code without*}, {@code as*} and {@code expired()} switches exist to make
 * deliberately bad certificates for negative tests in any module; {@link CertificateProfile} names
 * what is wrong with them.
 */
public final class CertificateBuilder {
    /** id-kp-documentSigning (RFC 9336). */
    public static final KeyPurposeId DOCUMENT_SIGNING = KeyPurposeId.getInstance(new ASN1ObjectIdentifier("1.3.6.1.5.5.7.3.36"));
    /** c2pa-kp-claimSigning. */
    public static final KeyPurposeId C2PA_CLAIM_SIGNING = KeyPurposeId.getInstance(new ASN1ObjectIdentifier("1.3.6.1.4.1.62558.2.1"));
    /** Longest validity the C2PA conformance profile allows for a claim-signing certificate. */
    public static final Duration MAX_END_ENTITY_VALIDITY = Duration.ofDays(366);
    /** Issued certificates start a little in the past so that a slightly slow clock elsewhere accepts them. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** What the certificate is for; decides BasicConstraints, KeyUsage and ExtendedKeyUsage. */
    public enum Role { ROOT_CA, INTERMEDIATE_CA, CLAIM_SIGNER, TIME_STAMPING }

    private final Role role;
    private final String commonName;
    private String country = "US";
    private String organization = "Hallmark Development";
    private Instant notBefore = Instant.now().minus(CLOCK_SKEW);
    private Duration validity;
    private boolean certificateAuthority;
    private boolean authorityKeyIdentifier = true;
    private Integer keyUsage;
    private List<KeyPurposeId> extendedKeyUsage;

    private CertificateBuilder(Role role, String commonName) {
        if (commonName == null || commonName.isBlank()) {
            throw new IllegalArgumentException("a certificate needs a common name (CN)");
        }
        this.role = role;
        this.commonName = commonName;
        this.certificateAuthority = role == Role.ROOT_CA || role == Role.INTERMEDIATE_CA;
        this.validity = switch (role) {
            case ROOT_CA -> Duration.ofDays(3650);
            case INTERMEDIATE_CA -> Duration.ofDays(1825); // conformance profile: issuing CA <= 1827 days
            case CLAIM_SIGNER, TIME_STAMPING -> Duration.ofDays(365);
        };
        this.extendedKeyUsage = switch (role) {
            case ROOT_CA, INTERMEDIATE_CA -> List.of();
            // emailProtection too: current c2pa-rs (0.91) reads a signer without it Invalid ("certificate missing
            // required EKU") unless the reader loads c2pa-rs's EKU list as trust configuration
            case CLAIM_SIGNER -> List.of(C2PA_CLAIM_SIGNING, DOCUMENT_SIGNING, KeyPurposeId.id_kp_emailProtection);
            case TIME_STAMPING -> List.of(KeyPurposeId.id_kp_timeStamping);
        };
    }

    public static CertificateBuilder of(Role role, String commonName) {
        return new CertificateBuilder(role, commonName);
    }

    /** A claim-signing end-entity certificate with the default (valid) profile. */
    public static CertificateBuilder claimSigner(String commonName) {
        return of(Role.CLAIM_SIGNER, commonName);
    }

    public Role role() {
        return role;
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

    /** Valid from {@code from} for {@code length}, e.g. a certificate that expires seconds from now. */
    public CertificateBuilder validity(Instant from, Duration length) {
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("validity must be positive, not " + length);
        }
        this.notBefore = from;
        this.validity = length;
        return this;
    }

    /** Valid from now (no clock-skew margin) for {@code length}: a deliberately short-lived certificate. */
    public CertificateBuilder validFor(Duration length) {
        return validity(Instant.now(), length);
    }

    /** Valid for one day, thirty days ago. For negative tests. */
    public CertificateBuilder expired() {
        return validity(Instant.now().minus(Duration.ofDays(30)), Duration.ofDays(1));
    }

    /** BasicConstraints CA:TRUE on an end-entity role: c2pa-rs refuses CA certificates as signers. For negative tests. */
    public CertificateBuilder asCertificateAuthority() {
        this.certificateAuthority = true;
        return this;
    }

    /** No ExtendedKeyUsage extension at all. For negative tests. */
    public CertificateBuilder withoutExtendedKeyUsage() {
        this.extendedKeyUsage = List.of();
        return this;
    }

    /** Replaces the role's ExtendedKeyUsage purposes. */
    public CertificateBuilder extendedKeyUsage(KeyPurposeId... purposes) {
        this.extendedKeyUsage = List.of(purposes);
        return this;
    }

    /** No AuthorityKeyIdentifier: c2pa-rs requires one. For negative tests. */
    public CertificateBuilder withoutAuthorityKeyIdentifier() {
        this.authorityKeyIdentifier = false;
        return this;
    }

    /** Replaces the role's KeyUsage bits ({@link KeyUsage#digitalSignature} etc.). */
    public CertificateBuilder keyUsage(int bits) {
        this.keyUsage = bits;
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

    /** A self-signed certificate for {@code keys} (a root CA, or a bad end-entity for negative tests). */
    public X509Certificate selfSigned(KeyPair keys) throws GeneralSecurityException {
        SigningAlgorithm algorithm = SigningCredential.algorithmOf(keys.getPrivate(), null);
        if (algorithm == null) {
            throw new java.security.InvalidKeyException("unsupported key type " + keys.getPrivate().getAlgorithm());
        }
        return issue(keys.getPublic(), null, keys.getPrivate(), algorithm);
    }

    /** Issues a certificate for {@code subjectKey}, signed by the issuer's key (itself when {@code issuerCert} is null). */
    public X509Certificate issue(PublicKey subjectKey, X509Certificate issuerCert, PrivateKey issuerKey,
                                 SigningAlgorithm issuerAlgorithm) throws GeneralSecurityException {
        try {
            X500Name issuer = issuerCert == null ? subject() : X500Name.getInstance(issuerCert.getSubjectX500Principal().getEncoded());
            BigInteger serial = new BigInteger(127, new SecureRandom()).setBit(126); // positive, 127 bits, no leading zeros
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, serial, Date.from(notBefore),
                    Date.from(notBefore.plus(validity)), subject(), subjectKey);
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(subjectKey));
            if (authorityKeyIdentifier) {
                b.addExtension(Extension.authorityKeyIdentifier, false, issuerCert == null
                        ? ext.createAuthorityKeyIdentifier(subjectKey) : ext.createAuthorityKeyIdentifier(issuerCert));
            }
            BasicConstraints constraints = switch (role) {
                case ROOT_CA -> new BasicConstraints(1);         // root -> intermediate -> leaf
                case INTERMEDIATE_CA -> new BasicConstraints(0); // issues only end-entity certificates
                case CLAIM_SIGNER, TIME_STAMPING -> new BasicConstraints(certificateAuthority);
            };
            b.addExtension(Extension.basicConstraints, true, constraints);
            int usage = keyUsage != null ? keyUsage : switch (role) {
                case ROOT_CA, INTERMEDIATE_CA -> KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature;
                case CLAIM_SIGNER, TIME_STAMPING -> KeyUsage.digitalSignature | KeyUsage.nonRepudiation;
            };
            b.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
            if (!extendedKeyUsage.isEmpty()) {
                // RFC 3161 2.3: a TSA's EKU is critical and timeStamping only; the C2PA leaf profile has it non-critical.
                b.addExtension(Extension.extendedKeyUsage, role == Role.TIME_STAMPING,
                        new ExtendedKeyUsage(extendedKeyUsage.toArray(KeyPurposeId[]::new)));
            }
            return new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder(issuerAlgorithm.certificateSignatureAlgorithm()).build(issuerKey)));
        } catch (OperatorCreationException | IOException e) {
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

    @Override
    public String toString() {
        return "CertificateBuilder[" + role + ", " + subject() + ", from " + notBefore + " for " + validity + "]";
    }
}
