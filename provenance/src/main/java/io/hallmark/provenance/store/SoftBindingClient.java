package io.hallmark.provenance.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import io.hallmark.provenance.http.BoundedHttp;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Looks payloads up in a remote C2PA Soft Binding Resolution API: byBinding, then the manifest bytes.
 * Everything is bounded because the service is not necessarily ours: at most {@value #MAX_MATCHES} matches,
 * {@value #MAX_QUERY_BYTES} bytes of query answer and {@link #MAX_MANIFEST_BYTES} per manifest ever read, and
 * one deadline ({@link #LOOKUP_DEADLINE}) for the whole look-up, bodies included (a service sending one byte
 * a second, or 2 GB, ends at the limit). What it returns is only a candidate: the verifier validates each
 * manifest with c2pa-rs and checks its soft binding and content. Thread-safe.
 */
public final class SoftBindingClient implements ManifestLookup, ManifestRegistry {
    static final int MAX_MATCHES = 10;
    static final int MAX_MANIFEST_BYTES = 32 << 20;
    static final int MAX_QUERY_BYTES = 1 << 20;
    static final Duration LOOKUP_DEADLINE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final BoundedHttp http = new BoundedHttp(Duration.ofSeconds(10));
    private final Duration deadline;
    private final int maxQueryBytes;
    private final int maxManifestBytes;
    private final Optional<String> apiKey;

    public SoftBindingClient(String baseUrl) {
        this(baseUrl, LOOKUP_DEADLINE, MAX_QUERY_BYTES, MAX_MANIFEST_BYTES);
    }

    /** A client with its own bounds: one deadline per look-up, bytes per query answer and per manifest. */
    public SoftBindingClient(String baseUrl, Duration deadline, int maxQueryBytes, int maxManifestBytes) {
        this(baseUrl, deadline, maxQueryBytes, maxManifestBytes, Optional.empty());
    }

    /**
     * @param apiKey sent as {@code Authorization: Bearer KEY} on every request (a service's API key), or empty
     */
    public SoftBindingClient(String baseUrl, Duration deadline, int maxQueryBytes, int maxManifestBytes,
                             Optional<String> apiKey) {
        this.apiKey = apiKey;
        this.deadline = deadline;
        this.maxQueryBytes = maxQueryBytes;
        this.maxManifestBytes = maxManifestBytes;
        if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
            throw new IllegalArgumentException("store URL must be http(s): " + baseUrl);
        }
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Override
    public List<StoredManifest> findByPayload(String payloadHex) throws IOException {
        String url = base + "/matches/byBinding?alg=" + enc(SoftBindingApi.ALGORITHM) + "&value="
                + enc(SoftBindingApi.valueOf(payloadHex)) + "&maxResults=" + MAX_MATCHES;
        Instant until = Instant.now().plus(deadline);
        BoundedHttp.Answer answer = get(url, maxQueryBytes, until);
        if (answer.status() != 200) {
            throw new IOException("soft binding service " + base + " answered " + answer.status());
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
            fetchManifest(id, until).ifPresent(bytes -> found.add(new StoredManifest(id, payloadHex,
                    SoftBindingApi.ALGORITHM, null, Instant.EPOCH, bytes, null, null)));
        }
        return found;
    }

    /**
     * One match of {@link #findByContent}.
     *
     * @param manifestId      the manifest's id
     * @param similarityScore 0..100
     * @param method          how the resolver found it ({@code watermark}, {@code store-assisted}, {@code fingerprint},
     *                        {@code embedded}), or "" when it did not say
     * @param geometry        how the file was turned relative to the signed content as the resolver's mark showed it
     *                        ({@code hallmark.geometry}; none when it did not say): the orientation its content check used
     * @param contentCheck    for a match through the watermark, what the resolver's content check said
     *                        ({@code hallmark.contentCheck}: MATCH, INCONCLUSIVE or MISMATCH); empty when it did not say
     */
    public record ContentMatch(String manifestId, int similarityScore, String method,
                               io.hallmark.fingerprint.Reorientation geometry,
                               java.util.Optional<io.hallmark.fingerprint.ContentComparison.Decision> contentCheck) {
        public ContentMatch(String manifestId, int similarityScore, String method) {
            this(manifestId, similarityScore, method, io.hallmark.fingerprint.Reorientation.NONE, java.util.Optional.empty());
        }
    }

    /**
     * {@code POST /matches/byContent}: sends the file to a resolver that holds the watermark key.
     *
     * @param file       the file, sent as the body
     * @param maxResults 1..100
     * @return its matches, best first
     * @throws IOException for a refused, failed, oversize or late answer (the message names the service)
     */
    private static double clamp(double v, double lo, double hi) {
        return Double.isFinite(v) ? Math.max(lo, Math.min(hi, v)) : (lo + hi) / 2;
    }

    public List<ContentMatch> findByContent(Path file, int maxResults) throws IOException {
        Instant until = Instant.now().plus(deadline);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/matches/byContent?maxResults=" + maxResults))
                .timeout(deadline).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofFile(file));
        BoundedHttp.Answer answer = exchange(request, maxQueryBytes, until);
        if (answer.status() != 200) {
            throw new IOException("soft binding service " + base + " answered " + answer.status() + " to byContent");
        }
        List<ContentMatch> found = new ArrayList<>();
        for (JsonNode m : JSON.readTree(answer.body()).path("matches")) {
            String id = m.path("manifestId").asText(null);
            if (id != null && found.size() < maxResults) {
                JsonNode g = m.path("hallmark.geometry");
                io.hallmark.fingerprint.Reorientation turned = !g.isObject() ? io.hallmark.fingerprint.Reorientation.NONE
                        : new io.hallmark.fingerprint.Reorientation(clamp(g.path("rotationDegrees").asDouble(0), -45, 45),
                                clamp(g.path("stretchX").asDouble(1), 0.51, 1.99), g.path("mirrored").asBoolean(false));
                String check = m.path("hallmark.contentCheck").asText("");
                found.add(new ContentMatch(id, m.path("similarityScore").asInt(0), m.path("hallmark.method").asText(""), turned,
                        java.util.Arrays.stream(io.hallmark.fingerprint.ContentComparison.Decision.values())
                                .filter(d -> d.name().equals(check)).findFirst()));
            }
        }
        return found;
    }

    /**
     * Registers a signed manifest with the service ({@code POST /v1/manifests}, scope {@code write:manifests}): the
     * manifest store (base64) with its watermark payload and content fingerprint, as {@code hallmark serve} takes it.
     *
     * @param m what was signed
     * @throws IOException when the service refuses it or cannot be reached (the message names the service)
     */
    @Override
    public void put(StoredManifest m) throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode body = JSON.createObjectNode();
        body.put("manifestId", m.manifestId());
        body.put("payloadHex", m.payloadHex());
        body.put("algorithm", m.algorithm());
        body.put("title", m.title());
        body.put("signedAt", m.signedAt() == null ? null : m.signedAt().toString());
        body.put("fingerprint", m.fingerprint());
        body.put("reportJson", m.reportJson());
        body.put("manifestStore", java.util.Base64.getEncoder().encodeToString(m.manifestStore()));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/v1/manifests")).timeout(deadline)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        BoundedHttp.Answer answer = exchange(request, maxQueryBytes, Instant.now().plus(deadline));
        if (answer.status() != 201 && answer.status() != 200) {
            throw new IOException("soft binding service " + base + " refused the manifest (HTTP " + answer.status() + "): "
                    + new String(answer.body(), StandardCharsets.UTF_8));
        }
    }

    /**
     * {@code GET /manifests/{id}}.
     *
     * @param manifestId the manifest's id
     * @return its manifest store bytes, or empty when the service has none
     * @throws IOException for a failed, oversize or late answer
     */
    public Optional<byte[]> fetchManifest(String manifestId) throws IOException {
        return fetchManifest(manifestId, Instant.now().plus(deadline));
    }

    private Optional<byte[]> fetchManifest(String id, Instant until) throws IOException {
        BoundedHttp.Answer manifest = get(base + "/manifests/" + enc(id), maxManifestBytes, until);
        return manifest.status() == 200 && manifest.body().length > 0 ? Optional.of(manifest.body()) : Optional.empty();
    }

    private BoundedHttp.Answer get(String url, int maxBytes, Instant until) throws IOException {
        return exchange(HttpRequest.newBuilder(URI.create(url)).timeout(deadline).GET(), maxBytes, until);
    }

    private BoundedHttp.Answer exchange(HttpRequest.Builder request, int maxBytes, Instant until) throws IOException {
        apiKey.ifPresent(k -> request.header("Authorization", "Bearer " + k));
        BoundedHttp.Answer answer;
        try {
            answer = http.exchange(request.build(), maxBytes, until);
        } catch (BoundedHttp.TooLarge e) {
            throw new IOException("soft binding service " + base + " " + e.getMessage(), e);
        } catch (java.net.http.HttpTimeoutException e) {
            throw new LookupUnavailable("soft binding service " + base + " gave no complete answer within "
                    + deadline.toSeconds() + " s", e);
        } catch (java.net.ConnectException | java.nio.channels.ClosedChannelException e) {
            throw new LookupUnavailable("soft binding service " + base + " cannot be reached", e);
        }
        if (TRANSIENT.contains(answer.status())) {
            throw new LookupUnavailable("soft binding service " + base + " answered " + answer.status()
                    + " (overloaded or unavailable: try again later)", null);
        }
        return answer;
    }

    /** Answers that say "not now" rather than anything about the file. */
    private static final java.util.Set<Integer> TRANSIENT = java.util.Set.of(429, 500, 502, 503, 504);

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
