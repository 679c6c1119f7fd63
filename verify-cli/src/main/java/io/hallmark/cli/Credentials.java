package io.hallmark.cli;

import io.hallmark.keys.CertificateProfile;
import io.hallmark.keys.DevPki;
import io.hallmark.keys.KeyException;
import io.hallmark.keys.PasswordSource;
import io.hallmark.keys.SigningAlgorithm;
import io.hallmark.keys.SigningCredential;
import io.hallmark.provenance.ClaimSigner;
import io.hallmark.provenance.ClaimSigners;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Turns keys into claim signers: the development PKI by default, PKCS#12 or PKCS#11 for production. */
final class Credentials {
    private Credentials() {}

    static DevPki devPki(HallmarkHome home) throws KeyException {
        return devPki(home, SigningAlgorithm.ES256);
    }

    static DevPki devPki(HallmarkHome home, SigningAlgorithm algorithm) throws KeyException {
        return DevPki.loadOrCreate(home.pki(), algorithm, PasswordSource.environmentOrFile(home.pki().resolve(".password")));
    }

    static ClaimSigner devSigner(HallmarkHome home) throws KeyException {
        return checked(devPki(home).signer());
    }

    static ClaimSigner fromPkcs12(Path p12) throws KeyException {
        return checked(SigningCredential.fromPkcs12(p12, password(), null));
    }

    static ClaimSigner fromPkcs11(Path config) throws KeyException {
        return checked(SigningCredential.fromPkcs11(config, password(), null));
    }

    /** The development root certificate, if this home has a PKI: verifiers may trust their own root. */
    static String localRootPem(HallmarkHome home) throws IOException {
        Path root = home.pki().resolve("root.pem");
        return Files.exists(root) ? Files.readString(root) : null;
    }

    private static char[] password() throws KeyException {
        String env = System.getenv(PasswordSource.ENVIRONMENT);
        if (env == null) {
            throw new KeyException("set " + PasswordSource.ENVIRONMENT + " to the credential's password");
        }
        return env.toCharArray();
    }

    /** Refuses a certificate c2pa-rs would reject, with the reason, before any work is done. */
    static ClaimSigner checked(SigningCredential credential) throws KeyException {
        List<String> problems = CertificateProfile.check(credential.chain(), Instant.now());
        if (!problems.isEmpty()) {
            throw new KeyException("the signing certificate " + credential.certificate().getSubjectX500Principal().getName()
                    + " cannot sign C2PA claims: " + String.join("; ", problems));
        }
        return ClaimSigners.of(credential);
    }

}
