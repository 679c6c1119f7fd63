package io.hallmark.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Files written atomically (temp file then rename): private ones only their owner can read. */
final class SecureFiles {
    private SecureFiles() {}

    /** Creates {@code dir} if needed and makes it 0700. */
    static void privateDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        setPermissions(dir, "rwx------");
    }

    /** Writes {@code content} to {@code file} with permissions 0600, set before any byte is written. */
    static void writePrivate(Path file, byte[] content) throws IOException {
        write(file, content, "rw-------");
    }

    /** Writes a public file (a certificate) with permissions 0644. */
    static void writePublic(Path file, String content) throws IOException {
        write(file, content.getBytes(StandardCharsets.US_ASCII), "rw-r--r--");
    }

    private static void write(Path file, byte[] content, String permissions) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(parent)) {
            privateDirectory(parent); // a folder we create is private; an existing one is left as it is
        }
        Path temp = Files.createTempFile(parent, ".tmp", ".part"); // created 0600 on POSIX
        try {
            setPermissions(temp, "rw-------");
            Files.write(temp, content);
            setPermissions(temp, permissions);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void setPermissions(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system (Windows): the user's profile folder protects the files instead
        }
    }
}
