package io.hallmark.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * The API key file as it is now: re-read when it changes (its modification time, size or file key), checked at most
 * every {@link #CHECK_NANOS}, so that a key added with {@code serve add-key} works and a revoked key stops working
 * without a restart. A file that cannot be read or is malformed after a change fails closed: every request that needs
 * a key is refused (503) until the file is fixed, rather than answered with keys that may have been revoked. The file
 * at start must be valid. Thread-safe.
 */
final class ApiKeyFile {
    /** How often the file's attributes are looked at: 1 s. */
    static final long CHECK_NANOS = 1_000_000_000L;

    private final Path file;
    private ApiKeys keys;
    private Object stamp;
    private String brokenBecause;
    private long checkedAt;

    /**
     * @param file the key file
     * @throws IOException              when it cannot be read
     * @throws IllegalArgumentException when it is malformed
     */
    ApiKeyFile(Path file) throws IOException {
        this.file = file;
        this.stamp = stamp(file);
        this.keys = ApiKeys.load(file);
        this.checkedAt = System.nanoTime();
    }

    /**
     * @param authorization the request's Authorization header, or null
     * @return the caller its key belongs to under the file's current keys, or empty
     * @throws Problem 503 when the file has changed into one that cannot be read
     */
    Optional<ApiKeys.Caller> caller(String authorization) {
        return current().caller(authorization);
    }

    private synchronized ApiKeys current() {
        long now = System.nanoTime();
        if (now - checkedAt >= CHECK_NANOS) {
            checkedAt = now;
            reloadIfChanged();
        }
        if (brokenBecause != null) {
            throw new Problem(503, "keys-unavailable", "The service cannot check API keys right now",
                    "try again later; the operator has been told").retryAfter(30);
        }
        return keys;
    }

    private void reloadIfChanged() {
        Object now;
        try {
            now = stamp(file);
        } catch (IOException e) {
            broken("cannot read " + file + ": " + e.getMessage());
            return;
        }
        if (now.equals(stamp) && brokenBecause == null) {
            return;
        }
        try {
            keys = ApiKeys.load(file);
            stamp = now;
            if (brokenBecause != null) {
                System.err.println("hallmark serve: the API key file " + file + " is readable again");
            }
            brokenBecause = null;
        } catch (IOException | IllegalArgumentException e) {
            broken(e.getMessage());
        }
    }

    private void broken(String why) {
        if (!why.equals(brokenBecause)) {
            System.err.println("hallmark serve: refusing keyed requests until the API key file is fixed: " + why);
        }
        brokenBecause = why;
    }

    private static Object stamp(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return java.util.List.of(a.lastModifiedTime(), a.size(), String.valueOf(a.fileKey()));
    }
}
