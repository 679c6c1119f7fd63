package io.hallmark.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Receives request bodies into private temp files (0700 folder), streaming: a file is never held in memory, and a
 * body over the limit is cut off with a 413 problem. Thread-safe (stateless).
 */
final class Uploads {
    private Uploads() {}

    /**
     * @param body          the request body
     * @param contentLength the declared length, or -1
     * @param maxBytes      the limit
     * @param deadline      when the whole body must have arrived ({@link System#nanoTime()} value): a client that
     *                      trickles its upload (a slow-loris) is cut off at it
     * @return the file, in a folder of its own that {@link #delete} removes
     * @throws Problem     413 when the body is (or declares to be) larger than {@code maxBytes}, 400 when empty,
     *                     408 when it has not arrived by the deadline
     * @throws IOException when the temp file cannot be written or the client went away
     */
    static Path receive(InputStream body, long contentLength, long maxBytes, long deadline) throws IOException {
        if (contentLength > maxBytes) {
            throw tooLarge(maxBytes);
        }
        Path dir = Files.createTempDirectory("hallmark-upload-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path file = dir.resolve("upload");
        boolean ok = false;
        try {
            long n = 0;
            try (InputStream in = body; OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[1 << 16];
                for (int r; (r = in.read(buffer)) > 0; ) {
                    n += r;
                    if (n > maxBytes) {
                        throw tooLarge(maxBytes);
                    }
                    if (System.nanoTime() - deadline > 0) {
                        throw new Problem(408, "upload-too-slow", "The upload took too long",
                                "the upload did not arrive in time (" + n + " bytes received)");
                    }
                    out.write(buffer, 0, r);
                }
            }
            if (n == 0) {
                throw Problem.badRequest("the request has no body: send the file as the body");
            }
            ok = true;
            return file;
        } finally {
            if (!ok) {
                delete(file);
            }
        }
    }

    /** Deletes an upload and its folder; never throws. @param file what {@link #receive} returned */
    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.getParent());
        } catch (IOException ignored) {
            // a temp file; the OS cleans its temp folder
        }
    }

    private static Problem tooLarge(long maxBytes) {
        return new Problem(413, "upload-too-large", "The upload is larger than this service accepts",
                "uploads are limited to " + maxBytes + " bytes");
    }
}
