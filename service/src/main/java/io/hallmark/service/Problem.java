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
    private final boolean closing;

    /**
     * @param status the HTTP status
     * @param slug   the problem type's last path segment, e.g. "upload-too-large"
     * @param title  a short, fixed summary of the type
     * @param detail what happened in this request
     */
    public Problem(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, null, false);
    }

    private Problem(int status, String slug, String title, String detail, String retryAfterSeconds, boolean closing) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.retryAfterSeconds = retryAfterSeconds;
        this.closing = closing;
    }

    /** @param seconds when to try again @return this problem with a Retry-After header */
    public Problem retryAfter(int seconds) {
        return new Problem(status, slug, title, getMessage(), Integer.toString(seconds), closing);
    }

    /** @return this problem answered with {@code Connection: close} (the request's body was not read) */
    Problem closing() {
        return new Problem(status, slug, title, getMessage(), retryAfterSeconds, true);
    }

    /**
     * The problem an unexpected exception is answered with. Clients are told what they can act on and nothing of the
     * service's internals (no class names, no database or pool messages); the operator's log gets the whole exception
     * under an incident id that the answer quotes.
     * <ul>
     *   <li>the manifest store cannot be reached: 503 with Retry-After;</li>
     *   <li>a registration under a manifest id the store already holds with other bytes: 409;</li>
     *   <li>the request body ended early (the client stopped sending): 400;</li>
     *   <li>anything else: 500.</li>
     * </ul>
     *
     * @param e what a handler threw
     * @return the problem to answer
     */
    static Problem of(Throwable e) {
        if (e instanceof io.hallmark.provenance.store.LookupUnavailable) {
            System.err.println("hallmark serve: a manifest look-up could not be made: " + rootMessage(e));
            return new Problem(503, "store-unavailable", "The manifest store is unavailable",
                    "the service cannot reach its manifest store right now; try again shortly").retryAfter(10);
        }
        if (e instanceof io.hallmark.provenance.store.ManifestStore.ManifestExists exists) {
            return new Problem(409, "manifest-exists", "A different manifest is registered under this id",
                    "the store already holds another manifest under " + exists.manifestId() + "; manifests are never"
                            + " replaced: sign again to get a new manifest id");
        }
        if (e instanceof io.hallmark.provenance.http.BoundedUpload.Truncated || e instanceof java.io.EOFException
                || e.getCause() instanceof java.io.EOFException) {
            return badRequest("the request body ended before it was complete");
        }
        String incident = java.util.UUID.randomUUID().toString();
        System.err.println("hallmark serve: incident " + incident + ":");
        e.printStackTrace();
        return new Problem(500, "internal-error", "The service failed",
                "an internal error occurred; the operator can find it in the log under incident " + incident);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
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
        if (status == 413 || closing) {
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
