package io.hallmark.provenance.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hallmark.fingerprint.VideoFingerprint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The C2PA Soft Binding Resolution API's answers over a {@link ManifestStore}, apart from any HTTP server, so that
 * {@link SoftBindingServer} (the JDK's server, {@code hallmark store serve}) and the verification service
 * ({@code hallmark serve}) answer alike. Shapes follow the SBR API 1.0 OpenAPI document: {@code matches} with
 * {@code manifestId} and {@code similarityScore} (0..100), {@code watermarks}/{@code fingerprints} with {@code alg}.
 * Bad input throws {@link IllegalArgumentException} with a sentence for a 400 answer. Thread-safe as the store is.
 */
public final class SoftBindingResponder {
    /** Largest {@code POST byBinding} body (a fingerprint of about an hour of video). */
    public static final int MAX_BINDING_BODY = VideoFingerprint.MAX_ENCODED_BYTES * 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * An answer to send.
     *
     * @param status      HTTP status
     * @param contentType its media type
     * @param body        its bytes
     */
    public record Answer(int status, String contentType, byte[] body) {
        static Answer json(int status, JsonNode body) {
            return new Answer(status, "application/json", body.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private final ManifestStore store;
    private final Optional<ContentResolver> resolver;

    /**
     * @param store    the manifests answered for
     * @param resolver answers {@code byContent}; without one that endpoint answers 501
     */
    public SoftBindingResponder(ManifestStore store, Optional<ContentResolver> resolver) {
        this.store = store;
        this.resolver = resolver;
    }

    /** @return {@code GET /services/supportedAlgorithms}: the watermark and the fingerprint algorithm */
    public Answer supportedAlgorithms() {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("watermarks").addObject().put("alg", SoftBindingApi.ALGORITHM);
        body.putArray("fingerprints").addObject().put("alg", VideoFingerprint.ALGORITHM);
        return Answer.json(200, body);
    }

    /**
     * {@code GET /matches/byBinding?alg=&value=&maxResults=}, or the POST form with {@code {"alg","value"}} in the
     * body (large values do not fit a URL).
     *
     * @param query    the decoded query parameters
     * @param jsonBody the POST body, or null for GET
     * @return the matches: the watermark ID exactly (score 100), or fingerprints by similarity
     * @throws IllegalArgumentException for an unknown alg, a missing or malformed value, bad maxResults
     * @throws IOException              when the store cannot be read
     */
    public Answer byBinding(Map<String, String> query, byte[] jsonBody) throws IOException {
        String alg = query.get("alg");
        String value = query.get("value");
        if (jsonBody != null) {
            JsonNode body;
            try {
                body = JSON.readTree(jsonBody);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException("the body must be JSON {\"alg\": ..., \"value\": ...}");
            }
            alg = body.path("alg").asText(null);
            value = body.path("value").asText(null);
        }
        int max = maxResults(query);
        if (value == null || !(SoftBindingApi.ALGORITHM.equals(alg) || VideoFingerprint.ALGORITHM.equals(alg))) {
            throw new IllegalArgumentException("alg must be " + SoftBindingApi.ALGORITHM + " or "
                    + VideoFingerprint.ALGORITHM + ", and value is required");
        }
        ObjectNode body = JSON.createObjectNode();
        ArrayNode matches = body.putArray("matches");
        if (SoftBindingApi.ALGORITHM.equals(alg)) {
            // an exact watermark ID: the binding itself is identical
            store.findByPayload(SoftBindingApi.payloadOf(value)).stream().limit(max).forEach(m ->
                    matches.addObject().put("manifestId", m.manifestId()).put("similarityScore", 100));
        } else {
            for (FingerprintMatch m : store.findByFingerprint(fingerprintValue(value), max)) {
                matches.addObject().put("manifestId", m.manifestId()).put("similarityScore", m.similarityScore());
            }
        }
        return Answer.json(200, body);
    }

    /**
     * {@code POST /matches/byContent}: the uploaded file's watermark, store-assisted ID and fingerprint.
     *
     * @param upload the file, already received
     * @param query  the decoded query parameters ({@code maxResults})
     * @return the matches, each with the method that found it ({@code hallmark.method}); 501 without a resolver
     * @throws IOException when the store cannot be read
     */
    public Answer byContent(Path upload, Map<String, String> query) throws IOException {
        int max = maxResults(query);
        if (resolver.isEmpty()) {
            return Answer.json(501, JSON.createObjectNode().put("error",
                    "this server holds no watermark key: byContent is off"));
        }
        ObjectNode body = JSON.createObjectNode();
        ArrayNode matches = body.putArray("matches");
        for (ContentResolver.Match m : resolver.get().resolve(upload, max)) {
            ObjectNode match = matches.addObject().put("manifestId", m.manifestId())
                    .put("similarityScore", m.similarityScore()).put("hallmark.method", m.method());
            m.keyId().ifPresent(id -> match.put("hallmark.keyId", id));
            m.contentCheck().ifPresent(c -> match.put("hallmark.contentCheck", c.name()));
            if (!m.geometry().equals(io.hallmark.fingerprint.Reorientation.NONE)) {
                match.putObject("hallmark.geometry").put("rotationDegrees", m.geometry().rotationDegrees())
                        .put("stretchX", m.geometry().stretchX()).put("mirrored", m.geometry().mirrored());
            }
        }
        return Answer.json(200, body);
    }

    /** @return true when {@code byContent} can answer (a watermark key is held) */
    public boolean answersByContent() {
        return resolver.isPresent();
    }

    /**
     * {@code GET /manifests/{manifestId}?returnActiveManifest=}: the whole manifest store (the default), or with
     * {@code returnActiveManifest=true} a store holding only its active manifest, byte for byte as signed
     * ({@link io.hallmark.provenance.internal.JumbfManifestStore#activeManifestOnly}).
     *
     * @param manifestId the decoded id
     * @param query      the decoded query parameters
     * @return the manifest store as {@code application/c2pa}, or 404
     * @throws IllegalArgumentException when returnActiveManifest is neither true nor false
     * @throws IOException              when the store cannot be read, or holds bytes that are not a manifest store
     */
    public Answer manifest(String manifestId, Map<String, String> query) throws IOException {
        String activeOnly = query.getOrDefault("returnActiveManifest", "false");
        if (!activeOnly.equals("true") && !activeOnly.equals("false")) {
            throw new IllegalArgumentException("returnActiveManifest must be true or false");
        }
        Optional<StoredManifest> m = store.findById(manifestId);
        if (m.isEmpty()) {
            return Answer.json(404, JSON.createObjectNode().put("error", "no such manifest"));
        }
        byte[] bytes = m.get().manifestStore();
        if (activeOnly.equals("true")) {
            try {
                bytes = io.hallmark.provenance.internal.JumbfManifestStore.activeManifestOnly(bytes);
            } catch (IllegalArgumentException e) { // our own stored bytes: a server fault, not the client's
                throw new IOException("stored manifest " + manifestId + " is not a manifest store: " + e.getMessage(), e);
            }
        }
        return new Answer(200, "application/c2pa", bytes);
    }

    static int maxResults(Map<String, String> q) {
        int max;
        try {
            max = Integer.parseInt(q.getOrDefault("maxResults", "10"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("maxResults must be a number 1..100");
        }
        if (max < 1 || max > 100) {
            throw new IllegalArgumentException("maxResults must be 1..100");
        }
        return max;
    }

    /** A fingerprint value from a query: malformed input is the client's error (400), not the server's. */
    private static VideoFingerprint fingerprintValue(String value) {
        try {
            return VideoFingerprint.decode(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("value is not a " + VideoFingerprint.ALGORITHM + " fingerprint");
        }
    }
}
