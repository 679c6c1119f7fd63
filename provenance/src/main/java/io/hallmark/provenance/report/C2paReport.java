package io.hallmark.provenance.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallmark.provenance.manifest.ContentFingerprint;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What c2pa-rs said about one file, in the terms a verifier reports: present or not, the validation state
 * exactly as c2pa-rs defines it (Trusted / Valid / Invalid), the signer, the time, how it was made, every
 * status code. Parsed from c2pa-rs's own JSON report, which is kept as {@link #rawJson()}.
 * {@code signedAt} is the time-stamp authority's time (only with a time-stamp); {@code actionTime} is the
 * time the signer wrote on its first action (a claim, signed but not independently attested).
 * {@code softBindingAlg/Value} are the watermark's soft binding; {@code contentFingerprint} is the soft binding
 * whose algorithm is a content fingerprint ({@link #FINGERPRINT_ALG_PREFIX}), when the manifest has one.
 * {@code statuses} are the active manifest's own validation results; {@code ingredientResults} those c2pa-rs
 * reports for each ingredient ({@code validation_results.ingredientDeltas}), kept apart so that an
 * ingredient's untrusted or expired signer is never read as the active signer's. {@code identities} are the CAWG
 * identity assertions with their own codes, likewise kept apart from {@code statuses}: {@code state} is c2pa-rs's,
 * except that an identity's failures (which c2pa-rs counts against the whole manifest) do not lower it, since they say
 * nothing about the claim signer or the content (see {@link IdentityAssertion}).
 */
public record C2paReport(boolean present, Optional<String> state, Optional<String> manifestId,
                         Optional<String> signer, Optional<String> signerCommonName, Optional<String> signedAt,
                         Optional<String> digitalSourceType, List<String> actions, Optional<String> softwareAgent,
                         Optional<String> softBindingAlg, Optional<String> softBindingValue,
                         Optional<JsonNode> generation, List<String> ingredients, List<StatusCode> statuses,
                         Optional<String> error, String rawJson, Optional<String> actionTime,
                         Optional<ContentFingerprint> contentFingerprint, List<IngredientResult> ingredientResults,
                         List<IdentityAssertion> identities) {

    /** c2pa-rs's validation results for one ingredient: the assertion that names it, and its status codes. */
    public record IngredientResult(String ingredientUri, List<StatusCode> statuses) {
        public IngredientResult {
            statuses = List.copyOf(statuses);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Soft-binding algorithms under this prefix are content fingerprints, not watermarks. */
    public static final String FINGERPRINT_ALG_PREFIX = "io.hallmark.fingerprint.";

    public static C2paReport absent() {
        return new C2paReport(false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), List.of(), Optional.empty(), "", Optional.empty(), Optional.empty(), List.of(),
                List.of());
    }

    /**
     * A manifest was there but c2pa-rs could not validate it at all (a remote manifest not fetched, a
     * pre-release format, an algorithm it does not support, damaged or hostile data): no state, because
     * c2pa-rs gave none, no status codes (none were issued), and the reader's error as {@link #error()}.
     * Verifiers report such a file as "cannot be verified", never as tampered.
     */
    public static C2paReport unreadable(String reason) {
        return new C2paReport(true, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), List.of(), Optional.of(reason), "", Optional.empty(), Optional.empty(),
                List.of(), List.of());
    }

    /** Whether c2pa-rs found a manifest but gave no validation state (see {@link #unreadable}). */
    public boolean unverifiable() {
        return present && state.isEmpty();
    }

    /**
     * Why c2pa-rs could not validate a manifest, from its error text (its error types: {@code RemoteManifestUrl},
     * {@code PrereleaseError}, {@code UnknownAlgorithm}, JUMBF and asset parse errors, ...): damaged, or one of the
     * reasons it cannot be checked here.
     */
    enum Unreadable { DAMAGED, READ_LIMIT, REMOTE, PRERELEASE, ALGORITHM, UNSUPPORTED_FORMAT }

    static Unreadable classify(String error) {
        String r = error.toLowerCase(java.util.Locale.ROOT);
        // first: c2pa-rs adds "unsupported asset" to parse failures of a format it supports, and the failure decides
        if (r.contains("could not be parsed") || r.contains("nested") || r.contains("malformed") || r.contains("jumbf")
                || r.contains("readable manifest") || r.contains("truncat") || r.contains("unexpected end")) {
            return Unreadable.DAMAGED;
        }
        if (r.contains("read limit")) {
            return Unreadable.READ_LIMIT;
        }
        if (r.contains("remote")) {
            return Unreadable.REMOTE;
        }
        if (r.contains("prerelease")) {
            return Unreadable.PRERELEASE;
        }
        if (r.contains("algorithm")) {
            return Unreadable.ALGORITHM;
        }
        if (r.contains("not supported") || r.contains("unsupported")) {
            return Unreadable.UNSUPPORTED_FORMAT;
        }
        return Unreadable.DAMAGED;
    }

    /**
     * Whether the manifest c2pa-rs could not validate is damaged (a C2PA box without a readable manifest, JUMBF or CBOR
     * it cannot parse, a store cut short), as opposed to one that cannot be checked here (stored remotely, a pre-release
     * format, an unsupported algorithm or format, a file beyond a read limit): {@link #classify}. An unverifiable report
     * with no error is not called damaged.
     */
    public boolean damaged() {
        return unverifiable() && error.filter(e -> !e.isBlank()).map(e -> classify(e) == Unreadable.DAMAGED).orElse(false);
    }

    /** Why a manifest could not be validated here, in plain words ({@link #classify}). */
    public static String unverifiableReason(String error) {
        return switch (classify(error)) {
            case READ_LIMIT -> "the file is beyond a read limit and was not given to the C2PA reader (" + error + ")";
            case REMOTE -> "the manifest is stored remotely and was not fetched (remote manifests are not fetched offline)";
            case PRERELEASE -> "a pre-release (pre-1.0) C2PA manifest, which current readers do not validate";
            case ALGORITHM -> "it is signed with an algorithm this reader does not support";
            case UNSUPPORTED_FORMAT -> "its format is not supported by the C2PA reader";
            case DAMAGED -> "the C2PA data could not be read (" + error + ")";
        };
    }

    public static C2paReport parse(String reportJson) throws IOException {
        JsonNode root = JSON.readTree(reportJson);
        String active = text(root.path("active_manifest")).orElse(null);
        JsonNode manifest = active == null ? JSON.missingNode() : root.path("manifests").path(active);
        JsonNode sig = manifest.path("signature_info");

        List<String> actions = new ArrayList<>();
        String dst = null;
        String agent = null;
        String when = null;
        String sbAlg = null;
        String sbValue = null;
        JsonNode generation = null;
        ContentFingerprint fingerprint = null;
        List<IdentityAssertion> identities = new ArrayList<>();
        for (JsonNode assertion : manifest.path("assertions")) {
            String label = assertion.path("label").asText();
            JsonNode data = assertion.path("data");
            if (label.startsWith("cawg.identity")) {
                JsonNode info = data.path("signature_info");
                identities.add(new IdentityAssertion(label, text(data.path("signer_payload").path("sig_type")),
                        text(info.path("issuer")), text(info.path("common_name")), List.of()));
            } else if (label.startsWith("c2pa.actions")) {
                for (JsonNode action : data.path("actions")) {
                    actions.add(action.path("action").asText());
                    if (when == null && action.hasNonNull("when")) {
                        when = action.path("when").asText();
                    }
                    if (dst == null && action.hasNonNull("digitalSourceType")) {
                        dst = action.path("digitalSourceType").asText();
                    }
                    // The agent that made or brought in the content, not one that edited it later: a
                    // certify without a model named read "by Hallmark" (the watermarking tool) as the maker.
                    String kind = action.path("action").asText();
                    boolean origin = kind.equals("c2pa.created") || kind.equals("c2pa.opened") || kind.equals("c2pa.placed");
                    if (agent == null && origin && action.has("softwareAgent")) {
                        JsonNode a = action.path("softwareAgent");
                        agent = a.isTextual() ? a.asText() : (a.path("name").asText() + " " + a.path("version").asText()).strip();
                    }
                }
            } else if (label.startsWith("c2pa.soft-binding")) {
                // several soft bindings get labels c2pa.soft-binding, c2pa.soft-binding__1, ...: tell them by alg
                String alg = text(data.path("alg")).orElse("");
                JsonNode blocks = data.path("blocks");
                Optional<String> value = blocks.size() > 0 ? text(blocks.get(0).path("value")) : Optional.empty();
                if (alg.startsWith(FINGERPRINT_ALG_PREFIX)) {
                    // A blank value is no fingerprint (found by fuzzing: it threw out of parse); the content
                    // check then says it cannot compare, which is what an unusable fingerprint means.
                    if (fingerprint == null && value.filter(v -> !v.isBlank()).isPresent()) {
                        long end = blocks.get(0).path("scope").path("timespan").path("end").asLong(0);
                        fingerprint = new ContentFingerprint(alg, value.get(), Math.max(0, end));
                    }
                } else if (sbAlg == null) {
                    sbAlg = alg.isEmpty() ? null : alg;
                    sbValue = value.orElse(null);
                }
            } else if (label.equals("io.hallmark.generation")) {
                generation = data;
            }
        }
        List<String> ingredients = new ArrayList<>();
        for (JsonNode ingredient : manifest.path("ingredients")) {
            ingredients.add(ingredient.path("title").asText() + " (" + ingredient.path("relationship").asText() + ")");
        }
        List<StatusCode> all = new ArrayList<>();
        JsonNode results = root.path("validation_results");
        collect(results.path("activeManifest"), all);
        List<StatusCode> statuses = all.stream().filter(s -> !IdentityAssertion.isIdentityCode(s)).toList();
        identities = withTheirCodes(identities, all.stream().filter(IdentityAssertion::isIdentityCode).toList());
        List<IngredientResult> ingredientResults = new ArrayList<>();
        for (JsonNode delta : results.path("ingredientDeltas")) {
            List<StatusCode> own = new ArrayList<>();
            collect(delta.path("validationDeltas"), own);
            ingredientResults.add(new IngredientResult(delta.path("ingredientAssertionURI").asText(""), own));
        }
        return new C2paReport(true, claimState(text(root.path("validation_state")), statuses, all), Optional.ofNullable(active),
                text(sig.path("issuer")), text(sig.path("common_name")), text(sig.path("time")),
                Optional.ofNullable(dst), List.copyOf(actions), Optional.ofNullable(agent), Optional.ofNullable(sbAlg),
                Optional.ofNullable(sbValue), Optional.ofNullable(generation), List.copyOf(ingredients),
                List.copyOf(statuses), Optional.empty(), reportJson, Optional.ofNullable(when),
                Optional.ofNullable(fingerprint), List.copyOf(ingredientResults), List.copyOf(identities));
    }

    /** Each identity with the codes whose URL names its assertion; codes naming none go to an identity of their own. */
    private static List<IdentityAssertion> withTheirCodes(List<IdentityAssertion> identities, List<StatusCode> codes) {
        List<IdentityAssertion> out = new ArrayList<>();
        List<StatusCode> unclaimed = new ArrayList<>(codes);
        for (IdentityAssertion i : identities) {
            List<StatusCode> own = codes.stream().filter(s -> s.url() != null
                    && (s.url().endsWith("/c2pa.assertions/" + i.label()) || s.url().endsWith("=c2pa.assertions/" + i.label())))
                    .toList();
            unclaimed.removeAll(own);
            out.add(new IdentityAssertion(i.label(), i.sigType(), i.issuer(), i.commonName(), own));
        }
        if (!unclaimed.isEmpty()) {
            out.add(new IdentityAssertion("cawg.identity", Optional.empty(), Optional.empty(), Optional.empty(), unclaimed));
        }
        return out;
    }

    /**
     * c2pa-rs's state, raised back where only CAWG identity codes lowered it: Trusted when the signer is trusted and the
     * claim has no failure of its own, Valid when the signer is untrusted and that is its only failure.
     */
    private static Optional<String> claimState(Optional<String> nativeState, List<StatusCode> claimStatuses,
                                               List<StatusCode> all) {
        boolean identityFailed = all.stream().anyMatch(s -> IdentityAssertion.isIdentityCode(s) && s.kind().equals("failure"));
        if (!identityFailed || nativeState.isEmpty() || nativeState.get().equals("Trusted")) {
            return nativeState; // nothing of an identity's could have lowered it (ingredients' failures may have)
        }
        List<String> failures = claimStatuses.stream().filter(s -> s.kind().equals("failure")).map(StatusCode::code).toList();
        boolean trusted = claimStatuses.stream().anyMatch(s -> s.code().equals("signingCredential.trusted"));
        if (failures.isEmpty() && trusted) {
            return Optional.of("Trusted");
        }
        if (nativeState.get().equals("Invalid") && failures.stream().allMatch("signingCredential.untrusted"::equals)) {
            return Optional.of(trusted ? "Trusted" : "Valid");
        }
        return nativeState;
    }

    /**
     * Whether c2pa-rs found the manifest Invalid only because the signer's certificate has expired
     * ({@code signingCredential.expired}; an untrusted signer may be reported beside it): without a trusted
     * time-stamp, c2pa-rs judges the certificate at reading time (C2PA 2.x, "Validating the signing credential"),
     * so a file signed while the certificate was valid fails once it expires. That is not tampering.
     */
    public boolean invalidOnlyBecauseExpired() {
        List<String> failures = failureCodes();
        return state.filter("Invalid"::equals).isPresent() && failures.contains("signingCredential.expired")
                && failures.stream().allMatch(c -> c.equals("signingCredential.expired") || c.equals("signingCredential.untrusted"));
    }

    /** Whether c2pa-rs checked the hard binding and it matched ({@code assertion.dataHash.match}, {@code assertion.bmffHash.match}, ...). */
    public boolean hardBindingMatched() {
        return statuses.stream().anyMatch(s -> s.kind().equals("success") && s.code().startsWith("assertion.")
                && s.code().endsWith("Hash.match"));
    }

    /** Failure codes only (what made or would make the state Invalid, plus the tolerated untrusted signer). */
    public List<String> failureCodes() {
        return statuses.stream().filter(s -> s.kind().equals("failure")).map(StatusCode::code).distinct().toList();
    }

    /**
     * The failures of a manifest read against bytes other than those it was signed over (a re-encoded copy that lost
     * it, or no asset at all) that such a reading does not explain: the hard-binding hash cannot match, and an
     * untrusted signer is a matter of trust, not validity. Anything else (a broken signature, a tampered assertion)
     * means the manifest cannot vouch for anything. (A report without a state, which c2pa-rs could not validate at
     * all, has no failures: callers check {@link #state()} themselves.)
     *
     * @return the unexplained failure codes; empty when the manifest holds apart from its asset
     */
    public List<String> failuresACopyDoesNotExplain() {
        return failureCodes().stream().filter(c -> !c.endsWith("Hash.mismatch") && !c.equals("signingCredential.untrusted"))
                .toList();
    }

    public boolean isTrusted() {
        return state.filter("Trusted"::equals).isPresent();
    }

    public boolean isValidOrTrusted() {
        return state.filter(s -> s.equals("Valid") || s.equals("Trusted")).isPresent();
    }

    private static void collect(JsonNode group, List<StatusCode> into) {
        for (String kind : new String[] {"success", "informational", "failure"}) {
            for (JsonNode status : group.path(kind)) {
                into.add(StatusCode.of(status.path("code").asText(), kind, text(status.path("url")).orElse(null)));
            }
        }
    }

    private static Optional<String> text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? Optional.empty() : Optional.of(node.asText());
    }
}
