package io.hallmark.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallmark.media.Ffmpeg;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every command that writes a file owes its user (issue 13, items 8 and 10): an existing output is
 * never replaced without --force, no folder is created, the name says what is written, the input is never
 * the output, and outputs get the umask's mode like any other program's files (keys stay 0600).
 */
class OutputOptionTest {
    @TempDir
    static Path dir;

    private static Path clip() throws Exception {
        Path clip = dir.resolve("clip.mp4");
        if (!Files.exists(clip)) {
            Ffmpeg.run(60, "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25", "-t", "1", "-c:v", "libx264",
                    "-pix_fmt", "yuv420p", clip.toString());
        }
        return clip;
    }

    @Test
    void anExistingOutputIsRefusedUnlessForced() throws Exception {
        Path home = dir.resolve("home-a");
        Path existing = dir.resolve("existing.mp4");
        Files.write(existing, new byte[] {1, 2, 3});
        Cli refused = Cli.run(home, "embed", clip().toString(), "-o", existing.toString(), "--quiet");
        assertEquals(ExitCodes.USAGE, refused.exitCode(), refused.toString());
        assertTrue(refused.err().contains("already exists") && refused.err().contains("--force"), refused.err());
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(existing), "the existing file is untouched");

        Cli forced = Cli.run(home, "embed", clip().toString(), "-o", existing.toString(), "--quiet", "--force");
        assertEquals(ExitCodes.OK, forced.exitCode(), forced.toString());
        assertTrue(Files.size(existing) > 1000);
    }

    @Test
    void signRefusesToReplaceAnExistingFileToo() throws Exception {
        Path home = dir.resolve("home-b");
        Path existing = dir.resolve("signed-already.mp4");
        Files.copy(clip(), existing);
        byte[] before = Files.readAllBytes(existing);
        Cli refused = Cli.run(home, "sign", clip().toString(), "-o", existing.toString());
        assertEquals(ExitCodes.USAGE, refused.exitCode(), refused.toString());
        assertArrayEquals(before, Files.readAllBytes(existing));
    }

    @Test
    void aMissingFolderIsAnErrorNotCreated() throws Exception {
        Path missing = dir.resolve("no-such-folder");
        Cli r = Cli.run(dir.resolve("home-c"), "generate", "--prompt", "a test", "--duration", "1", "-o", missing.resolve("x.mp4").toString(),
                "--quiet");
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.toString());
        assertTrue(r.err().contains("does not exist"), r.err());
        assertFalse(Files.exists(missing));
    }

    @Test
    void theOutputNameMustSayMp4WhereAnMp4IsWritten() throws Exception {
        Cli r = Cli.run(dir.resolve("home-d"), "certify", clip().toString(), "-o", dir.resolve("c.jpg").toString(), "--quiet");
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.toString());
        assertTrue(r.err().contains(".mp4"), r.err());
        assertFalse(Files.exists(dir.resolve("c.jpg")));
    }

    @Test
    void theInputIsNeverTheOutput() throws Exception {
        Path copy = dir.resolve("self.mp4");
        Files.copy(clip(), copy);
        byte[] before = Files.readAllBytes(copy);
        Cli r = Cli.run(dir.resolve("home-e"), "embed", copy.toString(), "-o", copy.toString(), "--force", "--quiet");
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.toString());
        assertTrue(r.err().contains("is the input"), r.err());
        assertArrayEquals(before, Files.readAllBytes(copy));
    }

    @Test
    void outputsFollowTheUmaskLikeAnyOtherFile() throws Exception {
        // What this process's umask gives a new file (0644 under the usual 022); under a 077 umask there is
        // nothing to tell apart from a private file.
        Path probe = Files.createFile(dir.resolve("probe"));
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(probe);
        Assumptions.assumeTrue(expected.contains(PosixFilePermission.OTHERS_READ), "umask hides files from others");
        Path out = dir.resolve("marked-mode.mp4");
        Cli r = Cli.run(dir.resolve("home-f"), "embed", clip().toString(), "-o", out.toString(), "--quiet");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        assertEquals(expected, Files.getPosixFilePermissions(out));
    }

    @Test
    void aNamedKeyFileThatDoesNotExistIsAnErrorNotANewKey() throws Exception {
        Path missing = dir.resolve("missing.key");
        Cli r = Cli.run(dir.resolve("home-g"), "verify", "--key", missing.toString(), clip().toString());
        assertEquals(ExitCodes.ERROR, r.exitCode(), r.toString());
        assertTrue(r.err().contains("missing.key"), r.err());
        assertFalse(Files.exists(missing), "no key was made up");
    }
}
