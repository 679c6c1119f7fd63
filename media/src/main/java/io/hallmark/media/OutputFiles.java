package io.hallmark.media;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How outputs are written: into a hidden temp file beside the destination, moved into place when complete,
 * so a reader never sees a partial file and a failed run leaves the destination as it was.
 *
 * <p>The temp file is created with {@link Files#createFile}, which honours the process's umask like any
 * other program's output; {@link Files#createTempFile} always makes 0600 files, which then kept that mode
 * after the move (signed videos nobody else on the machine could read). Secrets are written with
 * {@code io.hallmark.keys.SecureFiles} instead, always 0600. Thread-safe (stateless).
 */
public final class OutputFiles {
    private OutputFiles() {}

    /**
     * A new, empty file {@code .<destination name>.<random><suffix>} in the destination's folder.
     *
     * @throws IOException when the folder does not exist or is not writable
     */
    public static Path createTempBeside(Path destination, String suffix) throws IOException {
        Path dir = destination.toAbsolutePath().getParent();
        for (int attempt = 0; ; attempt++) {
            String random = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
            Path temp = dir.resolve("." + destination.getFileName() + "." + random + suffix);
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 16) {
                    throw e;
                }
            }
        }
    }

    /** Moves {@code source} over {@code target} atomically where the file system allows it. */
    public static void moveIntoPlace(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
