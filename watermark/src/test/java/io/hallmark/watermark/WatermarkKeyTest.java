package io.hallmark.watermark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatermarkKeyTest {
    @TempDir
    Path dir;

    @Test
    void loadOrCreateMakesAPrivateKeyFileOnceAndReadsItBack() throws Exception {
        Path file = dir.resolve("keys/watermark.key");
        WatermarkKey created = WatermarkKey.loadOrCreate(file);
        assertTrue(Files.isRegularFile(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(created, WatermarkKey.loadOrCreate(file));
        assertNotEquals(created, WatermarkKey.loadOrCreate(dir.resolve("other.key")));
    }

    @Test
    void aKeyFileAppearsCompleteOrNotAtAllEvenUnderRacingCreators() throws Exception {
        Path file = dir.resolve("race.key");
        java.util.List<java.util.concurrent.Future<WatermarkKey>> results = new java.util.ArrayList<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> WatermarkKey.loadOrCreate(file)));
            }
            WatermarkKey first = results.get(0).get();
            for (var r : results) {
                assertEquals(first, r.get(), "every creator ends up with the one published key");
            }
        } finally {
            pool.shutdownNow();
        }
        try (var files = Files.list(dir)) {
            assertEquals(java.util.List.of(file), files.toList(), "no temp file is left beside the key");
        }
    }

    @Test
    void loadNeverMakesUpAKeyForAFileThatIsNotThere() {
        Path missing = dir.resolve("missing.key");
        java.nio.file.NoSuchFileException e = assertThrows(java.nio.file.NoSuchFileException.class,
                () -> WatermarkKey.load(missing));
        assertTrue(e.getMessage().contains("missing.key"), e.getMessage());
        assertTrue(Files.notExists(missing));
    }

    @Test
    void rejectsAFileThatIsNotAKey() throws Exception {
        Path file = dir.resolve("bad.key");
        Files.writeString(file, "not a key");
        assertThrows(java.io.IOException.class, () -> WatermarkKey.loadOrCreate(file));
    }

    @Test
    void passphraseKeysAreSha256OfTheText() throws Exception {
        byte[] sha = java.security.MessageDigest.getInstance("SHA-256").digest("secret".getBytes("UTF-8"));
        assertEquals(WatermarkKey.fromBytes(sha), WatermarkKey.fromPassphrase("secret"));
    }

    @Test
    void fingerprintIsEightBytesAndDoesNotRevealTheKey() {
        byte[] raw = new byte[32];
        raw[0] = 1;
        WatermarkKey key = WatermarkKey.fromBytes(raw);
        assertEquals(8, key.fingerprint().length);
        assertTrue(key.toString().contains(key.fingerprintHex()));
        assertArrayEquals(key.fingerprint(), WatermarkKey.fromBytes(raw.clone()).fingerprint());
    }

    @Test
    void rejectsKeysOfTheWrongLength() {
        assertThrows(IllegalArgumentException.class, () -> WatermarkKey.fromBytes(new byte[16]));
        assertThrows(IllegalArgumentException.class, () -> WatermarkKey.fromPassphrase(""));
    }
}
