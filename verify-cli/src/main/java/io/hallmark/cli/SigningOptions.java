package io.hallmark.cli;

import io.hallmark.provenance.TsaProbe;
import io.hallmark.provenance.ClaimSigner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Who signs: the development PKI by default, or a production credential; and the time-stamp authority. */
public final class SigningOptions {
    @Option(names = "--p12", paramLabel = "FILE",
            description = "Sign with this PKCS#12 credential (password from HALLMARK_KEY_PASSWORD) instead of the dev PKI.")
    Path pkcs12;

    @Option(names = "--pkcs11", paramLabel = "CONFIG",
            description = "Sign with a PKCS#11 token (SunPKCS11 config file; PIN from HALLMARK_KEY_PASSWORD).")
    Path pkcs11;

    @Option(names = "--tsa", paramLabel = "URL", description = "RFC 3161 time-stamp authority URL (e.g. from 'hallmark tsa serve').")
    String tsaUrl;

    @Option(names = "--store", paramLabel = "PATH", description = "Manifest store (SQLite; default HOME/manifests.db).")
    Path store;

    @Mixin
    HomeOption home;

    public ClaimSigner signer() throws Exception {
        HallmarkHome h = home.resolve();
        if (pkcs12 != null) {
            return Credentials.fromPkcs12(pkcs12);
        }
        if (pkcs11 != null) {
            return Credentials.fromPkcs11(pkcs11);
        }
        return Credentials.devSigner(h);
    }

    private boolean tsaChecked;

    /**
     * The time-stamp authority's URL, asked once for a real time-stamp first ({@link TsaProbe}), so that a
     * TSA that cannot be used stops the command before any work, with its name and the cause.
     */
    public Optional<String> tsa() throws TsaProbe.TsaException {
        if (tsaUrl != null && !tsaChecked) {
            TsaProbe.check(tsaUrl, TsaProbe.DEFAULT_DEADLINE);
            tsaChecked = true;
        }
        return Optional.ofNullable(tsaUrl);
    }

    public Path storePath() throws IOException {
        return store != null ? store : home.resolve().manifestStore();
    }
}
