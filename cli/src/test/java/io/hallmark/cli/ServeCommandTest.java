package io.hallmark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallmark.service.ApiKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {
    @Test
    void addKeyPrintsTheKeyOnceAndStoresOnlyItsHash(@TempDir Path dir) throws Exception {
        Path keys = dir.resolve("keys.txt");
        Cli r = Cli.run(null, "serve", "add-key", "newsroom", "--scope", "verify", "--scope",
                "fetch:manifests", "--keys", keys.toString());
        assertEquals(0, r.exitCode(), r.toString());
        String key = r.out().strip();
        assertTrue(key.startsWith("hmk_"), key);
        String file = Files.readString(keys);
        assertFalse(file.contains(key), "the key itself is never stored");
        ApiKeys loaded = ApiKeys.load(keys);
        ApiKeys.Caller caller = loaded.caller("Bearer " + key).orElseThrow();
        assertEquals("newsroom", caller.name());
        assertTrue(caller.scopes().contains(ApiKeys.VERIFY) && caller.scopes().contains(ApiKeys.FETCH_MANIFESTS));
        assertTrue(loaded.caller("Bearer " + key + "x").isEmpty());

        Cli bad = Cli.run(null, "serve", "add-key", "x", "--scope", "admin", "--keys", keys.toString());
        assertEquals(ExitCodes.USAGE, bad.exitCode(), bad.toString());
    }

    @Test
    void withoutApiKeysTheServiceRefusesToListenBeyondLoopback(@TempDir Path dir) {
        Cli r = Cli.run(dir.resolve("home"), "serve", "--host", "0.0.0.0", "--port", "0");
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.toString());
        assertTrue(r.err().contains("loopback only"), r.err());
    }

    @Test
    void sizesReadLikeTheOtherOptions() {
        assertEquals(512L << 20, ServeCommand.size("512m", "--max-upload"));
        assertEquals(64L << 10, ServeCommand.size("64K", "--max-upload"));
        assertEquals(1000, ServeCommand.size("1000", "--max-upload"));
        Cli r = Cli.run(null, "serve", "--max-upload", "lots");
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.toString());
    }
}
