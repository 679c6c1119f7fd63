package io.hallmark.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallmark.HallmarkConfig;
import io.hallmark.fingerprint.VideoFingerprint;
import io.hallmark.provenance.ProvenanceReader;
import io.hallmark.provenance.report.C2paReport;
import io.hallmark.provenance.store.ManifestStore;
import io.hallmark.provenance.store.RegistrationCheck;
import io.hallmark.provenance.store.SoftBindingApi;
import io.hallmark.provenance.store.StoredManifest;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * {@code POST /v1/manifests}: a publisher's signing pipeline records what it signed ({@code certify/generate --store
 * URL}). A registration is what every verifier recovering through this store will trust, so it is checked
 * ({@link RegistrationCheck}: a manifest store c2pa-rs validates, whose active manifest, soft binding and fingerprint
 * are those registered), kept append-only (an id already held with other bytes is 409, the same bytes again 200; a
 * watermark payload already registered for another manifest is 409, so that no registrar can divert the recovery of
 * someone else's copies; the time it was signed is the manifest's, not the caller's), and
 * written to the log as an audit line (who registered which id, payload and manifest digest). Thread-safe: c2pa-rs
 * reads are serialized.
 */
final class Registrations {
    /** The largest registration body, bytes: a manifest store with its thumbnails is well under this. */
    static final int MAX_BODY = 16 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ManifestStore store;
    private final HallmarkConfig config;
    private final Object readerLock = new Object();
    private ProvenanceReader reader;

    Registrations(ManifestStore store, HallmarkConfig config) {
        this.store = store;
        this.config = config;
    }

    /**
     * @param ctx  the request (its caller attribute names the key)
     * @param body the JSON body: manifestId, manifestStore (base64), payloadHex, algorithm, title, signedAt, fingerprint
     * @throws Problem     400 for a malformed body, 422 for a manifest store that does not hold, 409 for a taken id
     * @throws IOException when the store cannot be written (503 when it cannot be reached)
     */
    void register(Context ctx, byte[] body) throws IOException {
        StoredManifest m = parse(body);
        C2paReport report;
        try {
            report = check(m);
        } catch (RegistrationCheck.Rejected e) {
            audit(ctx, m, "refused", e.getMessage());
            throw new Problem(422, "manifest-refused", "The manifest store does not hold", e.getMessage());
        }
        // when it was signed is the manifest's to say (its time-stamp, else its first action), never the caller's:
        // the look-up by payload lists the newest first
        m = new StoredManifest(m.manifestId(), m.payloadHex(), m.algorithm(), m.title(), signedAt(report), m.manifestStore(),
                m.reportJson(), m.fingerprint());
        boolean existed;
        synchronized (this) { // the payload check and the write as one step
            existed = store.findById(m.manifestId()).isPresent();
            if (!existed && m.payloadHex() != null) {
                String payload = m.payloadHex();
                String id = m.manifestId();
                java.util.Optional<StoredManifest> bound = store.findByPayload(payload).stream()
                        .filter(other -> !other.manifestId().equals(id)).findFirst();
                if (bound.isPresent()) {
                    audit(ctx, m, "conflict", "the payload is bound to " + bound.get().manifestId());
                    throw new Problem(409, "payload-bound", "This watermark payload belongs to another manifest",
                            "the payload " + payload + " is already registered for " + bound.get().manifestId()
                                    + "; a payload names one manifest, so copies always recover the one first registered");
                }
            }
            try {
                store.put(m);
            } catch (ManifestStore.ManifestExists e) {
                audit(ctx, m, "conflict", "a different manifest is stored under this id");
                throw e;
            }
        }
        audit(ctx, m, existed ? "unchanged" : "registered", report.signer().orElse("unknown signer"));
        ctx.status(existed ? 200 : 201)
                .header("Location", "/manifests/" + java.net.URLEncoder.encode(m.manifestId(), StandardCharsets.UTF_8))
                .contentType("application/json").result(JSON.createObjectNode().put("manifestId", m.manifestId())
                        .put("created", !existed).toString());
    }

    /** The manifest's own time: the time-stamp authority's, else the time of its first action, else now. */
    private static Instant signedAt(C2paReport report) {
        for (java.util.Optional<String> t : java.util.List.of(report.signedAt(), report.actionTime())) {
            if (t.isPresent()) {
                try {
                    return java.time.OffsetDateTime.parse(t.get()).toInstant();
                } catch (java.time.format.DateTimeParseException e) {
                    // not an RFC 3339 time: try the next
                }
            }
        }
        return Instant.now();
    }

    private C2paReport check(StoredManifest m) throws RegistrationCheck.Rejected, IOException {
        synchronized (readerLock) {
            if (reader == null) {
                reader = new ProvenanceReader(config.trust().resolve(config.home()));
            }
            return RegistrationCheck.check(m, reader);
        }
    }

    /** The registration as the store keeps it; reportJson is c2pa-rs's own reading at registration, not the caller's. */
    private static StoredManifest parse(byte[] raw) {
        JsonNode body;
        try {
            body = JSON.readTree(raw);
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            throw Problem.badRequest("the body must be a JSON object: manifestId, manifestStore (base64), payloadHex, "
                    + "algorithm, title, signedAt, fingerprint");
        }
        String id = body.path("manifestId").asText("");
        if (!id.matches("urn:(c2pa|uuid):[0-9A-Za-z:._-]{1,200}")) {
            throw Problem.badRequest("manifestId must be a C2PA manifest label (urn:c2pa:... or urn:uuid:...)");
        }
        byte[] manifestStore;
        try {
            manifestStore = Base64.getDecoder().decode(body.path("manifestStore").asText(""));
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("manifestStore must be base64");
        }
        String payload = body.path("payloadHex").isTextual() ? body.path("payloadHex").asText() : null;
        if (manifestStore.length == 0 || payload != null && !payload.matches("[0-9a-f]{16}")) {
            throw Problem.badRequest("manifestStore is required, and payloadHex is 16 lower-case hex digits");
        }
        String fingerprint = body.path("fingerprint").isTextual() ? body.path("fingerprint").asText() : null;
        if (fingerprint != null) {
            try {
                VideoFingerprint.decode(fingerprint);
            } catch (RuntimeException e) {
                throw Problem.badRequest("fingerprint is not a " + VideoFingerprint.ALGORITHM + " value");
            }
        }
        Instant signedAt;
        try {
            signedAt = body.path("signedAt").isTextual() ? Instant.parse(body.path("signedAt").asText()) : Instant.now();
        } catch (java.time.format.DateTimeParseException e) {
            throw Problem.badRequest("signedAt must be an ISO-8601 instant");
        }
        String algorithm = payload == null ? body.path("algorithm").asText(null)
                : body.path("algorithm").asText(SoftBindingApi.ALGORITHM);
        return new StoredManifest(id, payload, algorithm, body.path("title").asText(null), signedAt, manifestStore,
                body.path("reportJson").isTextual() ? body.path("reportJson").asText() : "{}", fingerprint);
    }

    /** One JSON line on stderr: who registered (or tried to register) what. */
    private static void audit(Context ctx, StoredManifest m, String outcome, String detail) {
        String digest;
        try {
            digest = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(m.manifestStore()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
        System.err.println(JSON.createObjectNode().put("time", Instant.now().toString()).put("audit", "registration")
                .put("outcome", outcome).put("caller", java.util.Objects.toString(ctx.attribute(HallmarkService.CALLER), "-"))
                .put("manifestId", m.manifestId()).put("payloadHex", m.payloadHex())
                .put("manifestSha256", digest).put("detail", detail));
    }

    /** Closes the c2pa-rs reader. */
    void close() {
        synchronized (readerLock) {
            if (reader != null) {
                reader.close();
            }
        }
    }
}
