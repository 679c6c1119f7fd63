package io.hallmark.cli;

import io.hallmark.provenance.store.ManifestLookup;
import io.hallmark.verify.Verifier;
import java.io.IOException;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Everything a verification needs, shared by {@code verify} and {@code scan}: trust, key, store, decoding. */
public final class VerifierOptions {
    @Option(names = "--store", paramLabel = "PATH|URL",
            description = "Manifest store: a SQLite file (default HOME/manifests.db) or the URL of a C2PA Soft Binding Resolution API.")
    String store;

    @Mixin
    TrustOptions trust;

    @Mixin
    WatermarkKeyOption key;

    @Mixin
    DecodeOptions decode;

    /** A verifier with {@code workers} decoder processes; closing it closes the store lookup too. */
    public Verifier open(int workers) throws IOException {
        HallmarkHome home = key.home.resolve();
        io.hallmark.verify.VerifierLimits limits = decode.limits();
        ManifestLookup manifests = StoreOption.open(store, home, limits);
        return new Verifier(trust.resolve(home), decode.inspector(key, workers), Optional.ofNullable(manifests), limits);
    }
}
