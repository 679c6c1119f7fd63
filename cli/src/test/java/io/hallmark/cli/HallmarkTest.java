package io.hallmark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HallmarkTest {
    @Test
    void helpListsEveryCommandAndTheExitCodes() {
        Cli r = Cli.run(null, "--help");
        assertEquals(0, r.exitCode(), r.toString());
        // the names in the "Commands:" section itself, not words that the description or footer also contain
        String commands = r.out().substring(r.out().indexOf("Commands:"), r.out().indexOf("Exit codes:"));
        List<String> listed = commands.lines().map(l -> l.matches("^  [a-z]+ .*") ? l.strip().split("\\s+")[0] : null)
                .filter(java.util.Objects::nonNull).toList();
        assertEquals(List.of("demo", "generate", "embed", "detect", "sign", "certify", "verify", "scan", "keys", "store",
                "serve", "tsa", "trust", "bench", "help"), listed);
        String exitCodes = r.out().substring(r.out().indexOf("Exit codes:"));
        for (int code = 0; code <= 6; code++) {
            assertTrue(exitCodes.contains("\n  " + code + "  "), "exit code " + code + " explained:\n" + exitCodes);
        }
    }

    @Test
    void aBadOptionIsAUsageErrorWithExitCode2() {
        Cli r = Cli.run(null, "verify", "--no-such-option", "x.mp4");
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.toString());
        assertTrue(r.err().contains("no-such-option"), r.err());
    }

    @Test
    void versionNamesTheC2paLibrary() {
        Cli r = Cli.run(null, "--version");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("c2pa-c-ffi/0.91"), r.out());
    }

    @Test
    void aMissingFileIsAnErrorOnStderrNotAReport(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        Cli r = Cli.run(dir.resolve("home"), "verify", "--json", dir.resolve("missing.mp4").toString());
        assertEquals(ExitCodes.ERROR, r.exitCode(), r.toString());
        assertTrue(r.err().contains("missing.mp4: no such file"), r.err());
        assertTrue(r.out().isBlank(), "no report about a file that is not there: " + r.out());
    }
}
