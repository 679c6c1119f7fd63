package io.hallmark;

import io.hallmark.keys.DevPki;
import io.hallmark.keys.KeyException;
import io.hallmark.keys.PasswordSource;
import io.hallmark.keys.SigningAlgorithm;
import io.hallmark.keys.SigningCredential;
import io.hallmark.provenance.TrustList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;

/**
 * Hallmark's working folder: the development PKI, the watermark key, the manifest store and installed trust-list
 * updates. It is the one given, else {@code $HALLMARK_HOME}, else {@code ~/.hallmark}; created 0700 on first use.
 * Immutable; the files it names are created by whoever first needs them (see each method).
 *
 * @param dir the folder
 */
public record HallmarkHome(Path dir) {
    /** File name of an installed C2PA trust list update, in {@link #trustFolder()}. */
    public static final String CLAIM_LIST_FILE = "C2PA-TRUST-LIST.pem";
    /** File name of an installed C2PA TSA trust list update, in {@link #trustFolder()}. */
    public static final String TSA_LIST_FILE = "C2PA-TSA-TRUST-LIST.pem";

    /**
     * @param explicit the folder, or null for {@code $HALLMARK_HOME}, else {@code ~/.hallmark}
     * @return the home, its folder created 0700 if it did not exist
     * @throws IOException when the folder cannot be created
     */
    public static HallmarkHome resolve(Path explicit) throws IOException {
        Path dir = explicit != null ? explicit
                : System.getenv("HALLMARK_HOME") != null ? Path.of(System.getenv("HALLMARK_HOME"))
                : Path.of(System.getProperty("user.home"), ".hallmark");
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            try {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException ignored) {
                // non-POSIX file system: nothing to tighten
            }
        }
        return new HallmarkHome(dir);
    }

    /** @return the development PKI's folder */
    public Path pki() {
        return dir.resolve("pki");
    }

    /** @return the watermark key file (created on first use by whoever needs it) */
    public Path watermarkKey() {
        return dir.resolve("watermark.key");
    }

    /** @return the SQLite manifest store */
    public Path manifestStore() {
        return dir.resolve("manifests.db");
    }

    /** @return where {@code hallmark trust update} installs newer copies of the C2PA trust lists */
    public Path trustFolder() {
        return dir.resolve("trust");
    }

    /**
     * The development PKI (ES256), created on first use; its password from the environment or a 0600 file beside it.
     *
     * @return the PKI
     * @throws KeyException when it cannot be made or read
     */
    public DevPki devPki() throws KeyException {
        return devPki(SigningAlgorithm.ES256);
    }

    /**
     * The development PKI, made with {@code algorithm} if it is made now (an existing one keeps its own).
     *
     * @param algorithm the key algorithm of a new PKI
     * @return the PKI
     * @throws KeyException when it cannot be made or read
     */
    public DevPki devPki(SigningAlgorithm algorithm) throws KeyException {
        return DevPki.loadOrCreate(pki(), algorithm, pkiPasswords());
    }

    /**
     * The development PKI's claim signer, decrypting only its own key when the PKI exists ({@link DevPki#signerOf}).
     *
     * @return the signing credential
     * @throws KeyException when the PKI cannot be made or read
     */
    public SigningCredential devSigner() throws KeyException {
        return DevPki.signerOf(pki(), SigningAlgorithm.ES256, pkiPasswords());
    }

    /** The development PKI's password: {@code $HALLMARK_KEY_PASSWORD}, else the generated 0600 file beside the keys. */
    private PasswordSource pkiPasswords() {
        return PasswordSource.environmentOrFile(pki().resolve(DevPki.PASSWORD_FILE));
    }

    /**
     * @return the development root certificate (PEM), or null when this home has no PKI yet
     * @throws IOException when it cannot be read
     */
    public String localRootPem() throws IOException {
        Path root = pki().resolve("root.pem");
        return Files.exists(root) ? Files.readString(root) : null;
    }

    /**
     * @return the C2PA trust list in use: the installed update if there is one, else the one shipped
     *         ({@link TrustList#official})
     * @throws IOException when the installed list cannot be read
     */
    public TrustList c2paTrustList() throws IOException {
        return installedOrShipped(CLAIM_LIST_FILE, "C2PA trust list", TrustList::official);
    }

    /**
     * @return the C2PA TSA trust list in use: the installed update if there is one, else the one shipped
     * @throws IOException when the installed list cannot be read
     */
    public TrustList tsaTrustList() throws IOException {
        return installedOrShipped(TSA_LIST_FILE, "C2PA TSA trust list", TrustList::officialTsa);
    }

    private TrustList installedOrShipped(String file, String name, Supplier<TrustList> shipped) throws IOException {
        Path installed = trustFolder().resolve(file);
        return Files.exists(installed)
                ? TrustList.fromFile(installed, name + " (installed " + Files.getLastModifiedTime(installed)
                        .toString().substring(0, 10) + ")")
                : shipped.get();
    }
}
