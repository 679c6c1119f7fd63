package io.hallmark.provenance.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestStoreTest {
    static StoredManifest manifest(String id, String payload, Instant when) {
        return new StoredManifest(id, payload, "io.hallmark.watermark.1", id + ".mp4", when, new byte[] {1, 2, 3},
                "{\"active_manifest\":\"" + id + "\"}", null);
    }

    @Test
    void findsManifestsByPayloadNewestFirstAndById(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("m.db");
        try (ManifestStore store = ManifestStore.open(db)) {
            store.put(manifest("urn:a", "00000000000000aa", Instant.parse("2026-01-01T00:00:00Z")));
            store.put(manifest("urn:b", "00000000000000aa", Instant.parse("2026-02-01T00:00:00Z")));
            store.put(manifest("urn:c", "00000000000000cc", Instant.parse("2026-03-01T00:00:00Z")));
        }
        try (ManifestStore store = ManifestStore.open(db)) { // survives reopening
            assertEquals(3, store.count());
            var found = store.findByPayload("00000000000000aa");
            assertEquals(2, found.size());
            assertEquals("urn:b", found.get(0).manifestId());
            assertArrayEquals(new byte[] {1, 2, 3}, store.findById("urn:c").orElseThrow().manifestStore());
            assertTrue(store.findByPayload("ffffffffffffffff").isEmpty());
        }
    }

    @Test
    void aNewerSchemaIsRefusedNotMisread(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("future.db");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db); var st = c.createStatement()) {
            st.execute("PRAGMA user_version = 99");
        }
        IOException e = assertThrows(IOException.class, () -> ManifestStore.open(db));
        assertTrue(e.getMessage().contains("schema version 99"));
    }
}
