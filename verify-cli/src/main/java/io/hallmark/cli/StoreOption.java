package io.hallmark.cli;

import io.hallmark.provenance.store.ManifestLookup;
import io.hallmark.provenance.store.ManifestStore;
import io.hallmark.provenance.store.SoftBindingClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code --store}: a local SQLite file, or the URL of a Soft Binding Resolution API; null when there is none. */
final class StoreOption {
    private StoreOption() {}

    static ManifestLookup open(String store, HallmarkHome home) throws IOException {
        return open(store, home, io.hallmark.verify.VerifierLimits.DEFAULT);
    }

    /** A remote store gets the look-up bounds of {@code limits}. */
    static ManifestLookup open(String store, HallmarkHome home, io.hallmark.verify.VerifierLimits limits) throws IOException {
        if (store != null && (store.startsWith("http://") || store.startsWith("https://"))) {
            return new SoftBindingClient(store, limits.lookupDeadline(), limits.maxLookupAnswer(), limits.maxRemoteManifest());
        }
        Path path = store != null ? Path.of(store) : home.manifestStore();
        return Files.exists(path) || store != null ? ManifestStore.open(path) : null;
    }
}
