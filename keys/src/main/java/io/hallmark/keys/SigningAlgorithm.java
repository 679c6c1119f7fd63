package io.hallmark.keys;

import java.util.Locale;

/** Claim-signing algorithms c2pa-rs accepts, with the JCA names to make and use their keys. */
public enum SigningAlgorithm {
    ES256("EC", "secp256r1", "SHA256withECDSA"),
    ES384("EC", "secp384r1", "SHA384withECDSA"),
    PS256("RSA", "3072", "RSASSA-PSS"),
    ED25519("Ed25519", null, "Ed25519");

    private final String keyAlgorithm;
    private final String parameter;
    private final String signatureAlgorithm;

    SigningAlgorithm(String keyAlgorithm, String parameter, String signatureAlgorithm) {
        this.keyAlgorithm = keyAlgorithm;
        this.parameter = parameter;
        this.signatureAlgorithm = signatureAlgorithm;
    }

    /** c2pa's lower-case name: "es256", "es384", "ps256", "ed25519". */
    public String c2paName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SigningAlgorithm parse(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown signing algorithm '" + name + "' (es256, es384, ps256, ed25519)");
        }
    }

    String keyAlgorithm() {
        return keyAlgorithm;
    }

    String parameter() {
        return parameter;
    }

    /** JCA signature algorithm used for claims (PSS parameters are set by {@link SigningCredential}). */
    String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    /** Algorithm for certificates issued by a key of this type. */
    String certificateSignatureAlgorithm() {
        return switch (this) {
            case ES256 -> "SHA256withECDSA";
            case ES384 -> "SHA384withECDSA";
            case PS256 -> "SHA256withRSA";
            case ED25519 -> "Ed25519";
        };
    }
}
