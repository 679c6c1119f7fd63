package io.hallmark.keys;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;

/**
 * The checks c2pa-rs applies to a claim-signing certificate (notes/c2pa.md 5.3), run before signing so
 * that a bad certificate is refused with a sentence instead of a generic signature error later.
 */
public final class CertificateProfile {
    static final Set<String> ALLOWED_EKUS = Set.of("1.3.6.1.5.5.7.3.4", "1.3.6.1.5.5.7.3.36", "1.3.6.1.5.5.7.3.8",
            "1.3.6.1.5.5.7.3.9", "1.3.6.1.4.1.311.76.59.1.9", "1.3.6.1.4.1.62558.2.1");

    private CertificateProfile() {}

    /** Human-readable problems of the end-entity certificate of {@code chain}; empty when it is fine. */
    public static List<String> check(List<X509Certificate> chain, Instant at) {
        List<String> problems = new ArrayList<>();
        if (chain.isEmpty()) {
            problems.add("no certificate");
            return problems;
        }
        X509Certificate c = chain.get(0);
        if (c.getVersion() != 3) {
            problems.add("certificate is not X.509 version 3");
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
        if (c.getExtensionValue(Extension.authorityKeyIdentifier.getId()) == null) {
            problems.add("no AuthorityKeyIdentifier extension");
        }
        boolean[] usage = c.getKeyUsage();
        if (usage == null || !usage[0]) {
            problems.add("KeyUsage lacks digitalSignature");
        }
        try {
            List<String> ekus = c.getExtendedKeyUsage();
            if (ekus == null) {
                problems.add("no ExtendedKeyUsage (needs c2pa-kp-claimSigning, documentSigning or emailProtection)");
            } else if (ekus.contains("2.5.29.37.0")) {
                problems.add("ExtendedKeyUsage anyExtendedKeyUsage is not allowed");
            } else if (ekus.stream().noneMatch(ALLOWED_EKUS::contains)) {
                problems.add("ExtendedKeyUsage " + ekus + " has none of the C2PA signing purposes");
            }
        } catch (CertificateParsingException e) {
            problems.add("unreadable ExtendedKeyUsage: " + e.getMessage());
        }
        Date when = Date.from(at);
        if (when.after(c.getNotAfter())) {
            problems.add("certificate expired on " + c.getNotAfter().toInstant());
        } else if (when.before(c.getNotBefore())) {
            problems.add("certificate is not valid before " + c.getNotBefore().toInstant());
        }
        return problems;
    }
}
