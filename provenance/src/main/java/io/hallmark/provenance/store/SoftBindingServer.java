package io.hallmark.provenance.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.hallmark.provenance.http.BoundedUpload;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves a {@link ManifestStore} as a C2PA Soft Binding Resolution API (subset) on loopback:
 * {@code GET|POST /matches/byBinding} (the watermark ID, or a content fingerprint with a real similarity
 * score), {@code POST /matches/byContent} (an uploaded file, when a {@link ContentResolver} is given),
 * {@code GET /manifests/{id}}, {@code GET /services/supportedAlgorithms}. Authentication (the spec's OAuth2
 * scope {@code fetch:manifests}) belongs to the deployment in front of it.
 */
public final class SoftBindingServer implements AutoCloseable {
    /** Largest upload {@code byContent} accepts. */
    public static final long MAX_UPLOAD_BYTES = 512L << 20;
    /** Requests handled at once; more wait in the queue. */
    static final int THREADS = 16;
    /** Longest a client may take to send its request, and to take the answer (JDK server limits). */
    static final int REQUEST_SECONDS = 30;
    static final int RESPONSE_SECONDS = 300;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private ExecutorService pool;
    private final SoftBindingResponder responder;

    private SoftBindingServer(HttpServer server, ManifestStore store, Optional<ContentResolver> resolver) {
        this.server = server;
        this.responder = new SoftBindingResponder(store, resolver);
    }

    public static SoftBindingServer start(ManifestStore store, int port) throws IOException {
        return start(store, port, Optional.empty());
    }

    /** @param resolver answers {@code byContent}; without one that endpoint says 501 Not Implemented */
    public static SoftBindingServer start(ManifestStore store, int port, Optional<ContentResolver> resolver)
            throws IOException {
        // The JDK server's limits on reading a request and writing a response (read once, at its first use):
        // a client that sends half a request is dropped after REQUEST_SECONDS.
        System.setProperty("sun.net.httpserver.maxReqTime", System.getProperty("sun.net.httpserver.maxReqTime",
                Integer.toString(REQUEST_SECONDS)));
        System.setProperty("sun.net.httpserver.maxRspTime", System.getProperty("sun.net.httpserver.maxRspTime",
                Integer.toString(RESPONSE_SECONDS)));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 32);
        SoftBindingServer s = new SoftBindingServer(server, store, resolver);
        server.createContext("/", s::handle);
        // Requests are read and answered on a pool, not on the server's one dispatcher thread: without an
        // executor, one client that sent half a request blocked every other client.
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "soft-binding-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        s.pool = pool;
        server.start();
        return s;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        // Not try-with-resources: that closes the exchange before the catch below could still answer 400
        // (bad input was dropped without an answer).
        try {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            boolean post = method.equals("POST");
            Map<String, String> q = query(ex.getRequestURI().getRawQuery());
            if (!method.equals("GET") && !post) {
                send(ex, 405, "application/json", "{\"error\":\"GET or POST only\"}".getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/services/supportedAlgorithms")) {
                send(ex, responder.supportedAlgorithms());
            } else if (path.equals("/matches/byBinding")) {
                send(ex, responder.byBinding(q, post ? readBounded(ex, SoftBindingResponder.MAX_BINDING_BODY) : null));
            } else if (path.equals("/matches/byContent")) {
                if (!post) {
                    send(ex, 405, "application/json", "{\"error\":\"POST the file as the body\"}".getBytes(StandardCharsets.UTF_8));
                } else if (!responder.answersByContent()) {
                    send(ex, responder.byContent(null, q));
                } else {
                    byContent(ex, q);
                }
            } else if (path.startsWith("/manifests/")) {
                send(ex, responder.manifest(URLDecoder.decode(path.substring("/manifests/".length()), StandardCharsets.UTF_8), q));
            } else {
                send(ex, 404, "application/json", "{\"error\":\"unknown path\"}".getBytes(StandardCharsets.UTF_8));
            }
        } catch (RuntimeException e) {
            send(ex, 400, "application/json", JSON.writeValueAsBytes(Map.of("error", String.valueOf(e.getMessage()))));
        } finally {
            ex.close();
        }
    }

    private void byContent(HttpExchange ex, Map<String, String> q) throws IOException {
        SoftBindingResponder.maxResults(q); // a bad query is refused before the upload is read
        String declared = ex.getRequestHeaders().getFirst("Content-Length");
        Path upload;
        try {
            // the JDK server's own request time limit bounds a slow client
            upload = BoundedUpload.receive(ex.getRequestBody(), declared == null ? -1 : Long.parseLong(declared.strip()),
                    MAX_UPLOAD_BYTES, Long.MAX_VALUE);
        } catch (BoundedUpload.TooLarge e) {
            send(ex, 413, "application/json", ("{\"error\":\"upload larger than " + MAX_UPLOAD_BYTES
                    + " bytes\"}").getBytes(StandardCharsets.UTF_8));
            return;
        }
        try {
            send(ex, responder.byContent(upload, q));
        } finally {
            BoundedUpload.delete(upload);
        }
    }

    private static byte[] readBounded(HttpExchange ex, int limit) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            byte[] body = in.readNBytes(limit + 1);
            if (body.length > limit) {
                throw new IllegalArgumentException("request body larger than " + limit + " bytes");
            }
            return body;
        }
    }

    /** Parses a query string as the server does (decoded names and values; malformed escapes throw IllegalArgumentException). */
    public static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw == null) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                try {
                    q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) { // URLDecoder's own message names the class
                    throw new IllegalArgumentException("the query has a malformed %-escape");
                }
            }
        }
        return q;
    }

    private static void send(HttpExchange ex, SoftBindingResponder.Answer a) throws IOException {
        send(ex, a.status(), a.contentType(), a.body());
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
