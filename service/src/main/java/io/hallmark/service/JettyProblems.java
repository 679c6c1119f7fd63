package io.hallmark.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answers Jetty gives itself, before any route runs (414 URI too long, 431 headers too large, 400 for a request
 * it cannot parse, 413 for a body over its own limits), as RFC 9457 problems like every other error of the service,
 * never Jetty's HTML page or a class name. Thread-safe (stateless).
 */
final class JettyProblems extends ErrorHandler {
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, "application/problem+json"));
        fields.put(new HttpField(HttpHeader.CONNECTION, "close"));
        return ByteBuffer.wrap(body(status, null).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
        response.write(true, ByteBuffer.wrap(body(code, Request.getPathInContext(request)).getBytes(StandardCharsets.UTF_8)),
                callback);
    }

    private static String body(int status, String path) {
        String title = switch (status) {
            case 400 -> "The request is malformed";
            case 413 -> "The request is larger than this service accepts";
            case 414 -> "The request URI is too long";
            case 431 -> "The request's headers are too large";
            default -> status >= 500 ? "The service failed" : "The request was refused";
        };
        com.fasterxml.jackson.databind.node.ObjectNode p = new com.fasterxml.jackson.databind.ObjectMapper()
                .createObjectNode().put("type", Problem.TYPE_BASE + "http-" + status).put("title", title)
                .put("status", status).put("detail", title + " (HTTP " + status + ")");
        if (path != null) {
            p.put("instance", path);
        }
        return p.toString();
    }
}
