package io.hallmark.service;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The newsroom page at {@code /}: one HTML file, its script, style sheet and English strings, all from this jar
 * ({@code web/}), sent with a Content Security Policy that lets the page load nothing from any other site (no CDN,
 * no tracking: it works offline). Thread-safe.
 */
final class WebPage {
    /** The assets under {@code /web/} and their media types; anything else is 404. */
    private static final Map<String, String> ASSETS = Map.of(
            "app.js", "text/javascript; charset=utf-8",
            "app.css", "text/css; charset=utf-8",
            "strings.en.json", "application/json; charset=utf-8",
            "icon.svg", "image/svg+xml");
    private static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob:;"
            + " connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";
    private static final Map<String, byte[]> CACHE = new ConcurrentHashMap<>();

    private WebPage() {}

    /** {@code GET /}. */
    static void index(Context ctx) {
        send(ctx, "index.html", "text/html; charset=utf-8");
    }

    /** {@code GET /web/{asset}}. */
    static void asset(Context ctx) {
        String name = ctx.pathParam("asset");
        String type = ASSETS.get(name);
        if (type == null) {
            throw Problem.notFound("the page has no asset " + name);
        }
        send(ctx, name, type);
    }

    private static void send(Context ctx, String name, String type) {
        byte[] body = CACHE.computeIfAbsent(name, WebPage::load);
        ctx.header("Content-Security-Policy", POLICY).header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer").header("Cache-Control", "no-cache")
                .contentType(type).result(body);
    }

    private static byte[] load(String name) {
        try (InputStream in = WebPage.class.getResourceAsStream("web/" + name)) {
            if (in == null) {
                throw new IllegalStateException("web/" + name + " is missing from the service jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
