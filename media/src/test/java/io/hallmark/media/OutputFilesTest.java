package io.hallmark.media;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Temp files of a process killed outright are removed by the next run, never those of a live one (issue 13, item 11). */
class OutputFilesTest {
    /** A pid no process has: one that just exited. */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    @Test
    void leftoversOfADeadProcessBesideTheDestinationAreSwept(@TempDir Path dir) throws Exception {
        Path destination = dir.resolve("signed.mp4");
        Path dead = Files.createFile(dir.resolve(".signed.mp4." + deadPid() + "-abc.signing"));
        Path alive = Files.createFile(dir.resolve(".signed.mp4." + ProcessHandle.current().pid() + "-xyz.signing"));
        Path other = Files.createFile(dir.resolve(".other.mp4." + deadPid() + "-abc.signing"));
        Path temp = OutputFiles.createTempBeside(destination, ".signing");
        assertFalse(Files.exists(dead), "a dead run's 0-byte temp is gone");
        assertTrue(Files.exists(alive), "a running process's temp is left alone");
        assertTrue(Files.exists(other), "another destination's temp is not ours to judge");
        assertTrue(temp.getFileName().toString().startsWith(".signed.mp4." + ProcessHandle.current().pid() + "-"));
    }

    @Test
    void aDeadRunsWorkFolderInTheSystemTempIsSwept() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Path dead = Files.createDirectory(tmp.resolve("hallmark-test-sweep-" + deadPid() + "-old"));
        Files.writeString(dead.resolve("marked.mp4"), "a complete but unsigned copy");
        Path mine = OutputFiles.createWorkDirectory("hallmark-test-sweep-");
        try {
            assertFalse(Files.exists(dead));
            assertTrue(Files.isDirectory(mine));
        } finally {
            Files.deleteIfExists(mine);
        }
    }
}
