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
        if (store != null && (store.startsWith("http://") || store.startsWith("https://"))) {
            return new SoftBindingClient(store);
        }
        Path path = store != null ? Path.of(store) : home.manifestStore();
        return Files.exists(path) || store != null ? ManifestStore.open(path) : null;
    }
}
