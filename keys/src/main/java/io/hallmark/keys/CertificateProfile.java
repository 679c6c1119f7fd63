package io.hallmark.keys;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;

/**
 * The checks c2pa-rs applies to a claim-signing certificate (notes/c2pa.md 5.3, from
 * {@code certificate_profile.rs} and {@code verifier.rs}), run before signing so that a bad certificate is
 * refused with a sentence instead of a generic signature error (or a claimSignature.mismatch) later.
 * Also checks that the chain links up (each certificate issued by the next, intermediates are CAs).
 * Conformance-program-only rules (366-day validity, certificate policies, AIA) are not problems here:
 * c2pa-rs does not enforce them.
 */
public final class CertificateProfile {
    static final String ANY_EKU = "2.5.29.37.0";
    static final String TIME_STAMPING = "1.3.6.1.5.5.7.3.8";
    static final String OCSP_SIGNING = "1.3.6.1.5.5.7.3.9";
    /** emailProtection, documentSigning, timeStamping, OCSPSigning, Microsoft C2PA signing, c2pa-kp-claimSigning. */
    static final Set<String> ALLOWED_EKUS = Set.of("1.3.6.1.5.5.7.3.4", "1.3.6.1.5.5.7.3.36", TIME_STAMPING,
            OCSP_SIGNING, "1.3.6.1.4.1.311.76.59.1.9", "1.3.6.1.4.1.62558.2.1");
    /** sha256/384/512WithRSA, RSASSA-PSS, ecdsa-with-SHA256/384/512, Ed25519. */
    static final Set<String> ALLOWED_SIGNATURE_ALGORITHMS = Set.of("1.2.840.113549.1.1.11", "1.2.840.113549.1.1.12",
            "1.2.840.113549.1.1.13", "1.2.840.113549.1.1.10", "1.2.840.10045.4.3.2", "1.2.840.10045.4.3.3",
            "1.2.840.10045.4.3.4", "1.3.101.112");
    /** Extensions a certificate verifier understands, so they may be critical. */
    static final Set<String> KNOWN_CRITICAL = Set.of(Extension.basicConstraints.getId(), Extension.keyUsage.getId(),
            Extension.extendedKeyUsage.getId(), Extension.subjectAlternativeName.getId(),
            Extension.certificatePolicies.getId(), Extension.nameConstraints.getId(),
            Extension.policyConstraints.getId(), Extension.inhibitAnyPolicy.getId());

    private CertificateProfile() {}

    /** {@link #check(List, Instant)} now. */
    public static List<String> check(List<X509Certificate> chain) {
        return check(chain, Instant.now());
    }

    /**
     * Human-readable problems of {@code chain} (end-entity first) as a C2PA claim signer at time {@code at};
     * empty when c2pa-rs will accept it.
     */
    public static List<String> check(List<X509Certificate> chain, Instant at) {
        List<String> problems = new ArrayList<>();
        if (chain == null || chain.isEmpty()) {
            problems.add("no certificate");
            return problems;
        }
        X509Certificate c = chain.get(0);
        if (c.getVersion() != 3) {
            problems.add("certificate is X.509 version " + c.getVersion() + ", not version 3");
        }
        X500Name subject = X500Name.getInstance(c.getSubjectX500Principal().getEncoded());
        if (subject.getRDNs(BCStyle.O).length == 0) {
            problems.add("subject has no O (organization): c2pa-rs reports such signatures as claimSignature.mismatch");
        }
        if (c.getBasicConstraints() >= 0) {
            problems.add("certificate is a CA: claims must be signed by an end-entity certificate");
        }
        if (c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
            problems.add("certificate is self-signed: it must be issued by a CA");
        }
        if (c.getIssuerUniqueID() != null || c.getSubjectUniqueID() != null) {
            problems.add("certificate has issuer/subject unique IDs, which the C2PA profile forbids");
        }
        if (!ALLOWED_SIGNATURE_ALGORITHMS.contains(c.getSigAlgOID())) {
            problems.add("certificate is signed with " + c.getSigAlgName() + " (" + c.getSigAlgOID()
                    + "): C2PA allows SHA-256/384/512 with RSA, RSASSA-PSS or ECDSA, and Ed25519");
        }
        String key = keyProblem(c.getPublicKey());
        if (key != null) {
            problems.add(key);
        }
        if (c.getExtensionValue(Extension.authorityKeyIdentifier.getId()) == null) {
            problems.add("no AuthorityKeyIdentifier extension");
        }
        boolean[] usage = c.getKeyUsage();
        if (usage == null || !usage[0]) {
            problems.add("KeyUsage lacks digitalSignature");
        } else if (usage.length > 5 && usage[5]) {
            problems.add("KeyUsage has keyCertSign, which an end-entity certificate must not have");
        }
        ekuProblems(c, problems);
        if (c.getCriticalExtensionOIDs() != null) {
            for (String oid : c.getCriticalExtensionOIDs()) {
                if (!KNOWN_CRITICAL.contains(oid)) {
                    problems.add("unknown critical extension " + oid);
                }
            }
        }
        Date when = Date.from(at);
        if (when.after(c.getNotAfter())) {
            problems.add("certificate expired on " + c.getNotAfter().toInstant());
        } else if (when.before(c.getNotBefore())) {
            problems.add("certificate is not valid before " + c.getNotBefore().toInstant());
        }
        chainProblems(chain, when, problems);
        return problems;
    }

    private static void ekuProblems(X509Certificate c, List<String> problems) {
        try {
            List<String> ekus = c.getExtendedKeyUsage();
            if (ekus == null) {
                problems.add("no ExtendedKeyUsage (needs c2pa-kp-claimSigning, documentSigning or emailProtection)");
            } else if (ekus.contains(ANY_EKU)) {
                problems.add("ExtendedKeyUsage anyExtendedKeyUsage is not allowed");
            } else if (ekus.stream().noneMatch(ALLOWED_EKUS::contains)) {
                problems.add("ExtendedKeyUsage " + ekus + " has none of the C2PA signing purposes"
                        + " (c2pa-kp-claimSigning, documentSigning, emailProtection)");
            } else if (ekus.size() > 1 && (ekus.contains(TIME_STAMPING) || ekus.contains(OCSP_SIGNING))) {
                problems.add("ExtendedKeyUsage timeStamping or OCSPSigning may not be combined with other purposes");
            }
        } catch (CertificateParsingException e) {
            problems.add("unreadable ExtendedKeyUsage: " + e.getMessage());
        }
    }

    private static String keyProblem(PublicKey key) {
        if (key instanceof ECKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            return bits == 256 || bits == 384 || bits == 521 ? null
                    : "EC key on a " + bits + "-bit curve: C2PA allows P-256, P-384 and P-521";
        }
        if (key instanceof RSAKey rsa) {
            int bits = rsa.getModulus().bitLength();
            return bits >= 2048 ? null : "RSA key of " + bits + " bits: C2PA needs at least 2048";
        }
        return SigningCredential.isEd25519(key) ? null : "unsupported public key type " + key.getAlgorithm();
    }

    /** Each certificate must be issued (and signed) by the next one, and those issuers must be valid CAs. */
    private static void chainProblems(List<X509Certificate> chain, Date when, List<String> problems) {
        for (int i = 0; i + 1 < chain.size(); i++) {
            X509Certificate child = chain.get(i);
            X509Certificate issuer = chain.get(i + 1);
            String name = issuer.getSubjectX500Principal().getName();
            if (!child.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
                problems.add("chain out of order: certificate " + (i + 1) + " is not issued by " + name);
                continue;
            }
            try {
                child.verify(issuer.getPublicKey());
            } catch (GeneralSecurityException e) {
                problems.add("certificate " + (i + 1) + " is not signed by the key of " + name);
            }
            if (issuer.getBasicConstraints() < 0) {
                problems.add("issuer " + name + " is not a CA");
            }
            if (when.after(issuer.getNotAfter())) {
                problems.add("issuer " + name + " expired on " + issuer.getNotAfter().toInstant());
            }
        }
    }
}
