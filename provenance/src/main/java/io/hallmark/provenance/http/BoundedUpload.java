package io.hallmark.provenance.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Receives a request body into a private temp file (in a 0700 folder of its own), streaming: a file is never held
 * in memory, a body over the byte limit is cut off, and so is one that trickles in past the time limit. What the
 * servers ({@code store serve}, {@code serve}) answer for each is theirs to say. Thread-safe (stateless).
 */
public final class BoundedUpload {
    private BoundedUpload() {}

    /** The body is larger than allowed (or declares to be). */
    public static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("uploads are limited to " + limit + " bytes");
        }
    }

    /** The body did not arrive within the time allowed. */
    public static final class TooSlow extends IOException {
        TooSlow(long received) {
            super("the upload did not arrive in time (" + received + " bytes received)");
        }
    }

    /**
     * @param body          the request body; closed
     * @param contentLength the declared length, or -1
     * @param maxBytes      the byte limit
     * @param maxNanos      the time limit for the whole body, nanoseconds ({@link Long#MAX_VALUE}: none)
     * @return the file (possibly empty), in a folder of its own that {@link #delete} removes
     * @throws TooLarge    when the body is (or declares to be) larger than {@code maxBytes}; nothing is left behind
     * @throws TooSlow     when it has not arrived within {@code maxNanos}; nothing is left behind
     * @throws IOException when the temp file cannot be written or the client went away
     */
    public static Path receive(InputStream body, long contentLength, long maxBytes, long maxNanos) throws IOException {
        if (contentLength > maxBytes) {
            throw new TooLarge(maxBytes);
        }
        long start = System.nanoTime();
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
                        throw new TooLarge(maxBytes);
                    }
                    if (System.nanoTime() - start > maxNanos) {
                        throw new TooSlow(n);
                    }
                    out.write(buffer, 0, r);
                }
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
    public static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.getParent());
        } catch (IOException ignored) {
            // a temp file; the OS cleans its temp folder
        }
    }
}
