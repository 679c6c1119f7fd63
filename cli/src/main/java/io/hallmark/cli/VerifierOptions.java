package io.hallmark.cli;

import io.hallmark.HallmarkConfig;
import java.io.IOException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Everything a verification needs, shared by {@code verify} and {@code scan}: trust, key, store, decoding. */
public final class VerifierOptions {
    @Option(names = "--store", paramLabel = "PATH|URL",
            description = "Manifest store: a SQLite file (default HOME/manifests.db), a jdbc:postgresql: URL, or the URL of a C2PA Soft Binding Resolution API (API key from HALLMARK_STORE_KEY).")
    String store;

    @Option(names = "--resolver", paramLabel = "URL",
            description = "A Soft Binding Resolution service that holds the publisher's watermark key (e.g. 'hallmark serve'), "
                    + "asked when this machine cannot read a mark itself; repeatable. API key from HALLMARK_RESOLVER_KEY.")
    java.util.List<String> resolvers = java.util.List.of();

    @Option(names = "--lookup-timeout", defaultValue = "30", paramLabel = "S",
            description = "Time limit for one look-up in a remote store or resolver, seconds, answers included (a "
                    + "resolver analyses the whole file within it; default: ${DEFAULT-VALUE}). A look-up that runs out "
                    + "leaves the file unanswered (retryable), never 'no provenance'.")
    long lookupTimeoutSeconds;

    @Mixin
    TrustOptions trust;

    @Mixin
    WatermarkKeyOption key;

    @Mixin
    DecodeOptions decode;

    /** The configuration these options describe. */
    public HallmarkConfig config() throws IOException {
        if (lookupTimeoutSeconds < 1) {
            throw new IllegalArgumentException("--lookup-timeout must be at least 1 second");
        }
        HallmarkConfig config = decode.apply(key.config().withTrust(trust.choice()));
        config = config.withLimits(config.limits().withLookupDeadline(java.time.Duration.ofSeconds(lookupTimeoutSeconds)));
        config = config.withResolvers(resolvers);
        return store == null ? config : config.withStore(store);
    }
}
