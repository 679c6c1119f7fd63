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

    /** The body did not arrive within the time allowed, or arrived more slowly than the least rate. */
    public static final class TooSlow extends IOException {
        TooSlow(String why) {
            super(why);
        }
    }

    /** The body ended before its declared length (the client stopped sending or closed the connection). */
    public static final class Truncated extends IOException {
        Truncated(long received, long declared) {
            super("the body ended after " + received + " of its " + declared + " declared bytes");
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
        return receive(body, contentLength, maxBytes, maxNanos, 0, 0);
    }

    /**
     * {@link #receive(InputStream, long, long, long)}, and also cut off when, after {@code graceNanos}, the body's
     * average rate falls below {@code minBytesPerSecond}: a client that trickles a byte every few seconds holds a
     * thread for the grace time, not for the whole time limit. The rate is checked as each read returns; a client
     * that sends nothing at all is ended by the server's idle timeout.
     *
     * @param minBytesPerSecond the least average rate, bytes per second; 0 for none
     * @param graceNanos        how long the body may arrive at any rate first, nanoseconds
     * @throws Truncated when the body ends before its declared {@code contentLength}; nothing is left behind
     */
    public static Path receive(InputStream body, long contentLength, long maxBytes, long maxNanos,
                               long minBytesPerSecond, long graceNanos) throws IOException {
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
                    long elapsed = System.nanoTime() - start;
                    if (elapsed > maxNanos) {
                        throw new TooSlow("the upload did not arrive in time (" + n + " bytes received)");
                    }
                    if (minBytesPerSecond > 0 && elapsed > graceNanos && n < minBytesPerSecond * (elapsed / 1e9)) {
                        throw new TooSlow("the upload arrived at " + Math.round(n / (elapsed / 1e9))
                                + " bytes/s, below the least rate of " + minBytesPerSecond + " bytes/s");
                    }
                    out.write(buffer, 0, r);
                }
            } catch (java.io.EOFException e) { // Jetty's EofException among them: the client stopped mid-body
                throw new Truncated(n, contentLength);
            }
            if (contentLength >= 0 && n < contentLength) {
                throw new Truncated(n, contentLength);
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
