package io.hallmark.keys;

import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Locale;

/** Claim-signing algorithms c2pa-rs accepts, with the JCA names to make and use their keys. */
public enum SigningAlgorithm {
    /** ECDSA on P-256 with SHA-256: the default. */
    ES256("EC", "secp256r1", "SHA256withECDSA"),
    /** ECDSA on P-384 with SHA-384. */
    ES384("EC", "secp384r1", "SHA384withECDSA"),
    /** RSASSA-PSS, SHA-256, MGF1-SHA-256, salt 32, RSA 3072. */
    PS256("RSA", "3072", "RSASSA-PSS"),
    /** EdDSA on Curve25519. */
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

    /** The algorithm for a c2pa or enum name, case-insensitive; a clear error for anything else. */
    public static SigningAlgorithm parse(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown signing algorithm '" + name + "' (es256, es384, ps256, ed25519)");
        }
    }

    /** JCA {@link java.security.Signature} name used for claims; see {@link #jcaParameters()} for PS256. */
    public String jcaSignatureAlgorithm() {
        return signatureAlgorithm;
    }

    /** Parameters the JCA signature needs (the PSS settings for PS256), or null. */
    public AlgorithmParameterSpec jcaParameters() {
        return this == PS256 ? new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1) : null;
    }

    String keyAlgorithm() {
        return keyAlgorithm;
    }

    String parameter() {
        return parameter;
    }

    /** Algorithm for certificates issued by a key of this type (plain PKCS#1 v1.5 for RSA CAs, as most CAs do). */
    String certificateSignatureAlgorithm() {
        return switch (this) {
            case ES256 -> "SHA256withECDSA";
            case ES384 -> "SHA384withECDSA";
            case PS256 -> "SHA256withRSA";
            case ED25519 -> "Ed25519";
        };
    }
}
