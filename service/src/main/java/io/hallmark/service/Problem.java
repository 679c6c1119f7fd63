package io.hallmark.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;

/**
 * An error answer as RFC 9457 "Problem Details for HTTP APIs" gives it ({@code application/problem+json}: type,
 * title, status, detail, instance). Thrown by handlers; the service turns it into the response. Immutable.
 */
public final class Problem extends RuntimeException {
    static final String TYPE_BASE = "https://hallmark.example/problems/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int status;
    private final String slug;
    private final String title;
    private final String retryAfterSeconds;

    /**
     * @param status the HTTP status
     * @param slug   the problem type's last path segment, e.g. "upload-too-large"
     * @param title  a short, fixed summary of the type
     * @param detail what happened in this request
     */
    public Problem(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, null);
    }

    private Problem(int status, String slug, String title, String detail, String retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** @param seconds when to try again @return this problem with a Retry-After header */
    public Problem retryAfter(int seconds) {
        return new Problem(status, slug, title, getMessage(), Integer.toString(seconds));
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** Writes this problem as the response to {@code ctx}. @param ctx the request */
    void answer(Context ctx) {
        ObjectNode body = JSON.createObjectNode();
        body.put("type", TYPE_BASE + slug);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", getMessage());
        body.put("instance", ctx.path());
        if (retryAfterSeconds != null) {
            ctx.header("Retry-After", retryAfterSeconds);
        }
        if (status == 413) {
            // answered before the whole body was read: the connection cannot carry another request
            ctx.header("Connection", "close");
        }
        ctx.status(status).contentType("application/problem+json").result(body.toString());
    }

    static Problem badRequest(String detail) {
        return new Problem(400, "bad-request", "The request is malformed", detail);
    }

    static Problem notFound(String detail) {
        return new Problem(404, "not-found", "No such resource", detail);
    }
}
