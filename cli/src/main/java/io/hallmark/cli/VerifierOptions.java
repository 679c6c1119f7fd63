package io.hallmark.cli;

import io.hallmark.HallmarkConfig;
import java.io.IOException;
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

    /** The configuration these options describe. */
    public HallmarkConfig config() throws IOException {
        HallmarkConfig config = decode.apply(key.config().withTrust(trust.choice()));
        return store == null ? config : config.withStore(store);
    }
}
