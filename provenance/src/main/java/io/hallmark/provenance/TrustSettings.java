package io.hallmark.provenance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hallmark.c2pa.C2paException;
import io.hallmark.c2pa.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a verifier trusts, turned into c2pa-rs settings. This is the one place that knows the c2pa-rs
 * settings schema (it changes between releases: notes/c2pa.md 5.4).
 *
 * <p>Written in the {@code trust.anchors} schema of c2pa-rs 0.91 (one {@code manifest} {@code TrustAnchor} each for the
 * trust lists, the user's roots and the allowed list), not the {@code trust.trust_anchors}/{@code user_anchors} strings
 * that 0.91 deprecates and 0.92 removes. A top-level {@code trust.allowed_list} is silently ignored by 0.91: the allowed
 * list is a field of an anchor.
 *
 * <p>No CAWG-kind anchors are set: c2pa-rs 0.91.6 checks a claim signer against every anchor set whatever its
 * kind, so a root given for CAWG identities would also make claim signers under it "trusted". CAWG identities are
 * therefore reported with c2pa-rs's own verdict on them, apart from the signer's trust ({@code IdentityAssertion}).
 *
 * @param trustAnchorsPem    roots such as the official C2PA trust list (PEM bundle)
 * @param userAnchorsPem     extra roots, e.g. our own development root
 * @param trustConfig        allowed EKU OIDs, one per line (c2pa-rs store.cfg format); empty = c2pa-rs defaults
 * @param allowedListPem     explicitly allowed end-entity certificates
 * @param lists              the named lists behind the anchors, for saying which one made a signer trusted
 */
public record TrustSettings(Optional<String> trustAnchorsPem, Optional<String> userAnchorsPem,
                            Optional<String> trustConfig, Optional<String> allowedListPem, List<TrustList> lists) {
    /** No anchors: a correct file reads Valid (signingCredential.untrusted), never Trusted. */
    public static final TrustSettings NONE = new TrustSettings(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), List.of());

    /** The anchors' names in the settings (c2pa-rs's {@code trust_uri}). */
    static final String SIGNER_ANCHORS = "hallmark:trust_anchors";
    static final String USER_ANCHORS = "hallmark:user_anchors";
    static final String ALLOWED_LIST = "hallmark:allowed_list";

    public TrustSettings {
        lists = List.copyOf(lists);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public static TrustSettings anchorsFrom(Path pemFile) throws IOException {
        return NONE.withTrustAnchors(Files.readString(pemFile));
    }

    public TrustSettings withTrustAnchors(String pem) {
        String merged = trustAnchorsPem.map(existing -> existing + "\n" + pem).orElse(pem);
        return new TrustSettings(Optional.of(merged), userAnchorsPem, trustConfig, allowedListPem, lists);
    }

    public TrustSettings withUserAnchors(String pem) {
        String merged = userAnchorsPem.map(existing -> existing + "\n" + pem).orElse(pem);
        return new TrustSettings(trustAnchorsPem, Optional.of(merged), trustConfig, allowedListPem, lists);
    }

    /** Adds a named list to the trust anchors (e.g. the C2PA trust list). */
    public TrustSettings withTrustList(TrustList list) {
        return withTrustAnchors(list.pem()).withList(list);
    }

    /** Adds a named list to the user anchors (e.g. this machine's development root, when asked for). */
    public TrustSettings withUserList(TrustList list) {
        return withUserAnchors(list.pem()).withList(list);
    }

    private TrustSettings withList(TrustList list) {
        List<TrustList> more = new java.util.ArrayList<>(lists);
        more.add(list);
        return new TrustSettings(trustAnchorsPem, userAnchorsPem, trustConfig, allowedListPem, more);
    }

    public TrustSettings withTrustConfig(String ekuOids) {
        return new TrustSettings(trustAnchorsPem, userAnchorsPem, Optional.of(ekuOids), allowedListPem, lists);
    }

    public TrustSettings withAllowedList(String pem) {
        return new TrustSettings(trustAnchorsPem, userAnchorsPem, trustConfig, Optional.of(pem), lists);
    }

    /** Which list(s) made a signer trusted; {@code exact} false when it is one of {@code lists}, unknown which. */
    public record Attribution(List<String> lists, boolean exact) {
        public Attribution {
            lists = List.copyOf(lists);
        }

        /** "A", or "one of A, B". */
        public String describe() {
            return exact || lists.size() == 1 ? String.join(", ", lists) : "one of " + String.join(", ", lists);
        }
    }

    /**
     * Which configured list names the issuer of a signer c2pa-rs found trusted ({@link TrustList#names}); when
     * none does (a signer issued by an intermediate CA), every configured list, marked not exact: c2pa-rs says
     * trusted, not by which anchor.
     */
    public Attribution trustedBy(Optional<String> issuer) {
        List<String> naming = issuer.map(i -> lists.stream().filter(l -> l.names(i)).map(TrustList::name).toList())
                .orElse(List.of());
        return naming.isEmpty() ? new Attribution(lists.stream().map(TrustList::name).toList(), lists.size() == 1)
                : new Attribution(naming, true);
    }

    private static ObjectNode anchor(ArrayNode into, String uri, String kind, String pem) {
        return into.addObject().put("trust_anchors", pem).put("trust_uri", uri).put("trust_kind", kind);
    }

    public boolean hasAnchors() {
        return trustAnchorsPem.isPresent() || userAnchorsPem.isPresent() || allowedListPem.isPresent();
    }

    /** The settings document {@link #toNative} hands to c2pa-rs (JSON). */
    String toNativeJson() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode verify = root.putObject("verify");
        verify.put("remote_manifest_fetch", false);
        verify.put("ocsp_fetch", false);
        // c2pa-rs checks the manifest it just signed (signature, assertions; not the asset's hash, which it made
        // itself a moment before): a signer or time-stamp that yields an invalid manifest fails the signing
        verify.put("verify_after_sign", true);
        // Large videos: c2pa-rs keeps its intermediate copy in RAM up to this size, then spills to a temp file.
        root.putObject("core").put("backing_store_memory_threshold_in_mb", 512);
        ObjectNode trust = root.putObject("trust");
        ArrayNode anchors = JSON.createArrayNode();
        trustAnchorsPem.ifPresent(pem -> anchor(anchors, SIGNER_ANCHORS, "manifest", pem));
        userAnchorsPem.ifPresent(pem -> anchor(anchors, USER_ANCHORS, "manifest", pem));
        // an allowed list needs no root; the anchor that carries it has none of its own
        allowedListPem.ifPresent(pem -> anchor(anchors, ALLOWED_LIST, "manifest", "").put("allowed_list", pem));
        if (!anchors.isEmpty()) {
            trust.set("anchors", anchors);
        }
        trustConfig.ifPresent(cfg -> trust.put("trust_config", cfg));
        return root.toString();
    }

    /**
     * Native settings for reading and signing offline: no remote manifest fetch, no OCSP fetch, trust as
     * configured, and c2pa-rs's verify-after-sign on (C2PA 2.x recommends a claim generator validate what it
     * signed; since 0.91 it does not re-hash the asset unless asked, so it costs little on large videos).
     */
    public Settings toNative() throws C2paException {
        Settings settings = Settings.create();
        try {
            return settings.update(toNativeJson(), "json");
        } catch (C2paException e) {
            settings.close();
            throw e;
        }
    }
}
