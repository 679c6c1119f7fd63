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
 * {@code io.hallmark.keys.SecureFiles} instead, always 0600.
 *
 * <p>A process killed outright (SIGKILL, power loss) cannot delete its temp files, so their names carry the
 * process id, and the next run sweeps those of processes that are no longer alive: beside the same
 * destination ({@link #createTempBeside}), or in the system temp folder ({@link #createWorkDirectory}).
 * Thread-safe (stateless).
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
        String prefix = "." + destination.getFileName() + ".";
        sweep(dir, prefix);
        for (int attempt = 0; ; attempt++) {
            String random = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
            Path temp = dir.resolve(prefix + ProcessHandle.current().pid() + "-" + random + suffix);
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 16) {
                    throw e;
                }
            }
        }
    }

    /**
     * A new private (0700) folder {@code <prefix><pid>-<random>} in the system temp folder, after removing
     * those a dead process left behind.
     */
    public static Path createWorkDirectory(String prefix) throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        sweep(tmp, prefix);
        String random = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
        Path dir = tmp.resolve(prefix + ProcessHandle.current().pid() + "-" + random);
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.createDirectory(dir, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
        }
        return Files.createDirectory(dir);
    }

    /** Deletes entries of {@code dir} named {@code <prefix><pid>-...} whose process is gone. Best effort. */
    static void sweep(Path dir, String prefix) {
        try (java.nio.file.DirectoryStream<Path> entries = Files.newDirectoryStream(dir,
                p -> p.getFileName().toString().startsWith(prefix))) {
            for (Path entry : entries) {
                String rest = entry.getFileName().toString().substring(prefix.length());
                int dash = rest.indexOf('-');
                long pid;
                try {
                    pid = Long.parseLong(rest.substring(0, dash));
                } catch (NumberFormatException | IndexOutOfBoundsException e) {
                    continue; // not one of ours
                }
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                deleteRecursively(entry);
            }
        } catch (IOException | RuntimeException e) {
            // sweeping is a courtesy: a folder we cannot list is not this run's problem
        }
    }

    /** Deletes a file, or a folder with everything in it (links are removed, not followed). */
    public static void deleteRecursively(Path p) throws IOException {
        if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (java.util.stream.Stream<Path> walk = Files.walk(p)) {
                for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(q);
                }
            }
        } else {
            Files.deleteIfExists(p);
        }
    }

    /**
     * Writes {@code text} (UTF-8) to {@code target} through a temp file beside it ({@link #createTempBeside}),
     * so {@code target} is either the old file or the complete new one; the temp file never outlives the call.
     *
     * @throws IOException when the folder does not exist or is not writable
     */
    public static void writeString(Path target, String text) throws IOException {
        Path temp = createTempBeside(target, ".part");
        try {
            Files.writeString(temp, text);
            moveIntoPlace(temp, target);
        } finally {
            Files.deleteIfExists(temp);
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
