package io.hallmark.testdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the project's shared test material: real clips ({@code shared/clips}) and the C2PA fixtures
 * ({@code shared/c2pa-fixtures}). The folder sits beside the repository root; the build passes its
 * location as the system property {@code hallmark.shared}, and otherwise it is searched for upwards.
 */
public final class SharedData {
    private SharedData() {}

    /** The shared folder; fails with a clear message when the checkout has none beside it. */
    public static Path root() {
        String configured = System.getProperty("hallmark.shared");
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared");
            if (Files.isDirectory(candidate.resolve("clips"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared test material not found: set -Dhallmark.shared=PATH "
                + "(it holds clips/ and c2pa-fixtures/)");
    }

    /** A real clip from shared/clips, e.g. {@code clip("mdn_flower.mp4")}. */
    public static Path clip(String name) {
        return existing(root().resolve("clips").resolve(name));
    }

    /** Every video clip in shared/clips, sorted by name. */
    public static List<Path> clips() {
        try (Stream<Path> files = Files.list(root().resolve("clips"))) {
            return files.filter(p -> p.getFileName().toString().matches(".*\\.(mp4|mkv|webm|mov)$")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A C2PA fixture, path relative to shared/c2pa-fixtures, e.g. {@code "c2pa-rs/video/video1.mp4"}. */
    public static Path c2paFixture(String relative) {
        return existing(root().resolve("c2pa-fixtures").resolve(relative));
    }

    private static Path existing(Path path) {
        if (!Files.exists(path)) {
            throw new IllegalStateException("missing shared test file: " + path);
        }
        return path;
    }
}
