package io.hallmark.provenance.report;

import java.util.List;
import java.util.Optional;

/**
 * A CAWG identity assertion ({@code cawg.identity}, CAWG Identity Assertion 1.1): a named actor's own signature over
 * parts of the manifest, apart from the claim signer's. c2pa-rs validates it and lists its codes ({@code cawg.*})
 * among the active manifest's; Hallmark reports them here, so that an identity's untrusted credential is never read
 * as the claim signer being untrusted, and a damaged identity never as a tampered file.
 *
 * @param label      the assertion's label ({@code cawg.identity}, {@code cawg.identity__1}, ...)
 * @param sigType    the signature type ({@code cawg.x509.cose}, {@code cawg.identity_claims_aggregation}), when given
 * @param issuer     the credential's issuer (organisation), as c2pa-rs decodes it for X.509 identities
 * @param commonName the credential's subject common name, likewise
 * @param statuses   c2pa-rs's codes for this assertion (CAWG Identity Assertion 1.1 section 7, validation)
 */
public record IdentityAssertion(String label, Optional<String> sigType, Optional<String> issuer,
                                Optional<String> commonName, List<StatusCode> statuses) {
    public IdentityAssertion {
        statuses = List.copyOf(statuses);
    }

    /** What c2pa-rs concluded about the identity's credential. */
    public enum Trust {
        /** Its credential chains to a CAWG trust anchor ({@code cawg.x509.credential.trusted}, {@code cawg.ica.credential_valid}). */
        TRUSTED,
        /** Its signature holds but its credential is on no CAWG trust list in use ({@code cawg.x509.credential.untrusted}, {@code cawg.ica.untrusted_issuer}). */
        UNTRUSTED,
        /** It does not validate: a broken signature, a credential that is invalid or expired, a mismatched reference. */
        INVALID,
        /** c2pa-rs said neither (e.g. a type it does not check). */
        UNCHECKED
    }

    /** Codes that say the credential is not on a trust list, while everything else may hold. */
    private static final List<String> UNTRUSTED_CODES = List.of("cawg.x509.credential.untrusted", "cawg.ica.untrusted_issuer");
    private static final List<String> TRUSTED_CODES = List.of("cawg.x509.credential.trusted", "cawg.ica.credential_valid");

    public Trust trust() {
        boolean untrusted = false;
        for (StatusCode s : statuses) {
            if (s.kind().equals("failure") && !UNTRUSTED_CODES.contains(s.code())) {
                return Trust.INVALID;
            }
            untrusted |= UNTRUSTED_CODES.contains(s.code());
        }
        if (untrusted) {
            return Trust.UNTRUSTED;
        }
        return statuses.stream().anyMatch(s -> s.kind().equals("success") && TRUSTED_CODES.contains(s.code()))
                ? Trust.TRUSTED : Trust.UNCHECKED;
    }

    /** Who the identity names, for people: "common name (issuer)", or the label when c2pa-rs decoded neither. */
    public String who() {
        if (commonName.isPresent() && issuer.isPresent()) {
            return commonName.get() + " (" + issuer.get() + ")";
        }
        return commonName.or(() -> issuer).orElse(label);
    }

    /** One line for people: who, and what c2pa-rs concluded. */
    public String describe() {
        return who() + ": " + switch (trust()) {
            case TRUSTED -> "identity credential trusted";
            case UNTRUSTED -> "identity signature valid, but its credential is on no CAWG trust list in use";
            case INVALID -> "identity assertion does not validate ("
                    + String.join(", ", statuses.stream().filter(s -> s.kind().equals("failure")).map(StatusCode::code).toList()) + ")";
            case UNCHECKED -> "identity not checked by the C2PA reader";
        };
    }

    /** Whether a status code belongs to a CAWG identity assertion rather than to the claim. */
    static boolean isIdentityCode(StatusCode s) {
        return s.code().startsWith("cawg.") || (s.url() != null && s.url().contains("/c2pa.assertions/cawg.identity"));
    }
}
