package io.hallmark.provenance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hallmark.c2pa.C2paException;
import io.hallmark.c2pa.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a verifier trusts, turned into c2pa-rs settings. This is the one place that knows the c2pa-rs
 * settings schema (it changes between releases: notes/c2pa.md 5.4).
 *
 * @param trustAnchorsPem roots such as the official C2PA trust list (PEM bundle)
 * @param userAnchorsPem  extra roots, e.g. our own development root
 * @param trustConfig     allowed EKU OIDs, one per line (c2pa-rs store.cfg format); empty = c2pa-rs defaults
 * @param allowedListPem  explicitly allowed end-entity certificates
 */
public record TrustSettings(Optional<String> trustAnchorsPem, Optional<String> userAnchorsPem,
                            Optional<String> trustConfig, Optional<String> allowedListPem) {
    /** No anchors: a correct file reads Valid (signingCredential.untrusted), never Trusted. */
    public static final TrustSettings NONE = new TrustSettings(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());

    private static final ObjectMapper JSON = new ObjectMapper();

    public static TrustSettings anchorsFrom(Path pemFile) throws IOException {
        return NONE.withTrustAnchors(Files.readString(pemFile));
    }

    public TrustSettings withTrustAnchors(String pem) {
        return new TrustSettings(Optional.of(pem), userAnchorsPem, trustConfig, allowedListPem);
    }

    public TrustSettings withUserAnchors(String pem) {
        String merged = userAnchorsPem.map(existing -> existing + "\n" + pem).orElse(pem);
        return new TrustSettings(trustAnchorsPem, Optional.of(merged), trustConfig, allowedListPem);
    }

    public TrustSettings withTrustConfig(String ekuOids) {
        return new TrustSettings(trustAnchorsPem, userAnchorsPem, Optional.of(ekuOids), allowedListPem);
    }

    public TrustSettings withAllowedList(String pem) {
        return new TrustSettings(trustAnchorsPem, userAnchorsPem, trustConfig, Optional.of(pem));
    }

    public boolean hasAnchors() {
        return trustAnchorsPem.isPresent() || userAnchorsPem.isPresent() || allowedListPem.isPresent();
    }

    /**
     * Native settings for reading and signing offline: no remote manifest fetch, no OCSP fetch, trust as
     * configured. Signing skips c2pa-rs's verify-after-sign: we verify separately where it matters, and
     * re-hashing a multi-GB output would double the cost of signing.
     */
    public Settings toNative() throws C2paException {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode verify = root.putObject("verify");
        verify.put("remote_manifest_fetch", false);
        verify.put("ocsp_fetch", false);
        verify.put("verify_after_sign", false);
        // Large videos: c2pa-rs keeps its intermediate copy in RAM up to this size, then spills to a temp file.
        root.putObject("core").put("backing_store_memory_threshold_in_mb", 512);
        ObjectNode trust = root.putObject("trust");
        trustAnchorsPem.ifPresent(pem -> trust.put("trust_anchors", pem));
        userAnchorsPem.ifPresent(pem -> trust.put("user_anchors", pem));
        trustConfig.ifPresent(cfg -> trust.put("trust_config", cfg));
        allowedListPem.ifPresent(pem -> trust.put("allowed_list", pem));
        Settings settings = Settings.create();
        try {
            return settings.update(root.toString(), "json");
        } catch (C2paException e) {
            settings.close();
            throw e;
        }
    }
}
