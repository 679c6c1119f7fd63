package io.hallmark.provenance.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * HTTP exchanges with services that are not ours (a time-stamp authority, a remote manifest store), bounded
 * in time and in bytes: the whole exchange, headers and body, must finish by a deadline (a request time-out
 * alone does not cover a body sent one byte a second), and no more than a given number of body bytes is ever
 * read (a 2 GB answer costs nothing). Thread-safe.
 */
public final class BoundedHttp {
    private final HttpClient client;

    public BoundedHttp(Duration connectTimeout) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
    }

    /** A response: its status and at most the allowed bytes of its body. */
    public record Answer(int status, byte[] body) {}

    /** The body was larger than allowed. */
    public static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("answered with more than " + limit + " bytes");
        }
    }

    /**
     * Sends {@code request} and reads the answer, all of it by {@code deadline}.
     *
     * @throws TooLarge                              when the body exceeds {@code maxBytes}
     * @throws java.net.http.HttpTimeoutException    when the exchange is not done by the deadline
     * @throws IOException                           when the exchange fails (the cause is kept)
     */
    public Answer exchange(HttpRequest request, int maxBytes, Instant deadline) throws IOException {
        long millis = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
        CompletableFuture<Answer> future = client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .thenApply(response -> {
                    try (InputStream in = response.body()) {
                        byte[] bytes = in.readNBytes(maxBytes + 1);
                        if (bytes.length > maxBytes) {
                            throw new java.io.UncheckedIOException(new TooLarge(maxBytes));
                        }
                        return new Answer(response.statusCode(), bytes);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
        try {
            return future.get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new java.net.http.HttpTimeoutException("no complete answer within " + millis + " ms");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof java.io.UncheckedIOException u) {
                throw u.getCause();
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(String.valueOf(cause), cause);
        }
    }
}
