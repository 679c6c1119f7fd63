package io.hallmark.service;

import io.hallmark.provenance.http.BoundedUpload;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The service's uploads: {@link BoundedUpload} (private temp files, streaming, byte and time limits), with its
 * refusals as problems. Thread-safe (stateless).
 */
final class Uploads {
    private Uploads() {}

    /**
     * @param body              the request body
     * @param contentLength     the declared length, or -1
     * @param maxBytes          the limit
     * @param maxNanos          how long the whole body may take to arrive: a client that trickles its upload (a
     *                          slow-loris) is cut off then
     * @param minBytesPerSecond the least average rate after {@code graceNanos}, 0 for none
     * @param graceNanos        how long the body may arrive at any rate first
     * @return the file, in a folder of its own that {@link #delete} removes
     * @throws Problem     413 when the body is (or declares to be) larger than {@code maxBytes}, 400 when empty or
     *                     cut short, 408 when it has not arrived in time or arrives too slowly
     * @throws IOException when the temp file cannot be written or the client went away
     */
    static Path receive(InputStream body, long contentLength, long maxBytes, long maxNanos, long minBytesPerSecond,
                        long graceNanos) throws IOException {
        Path file;
        try {
            file = BoundedUpload.receive(body, contentLength, maxBytes, maxNanos, minBytesPerSecond, graceNanos);
        } catch (BoundedUpload.TooLarge e) {
            throw new Problem(413, "upload-too-large", "The upload is larger than this service accepts", e.getMessage())
                    .closing();
        } catch (BoundedUpload.TooSlow e) {
            throw new Problem(408, "upload-too-slow", "The upload took too long", e.getMessage()).closing();
        } catch (BoundedUpload.Truncated e) {
            throw Problem.badRequest("the request body ended before it was complete: " + e.getMessage()).closing();
        }
        if (Files.size(file) == 0) {
            delete(file);
            throw Problem.badRequest("the request has no body: send the file as the body");
        }
        return file;
    }

    /** Deletes an upload and its folder; never throws. @param file what {@link #receive} returned */
    static void delete(Path file) {
        BoundedUpload.delete(file);
    }
}
