package io.hallmark.c2pa;

/** C2paSigningAlg, in the header's order (the ordinal is the C enum value). */
public enum SigningAlg {
    ES256, ES384, ES512, PS256, PS384, PS512, ED25519;

    /** Parses c2pa's lower-case names ("es256"). */
    public static SigningAlg of(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }
}
