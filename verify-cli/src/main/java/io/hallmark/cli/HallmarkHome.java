package io.hallmark.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Hallmark's working folder: the development PKI, the watermark key and the manifest store. It is
 * {@code --home}, else {@code $HALLMARK_HOME}, else {@code ~/.hallmark}; created 0700 on first use.
 */
public record HallmarkHome(Path dir) {

    public static HallmarkHome resolve(Path explicit) throws IOException {
        Path dir = explicit != null ? explicit
                : System.getenv("HALLMARK_HOME") != null ? Path.of(System.getenv("HALLMARK_HOME"))
                : Path.of(System.getProperty("user.home"), ".hallmark");
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            try {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException ignored) {
                // non-POSIX file system: nothing to tighten
            }
        }
        return new HallmarkHome(dir);
    }

    public Path pki() {
        return dir.resolve("pki");
    }

    public Path watermarkKey() {
        return dir.resolve("watermark.key");
    }

    public Path manifestStore() {
        return dir.resolve("manifests.db");
    }
}
