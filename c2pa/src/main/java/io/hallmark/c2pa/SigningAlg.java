package io.hallmark.c2pa;

/**
 * c2pa-c-ffi's {@code C2paSigningAlg}, in the header's order (the ordinal is the C enum value): the COSE signature
 * algorithms C2PA 2.x section 13.2 allows.
 */
public enum SigningAlg {
    /** ECDSA on P-256 with SHA-256. */
    ES256,
    /** ECDSA on P-384 with SHA-384. */
    ES384,
    /** ECDSA on P-521 with SHA-512. */
    ES512,
    /** RSASSA-PSS with SHA-256. */
    PS256,
    /** RSASSA-PSS with SHA-384. */
    PS384,
    /** RSASSA-PSS with SHA-512. */
    PS512,
    /** EdDSA on Ed25519. */
    ED25519;

    /**
     * Parses c2pa's lower-case names.
     *
     * @param name e.g. "es256" (any case)
     * @return the algorithm
     * @throws IllegalArgumentException for a name that is not one of them
     */
    public static SigningAlg of(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }
}
