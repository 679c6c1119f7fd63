package io.hallmark.provenance.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Looks payloads up in a remote C2PA Soft Binding Resolution API: byBinding, then the manifest bytes.
 * Answers are bounded (matches and manifest size) because the service is not necessarily ours.
 */
public final class SoftBindingClient implements ManifestLookup {
    static final int MAX_MATCHES = 10;
    static final long MAX_MANIFEST_BYTES = 32L << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public SoftBindingClient(String baseUrl) {
        if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
            throw new IllegalArgumentException("store URL must be http(s): " + baseUrl);
        }
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Override
    public List<StoredManifest> findByPayload(String payloadHex) throws IOException {
        String url = base + "/matches/byBinding?alg=" + enc(SoftBindingApi.ALGORITHM) + "&value="
                + enc(SoftBindingApi.valueOf(payloadHex)) + "&maxResults=" + MAX_MATCHES;
        HttpResponse<byte[]> answer = get(url);
        if (answer.statusCode() != 200) {
            throw new IOException("soft binding service " + base + " answered " + answer.statusCode());
        }
        JsonNode matches = JSON.readTree(answer.body()).path("matches");
        List<StoredManifest> found = new ArrayList<>();
        for (JsonNode match : matches) {
            if (found.size() >= MAX_MATCHES) {
                break;
            }
            String id = match.path("manifestId").asText(null);
            if (id == null) {
                continue;
            }
            HttpResponse<byte[]> manifest = get(base + "/manifests/" + enc(id));
            if (manifest.statusCode() == 200 && manifest.body().length > 0 && manifest.body().length <= MAX_MANIFEST_BYTES) {
                found.add(new StoredManifest(id, payloadHex, SoftBindingApi.ALGORITHM, null, Instant.EPOCH,
                        manifest.body(), null, null));
            }
        }
        return found;
    }

    private HttpResponse<byte[]> get(String url) throws IOException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public String describe() {
        return base;
    }

    @Override
    public void close() {
        // HttpClient needs no closing on Java 17
    }
}
