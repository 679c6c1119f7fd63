package io.hallmark.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordSourceTest {
    @TempDir
    Path dir;

    @Test
    void theEnvironmentVariableWinsAndNothingIsWritten() throws Exception {
        Path file = dir.resolve(".password");
        PasswordSource source = PasswordSource.environmentOrFile(Map.of("HALLMARK_KEY_PASSWORD", "from env"), file);
        assertArrayEquals("from env".toCharArray(), source.password());
        assertFalse(Files.exists(file));
    }

    @Test
    void withoutTheVariableARandomPasswordIsGeneratedOnceIntoAnOwnerOnlyFile() throws Exception {
        Path file = dir.resolve("pki").resolve(".password");
        char[] first = PasswordSource.environmentOrFile(Map.of(), file).password();
        assertTrue(first.length >= 32, "at least 192 random bits, base64");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())),
                "a folder it creates is private");
        assertArrayEquals(first, PasswordSource.environmentOrFile(Map.of(), file).password(), "stable");
        char[] other = PasswordSource.environmentOrFile(Map.of(), dir.resolve("other").resolve(".password")).password();
        assertFalse(Arrays.equals(first, other), "random per file");
        assertArrayEquals(first, PasswordSource.environmentOrFile(Map.of("HALLMARK_KEY_PASSWORD", ""), file).password(),
                "an empty variable counts as unset");
    }

    @Test
    void anEmptyPasswordFileIsAnError() throws Exception {
        Path file = Files.writeString(dir.resolve(".password"), "\n");
        KeyException e = assertThrows(KeyException.class, () -> PasswordSource.environmentOrFile(Map.of(), file).password());
        assertTrue(e.getMessage().contains("is empty"), e.getMessage());
    }

    @Test
    void aFixedPasswordIsCopiedSoCallersMayWipeIt() throws Exception {
        char[] original = "secret".toCharArray();
        PasswordSource source = PasswordSource.of(original);
        Arrays.fill(original, '\0');
        char[] first = source.password();
        Arrays.fill(first, '\0');
        assertArrayEquals("secret".toCharArray(), source.password());
    }

    @Test
    void theDevelopmentPkiFolderKeepsItsPasswordInDotPassword() throws Exception {
        if (System.getenv(PasswordSource.ENVIRONMENT) == null) {
            PasswordSource.forDirectory(dir).password();
            assertTrue(Files.exists(dir.resolve(".password")));
        } else {
            assertArrayEquals(System.getenv(PasswordSource.ENVIRONMENT).toCharArray(), PasswordSource.forDirectory(dir).password());
        }
    }
}
