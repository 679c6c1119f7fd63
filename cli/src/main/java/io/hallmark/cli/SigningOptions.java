package io.hallmark.cli;

import io.hallmark.Credential;
import io.hallmark.HallmarkConfig;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Who signs: the development PKI by default, or a production credential; the time-stamp authority; the store. */
public final class SigningOptions {
    @Option(names = "--p12", paramLabel = "FILE",
            description = "Sign with this PKCS#12 credential (password from HALLMARK_KEY_PASSWORD) instead of the dev PKI.")
    Path pkcs12;

    @Option(names = "--pkcs11", paramLabel = "CONFIG",
            description = "Sign with a PKCS#11 token (SunPKCS11 config file; PIN from HALLMARK_KEY_PASSWORD).")
    Path pkcs11;

    @Option(names = "--tsa", paramLabel = "URL", description = "RFC 3161 time-stamp authority URL (e.g. from 'hallmark tsa serve').")
    String tsaUrl;

    @Option(names = "--store", paramLabel = "PATH|URL",
            description = "Where signed manifests are recorded: a SQLite file (default HOME/manifests.db) or a Hallmark "
                    + "service's URL (POST /v1/manifests; API key from HALLMARK_STORE_KEY).")
    String store;

    @Mixin
    HomeOption home;

    /**
     * The configuration these options describe.
     *
     * @param keyFile the watermark key named on the command line, or null for the home folder's
     */
    public HallmarkConfig config(Path keyFile) throws IOException {
        HallmarkConfig config = HallmarkConfig.of(home.resolve());
        if (keyFile != null) {
            config = config.withWatermarkKey(keyFile);
        }
        if (store != null) {
            config = config.withStore(store);
        }
        if (pkcs12 != null) {
            config = config.withCredential(Credential.pkcs12(pkcs12));
        } else if (pkcs11 != null) {
            config = config.withCredential(Credential.pkcs11(pkcs11));
        }
        return tsaUrl == null ? config : config.withTsa(tsaUrl);
    }
}
