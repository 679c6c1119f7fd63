package io.hallmark.provenance.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallmark.fingerprint.PdqHash;
import io.hallmark.fingerprint.VideoFingerprint;
import io.hallmark.testdata.TestDatabases;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

class ManifestStoreTest {
    static StoredManifest manifest(String id, String payload, Instant when) {
        return new StoredManifest(id, payload, "io.hallmark.watermark.1", id + ".mp4", when, new byte[] {1, 2, 3},
                "{\"active_manifest\":\"" + id + "\"}", null);
    }

    static List<String> backends() {
        return TestDatabases.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void findsManifestsByPayloadNewestFirstAndById(String backend, @TempDir Path dir) throws Exception {
        String db = TestDatabases.fresh(backend, dir);
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
    void newestFirstHoldsWithinASecondAndForRowsWrittenInTheOldTextFormat(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("m.db");
        try (ManifestStore store = ManifestStore.open(db)) {
            store.put(manifest("urn:whole", "00000000000000aa", Instant.parse("2026-01-01T12:00:00Z")));
            store.put(manifest("urn:half", "00000000000000aa", Instant.parse("2026-01-01T12:00:00.500Z")));
            assertEquals("urn:half", store.findByPayload("00000000000000aa").get(0).manifestId(),
                    "12:00:00.5 is newer than 12:00:00 (text order put 12:00:00Z first)");
        }
        // a row written by an earlier version, in Instant.toString()'s variable-width text
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
             var st = c.createStatement()) {
            st.executeUpdate("UPDATE manifests SET signed_at = '2026-01-01T12:00:01Z' WHERE manifest_id = 'urn:whole'");
        }
        try (ManifestStore store = ManifestStore.open(db)) {
            assertEquals("urn:whole", store.findByPayload("00000000000000aa").get(0).manifestId());
            assertEquals(Instant.parse("2026-01-01T12:00:01Z"), store.findById("urn:whole").orElseThrow().signedAt());
        }
    }

    static VideoFingerprint randomFingerprint(Random random) {
        List<VideoFingerprint.Frame> frames = new ArrayList<>();
        for (int f = 0; f < 8; f++) {
            long[] w = {random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong()};
            frames.add(new VideoFingerprint.Frame(f * 500L, 80, List.of(new PdqHash(w, 80))));
        }
        return new VideoFingerprint(List.of(VideoFingerprint.View.FULL), frames);
    }

    /** The same frames with {@code bits} random bits flipped in each hash: a re-encoded copy. */
    static VideoFingerprint perturbed(VideoFingerprint fp, int bits, Random random) {
        List<VideoFingerprint.Frame> frames = new ArrayList<>();
        for (VideoFingerprint.Frame f : fp.frames()) {
            long[] w = f.full().words();
            for (int i = 0; i < bits; i++) {
                int b = random.nextInt(256);
                w[b >>> 6] ^= 1L << (b & 63);
            }
            frames.add(new VideoFingerprint.Frame(f.timeMillis(), f.quality(), List.of(new PdqHash(w, 80))));
        }
        return new VideoFingerprint(fp.views(), frames);
    }

    static StoredManifest withFingerprint(String id, VideoFingerprint fp) {
        return new StoredManifest(id, null, null, id, Instant.EPOCH, new byte[] {1}, "{}", fp.encode());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void findsTheManifestWhoseContentResemblesACopyAndNothingForOtherContent(String backend, @TempDir Path dir)
            throws Exception {
        Random random = new Random(3);
        List<VideoFingerprint> stored = new ArrayList<>();
        List<StoredManifest> batch = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            stored.add(randomFingerprint(random));
            batch.add(withFingerprint("urn:" + i, stored.get(i)));
        }
        String db = TestDatabases.fresh(backend, dir);
        try (ManifestStore store = ManifestStore.open(db)) {
            store.putAll(batch);
            List<FingerprintMatch> found = store.findByFingerprint(perturbed(stored.get(17), 20, random), 5);
            assertEquals("urn:17", found.get(0).manifestId());
            assertEquals(100, found.get(0).similarityScore());
            assertTrue(store.findByFingerprint(randomFingerprint(random), 5).isEmpty());
            // a manifest stored after the index was built is found too
            VideoFingerprint late = randomFingerprint(random);
            store.put(withFingerprint("urn:late", late));
            assertEquals("urn:late", store.findByFingerprint(perturbed(late, 20, random), 5).get(0).manifestId());
        }
        try (ManifestStore store = ManifestStore.open(db)) { // the index is rebuilt from the database
            assertEquals("urn:123", store.findByFingerprint(perturbed(stored.get(123), 20, random), 5).get(0).manifestId());
        }
    }

    @Test
    void aVersion1StoreIsUpgradedInPlaceAndKeepsItsManifests(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("v1.db");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db); var st = c.createStatement()) {
            st.execute("CREATE TABLE manifests (manifest_id TEXT PRIMARY KEY, payload TEXT, algorithm TEXT, title TEXT,"
                    + " signed_at TEXT NOT NULL, manifest_store BLOB NOT NULL, report_json TEXT NOT NULL)");
            st.execute("INSERT INTO manifests VALUES ('urn:old', '00000000000000aa', 'io.hallmark.watermark.1', 't',"
                    + " '2026-01-01T00:00:00Z', x'01', '{}')");
            st.execute("PRAGMA user_version = 1");
        }
        try (ManifestStore store = ManifestStore.open(db)) {
            StoredManifest old = store.findByPayload("00000000000000aa").get(0);
            assertEquals("urn:old", old.manifestId());
            assertEquals(null, old.fingerprint());
            assertTrue(store.findByFingerprint(randomFingerprint(new Random(1)), 5).isEmpty());
        }
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db); var st = c.createStatement()) {
            try (var rs = st.executeQuery("PRAGMA user_version")) {
                assertEquals(ManifestStore.SCHEMA_VERSION, rs.getInt(1));
            }
            assertEquals(List.of("1:BASELINE", "2:SQL"), appliedMigrations(c), "Flyway took the store over at version 1");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aNewStoreIsMadeByFlywayMigrations(String backend, @TempDir Path dir) throws Exception {
        String location = TestDatabases.fresh(backend, dir);
        try (ManifestStore store = ManifestStore.open(location)) {
            assertEquals(0, store.count());
        }
        try (var c = DriverManager.getConnection(backend.equals("sqlite") ? "jdbc:sqlite:" + location : location)) {
            assertEquals(backend.equals("sqlite") ? List.of("1:SQL", "2:SQL") : List.of("2:SQL"), appliedMigrations(c));
        }
        try (ManifestStore again = ManifestStore.open(location)) { // a second open finds nothing to do
            assertEquals(0, again.count());
        }
    }

    @Test
    void aServerSchemaMigratedByANewerHallmarkIsRefused(@TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(TestDatabases.names().contains("postgresql"),
                "needs " + TestDatabases.POSTGRES);
        String location = TestDatabases.fresh("postgresql", dir);
        ManifestStore.open(location).close();
        try (var c = DriverManager.getConnection(location); var st = c.createStatement()) {
            st.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " installed_by, execution_time, success) VALUES (99, '3', 'future', 'SQL', 'V3__future.sql',"
                    + " 'test', 0, true)");
        }
        IOException e = assertThrows(IOException.class, () -> ManifestStore.open(location));
        assertTrue(e.getMessage().contains("schema version 3") && !e.getMessage().contains("password=hallmark"),
                e.getMessage());
    }

    /** Flyway's history as "version:type" lines, in order. */
    private static List<String> appliedMigrations(java.sql.Connection c) throws java.sql.SQLException {
        List<String> applied = new ArrayList<>();
        try (var st = c.createStatement(); var rs = st.executeQuery(
                "SELECT version, type FROM flyway_schema_history WHERE success ORDER BY installed_rank")) {
            while (rs.next()) {
                applied.add(rs.getString(1) + ":" + rs.getString(2));
            }
        }
        return applied;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aMalformedFingerprintIsRefusedAndNothingIsStored(String backend, @TempDir Path dir) throws Exception {
        try (ManifestStore store = ManifestStore.open(TestDatabases.fresh(backend, dir))) {
            StoredManifest bad = new StoredManifest("urn:bad", null, null, "t", Instant.EPOCH, new byte[] {1}, "{}", "AAAA");
            assertThrows(IllegalArgumentException.class, () -> store.put(bad));
            assertEquals(0, store.count());
        }
    }

    @Test
    void aServerUrlOtherThanPostgresqlIsRefusedAndAPasswordNeverShown() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ManifestStore.open("jdbc:mysql://db/x?user=u&password=secret"));
        assertTrue(e.getMessage().contains("jdbc:postgresql") && !e.getMessage().contains("secret"), e.getMessage());
        IOException down = assertThrows(IOException.class,
                () -> ManifestStore.open("jdbc:postgresql://127.0.0.1:1/none?user=u&password=secret&connectTimeout=2"));
        assertTrue(!down.getMessage().contains("secret") && down.getMessage().contains("password=***"), down.getMessage());
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
