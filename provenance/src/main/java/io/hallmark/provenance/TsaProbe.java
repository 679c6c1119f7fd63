package io.hallmark.provenance;

import io.hallmark.keys.TimeStampQuery;
import io.hallmark.provenance.http.BoundedHttp;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.channels.UnresolvedAddressException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

/**
 * Asks a time-stamp authority for one RFC 3161 time-stamp (a SHA-256 imprint of random bytes) before any
 * work that needs it starts, so that a TSA that is down, answers HTTP errors or garbage, or never answers is
 * reported up front, by name and URL, with the cause: not after minutes of encoding, and not as "the signing
 * key or certificate was rejected". Bounded: one overall deadline for the whole exchange and at most
 * {@value #MAX_RESPONSE_BYTES} bytes read. Thread-safe (stateless).
 */
public final class TsaProbe {
    /** Largest response read: a time-stamp token with its certificate chain is a few kilobytes. */
    public static final int MAX_RESPONSE_BYTES = 1 << 20;
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(15);

    private TsaProbe() {}

    /** Why a TSA cannot be used, in one sentence that names it. */
    public static final class TsaException extends IOException {
        TsaException(String url, String cause, Throwable e) {
            super("time-stamp authority " + url + " " + cause, e);
        }
    }

    /**
     * Requests a time-stamp and checks that the answer is a granted RFC 3161 response for this request.
     *
     * @throws TsaException naming the URL and the cause (refused connection, unknown host, timeout, HTTP
     *                      status, not an RFC 3161 response, request rejected)
     */
    public static void check(String url, Duration deadline) throws TsaException {
        URI uri;
        try {
            uri = URI.create(url);
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
        } catch (IllegalArgumentException e) {
            throw new TsaException(url, "is not a usable URL (" + e.getMessage() + ")", e);
        }
        byte[] imprint = new byte[32];
        new SecureRandom().nextBytes(imprint);
        TimeStampQuery query;
        try {
            query = TimeStampQuery.sha256(imprint);
        } catch (IOException e) {
            throw new TsaException(url, "could not be asked: " + e.getMessage(), e);
        }
        HttpRequest http = HttpRequest.newBuilder(uri).timeout(deadline)
                .header("Content-Type", "application/timestamp-query")
                .POST(HttpRequest.BodyPublishers.ofByteArray(query.encoded())).build();
        BoundedHttp.Answer a;
        try {
            a = new BoundedHttp(deadline).exchange(http, MAX_RESPONSE_BYTES, Instant.now().plus(deadline));
        } catch (BoundedHttp.TooLarge e) {
            throw new TsaException(url, e.getMessage(), e);
        } catch (java.net.http.HttpTimeoutException e) {
            throw new TsaException(url, "did not answer within " + deadline.toSeconds() + " s", e);
        } catch (IOException e) {
            throw new TsaException(url, cause(e), e);
        }
        if (a.status() != 200) {
            throw new TsaException(url, "answered HTTP " + a.status() + " instead of a time-stamp", null);
        }
        try {
            query.checkAnswer(a.body());
        } catch (TimeStampQuery.Refused e) {
            throw new TsaException(url, e.getMessage().startsWith("not granted")
                    ? "did not grant the time-stamp" + e.getMessage().substring("not granted".length())
                    : "answered with something that is " + e.getMessage(), e);
        }
    }

    private static String cause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException) {
                return "refused the connection (is it running, and is the port right?)";
            }
            if (t instanceof UnresolvedAddressException || t instanceof java.net.UnknownHostException) {
                return "could not be found (unknown host)";
            }
        }
        String m = e.getMessage();
        return "could not be reached: " + e.getClass().getSimpleName() + (m == null ? "" : " (" + m + ")");
    }
}
