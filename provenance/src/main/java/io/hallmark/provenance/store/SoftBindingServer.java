package io.hallmark.provenance.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Serves a {@link ManifestStore} as a C2PA Soft Binding Resolution API (read-only subset) on loopback:
 * {@code GET /matches/byBinding}, {@code GET /manifests/{id}}, {@code GET /services/supportedAlgorithms}.
 * Authentication (the spec's OAuth2 scope {@code fetch:manifests}) belongs to the deployment in front of it.
 */
public final class SoftBindingServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final ManifestStore store;

    private SoftBindingServer(HttpServer server, ManifestStore store) {
        this.server = server;
        this.store = store;
    }

    public static SoftBindingServer start(ManifestStore store, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 32);
        SoftBindingServer s = new SoftBindingServer(server, store);
        server.createContext("/", s::handle);
        server.start();
        return s;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            if (!ex.getRequestMethod().equals("GET")) {
                send(ex, 405, "application/json", "{\"error\":\"GET only\"}".getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/services/supportedAlgorithms")) {
                ObjectNode body = JSON.createObjectNode();
                body.putArray("watermarks").addObject().put("alg", SoftBindingApi.ALGORITHM);
                body.putArray("fingerprints");
                send(ex, 200, "application/json", JSON.writeValueAsBytes(body));
            } else if (path.equals("/matches/byBinding")) {
                Map<String, String> q = query(ex.getRequestURI().getRawQuery());
                if (!SoftBindingApi.ALGORITHM.equals(q.get("alg")) || q.get("value") == null) {
                    send(ex, 400, "application/json", "{\"error\":\"alg must be io.hallmark.watermark.1 and value is required\"}"
                            .getBytes(StandardCharsets.UTF_8));
                    return;
                }
                int max = Integer.parseInt(q.getOrDefault("maxResults", "10"));
                List<StoredManifest> found = store.findByPayload(SoftBindingApi.payloadOf(q.get("value")));
                ObjectNode body = JSON.createObjectNode();
                ArrayNode matches = body.putArray("matches");
                found.stream().limit(Math.max(0, max)).forEach(m ->
                        matches.addObject().put("manifestId", m.manifestId()).put("similarityScore", 100));
                send(ex, 200, "application/json", JSON.writeValueAsBytes(body));
            } else if (path.startsWith("/manifests/")) {
                String id = URLDecoder.decode(path.substring("/manifests/".length()), StandardCharsets.UTF_8);
                Optional<StoredManifest> m = store.findById(id);
                if (m.isEmpty()) {
                    send(ex, 404, "application/json", "{\"error\":\"no such manifest\"}".getBytes(StandardCharsets.UTF_8));
                } else {
                    send(ex, 200, "application/c2pa", m.get().manifestStore());
                }
            } else {
                send(ex, 404, "application/json", "{\"error\":\"unknown path\"}".getBytes(StandardCharsets.UTF_8));
            }
        } catch (RuntimeException e) {
            send(ex, 400, "application/json", JSON.writeValueAsBytes(Map.of("error", String.valueOf(e.getMessage()))));
        }
    }

    static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw == null) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
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
    }
}
