package io.hallmark;

import io.hallmark.keys.CertificateProfile;
import io.hallmark.keys.KeyException;
import io.hallmark.keys.PasswordSource;
import io.hallmark.keys.SigningCredential;
import io.hallmark.provenance.ClaimSigner;
import io.hallmark.provenance.ClaimSigners;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Who signs C2PA claims: the home folder's development PKI (the default), a PKCS#12 file or a PKCS#11 token. The
 * password or PIN of a production credential comes from {@code $HALLMARK_KEY_PASSWORD}, never from a file or an
 * argument. Immutable.
 *
 * @param kind which store holds the key
 * @param file the PKCS#12 file or the SunPKCS11 configuration; null for {@link Kind#DEVELOPMENT}
 */
public record Credential(Kind kind, Path file) {
    /** Where the private key lives. */
    public enum Kind {
        /** The home folder's development PKI (created on first use; its root is not on any trust list). */
        DEVELOPMENT,
        /** A PKCS#12 file. */
        PKCS12,
        /** A PKCS#11 token (HSM), through a SunPKCS11 configuration file. */
        PKCS11
    }

    /**
     * @param kind which store holds the key
     * @param file the PKCS#12 file or SunPKCS11 configuration; null for {@link Kind#DEVELOPMENT}
     * @throws IllegalArgumentException when a file is given for DEVELOPMENT or missing for the others
     */
    public Credential {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.DEVELOPMENT) != (file == null)) {
            throw new IllegalArgumentException(kind + (file == null ? " needs a file" : " takes no file"));
        }
    }

    /** @return the development PKI of the home folder, created on first use */
    public static Credential development() {
        return new Credential(Kind.DEVELOPMENT, null);
    }

    /**
     * @param file the PKCS#12 file (password from {@code $HALLMARK_KEY_PASSWORD})
     * @return that credential
     */
    public static Credential pkcs12(Path file) {
        return new Credential(Kind.PKCS12, file);
    }

    /**
     * @param config the SunPKCS11 configuration file (PIN from {@code $HALLMARK_KEY_PASSWORD})
     * @return that credential
     */
    public static Credential pkcs11(Path config) {
        return new Credential(Kind.PKCS11, config);
    }

    /**
     * Opens the credential as a claim signer, refusing, with the reason, a certificate c2pa-rs would reject
     * ({@link CertificateProfile}: C2PA 2.x section 14.5 certificate profile) before any work is done.
     *
     * @param home where the development PKI lives (used for {@link Kind#DEVELOPMENT} only)
     * @return a claim signer; thread-safe
     * @throws KeyException when the key cannot be read, the password is missing, or the certificate does not fit
     */
    public ClaimSigner open(HallmarkHome home) throws KeyException {
        return switch (kind) {
            case DEVELOPMENT -> checked(home.devSigner());
            case PKCS12 -> checked(SigningCredential.fromPkcs12(file, password(), null));
            case PKCS11 -> checked(SigningCredential.fromPkcs11(file, password(), null));
        };
    }

    private static char[] password() throws KeyException {
        String env = System.getenv(PasswordSource.ENVIRONMENT);
        if (env == null) {
            throw new KeyException("set " + PasswordSource.ENVIRONMENT + " to the credential's password");
        }
        return env.toCharArray();
    }

    private static ClaimSigner checked(SigningCredential credential) throws KeyException {
        List<String> problems = CertificateProfile.check(credential.chain(), Instant.now());
        if (!problems.isEmpty()) {
            throw new KeyException("the signing certificate " + credential.certificate().getSubjectX500Principal().getName()
                    + " cannot sign C2PA claims: " + String.join("; ", problems));
        }
        return ClaimSigners.of(credential);
    }
}
