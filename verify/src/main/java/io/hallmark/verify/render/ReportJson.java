package io.hallmark.verify.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hallmark.fingerprint.ContentComparison;
import io.hallmark.provenance.report.C2paReport;
import io.hallmark.provenance.report.IdentityAssertion;
import io.hallmark.provenance.store.FingerprintMatch;
import io.hallmark.provenance.report.StatusCode;
import io.hallmark.verify.VerificationReport;
import io.hallmark.watermark.DetectionResult;
import io.hallmark.watermark.Segment;
import java.util.Optional;

/**
 * The stable machine-readable form of a {@link VerificationReport} (schema: docs/verify-json.md,
 * {@code "schema": "hallmark.verify/2"}). Fields are only ever added, never renamed or removed; version 2
 * added the verdict MARK_MISMATCH, {@code contentCheck} and {@code possibleMatches}.
 */
public final class ReportJson {
    public static final String SCHEMA = "hallmark.verify/2";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportJson() {}

    public static ObjectNode toJson(VerificationReport r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("file", r.file().toString());
        root.put("verdict", r.verdict().name());
        root.put("headline", r.verdict().headline());
        root.put("sentence", r.sentence());
        ArrayNode trustedBy = root.putArray("trustedBy");
        r.trustedBy().forEach(trustedBy::add);
        root.set("c2pa", c2pa(r.c2pa()));
        ObjectNode wm = root.putObject("watermark");
        wm.put("analysed", r.watermark().isPresent());
        wm.put("detected", r.watermark().map(DetectionResult::detected).orElse(false));
        Optional<String> payload = r.watermark().flatMap(DetectionResult::payload).map(p -> p.hex());
        if (payload.isPresent()) {
            wm.put("payload", payload.get());
        } else {
            wm.putNull("payload");
        }
        if (r.watermark().isPresent()) {
            wm.put("pValue", r.watermark().get().pValue());
            DetectionResult d = r.watermark().get();
            // how the ID was obtained: read from the mark alone, or confirmed against the store's IDs
            wm.put("idObtained", d.payload().isEmpty() ? "none" : d.idConfirmed() ? "confirmed" : "read");
            if (d.payload().isPresent()) {
                wm.put("idPValue", d.payloadPValue());
            }
            if (d.idConfirmed()) {
                wm.put("idCandidates", d.idCandidates());
            }
            wm.put("framesAnalysed", r.watermark().get().framesAnalysed());
            wm.set("geometry", geometry(r.watermark().get().geometry()));
        } else {
            wm.putNull("pValue");
        }
        ArrayNode segments = wm.putArray("segments");
        for (Segment s : r.watermark().map(DetectionResult::segments).orElse(java.util.List.of())) {
            ObjectNode seg = segments.addObject();
            seg.put("startSec", s.startSec());
            seg.put("endSec", s.endSec());
            seg.put("detected", s.detected());
            seg.put("score", s.score());
        }
        root.put("recovered", r.recovered().isPresent());
        root.put("markManifestId", r.markManifestId().orElse(null));
        if (r.recovered().isPresent()) {
            ObjectNode rec = c2pa(r.recovered().get());
            rec.put("manifestId", r.recoveredManifestId().orElse(null));
            root.set("recoveredManifest", rec);
        } else {
            root.putNull("recoveredManifest");
        }
        if (r.bindingMatches().isPresent()) {
            root.put("bindingMatches", r.bindingMatches().get());
        } else {
            root.putNull("bindingMatches");
        }
        if (r.contentCheck().isPresent()) {
            ContentComparison c = r.contentCheck().get();
            ObjectNode check = root.putObject("contentCheck");
            check.put("decision", c.decision().name());
            check.put("similarity", c.similarity());
            check.put("matchedFrames", c.matchedFrames());
            check.put("usableFrames", c.usableFrames());
            check.put("medianDistance", c.medianDistance());
            check.put("alignedDistance", c.alignedDistance());
            if (Double.isNaN(c.registration())) {
                check.putNull("registration");
            } else {
                check.put("registration", c.registration());
            }
        } else {
            root.putNull("contentCheck");
        }
        ArrayNode leads = root.putArray("possibleMatches");
        for (FingerprintMatch m : r.possibleMatches()) {
            leads.addObject().put("manifestId", m.manifestId()).put("similarityScore", m.similarityScore())
                    .put("medianDistance", m.comparison().medianDistance());
        }
        ArrayNode notes = root.putArray("notes");
        r.notes().forEach(notes::add);
        root.put("error", r.error().orElse(null));
        if (r.retryable()) {
            root.put("retryable", true); // no verdict yet: a scan resumed later checks the file again
        }
        return root;
    }

    private static ObjectNode c2pa(C2paReport m) {
        ObjectNode node = JSON.createObjectNode();
        node.put("present", m.present());
        node.put("state", m.state().orElse(null));
        node.put("manifestId", m.manifestId().orElse(null));
        node.put("signer", m.signer().orElse(null));
        node.put("signerCommonName", m.signerCommonName().orElse(null));
        node.put("signedAt", m.signedAt().orElse(null));
        node.put("claimedTime", m.actionTime().orElse(null)); // the signer's own clock: not attested
        node.put("digitalSourceType", m.digitalSourceType().orElse(null));
        node.put("softwareAgent", m.softwareAgent().orElse(null));
        ArrayNode actions = node.putArray("actions");
        m.actions().forEach(actions::add);
        ArrayNode ingredients = node.putArray("ingredients");
        m.ingredients().forEach(ingredients::add);
        if (m.softBindingValue().isPresent()) {
            ObjectNode sb = node.putObject("softBinding");
            sb.put("alg", m.softBindingAlg().orElse(null));
            sb.put("value", m.softBindingValue().get());
        } else {
            node.putNull("softBinding");
        }
        m.generation().ifPresent(g -> node.set("generation", g));
        ArrayNode failures = node.putArray("failures");
        m.failureCodes().forEach(failures::add);
        ArrayNode identities = node.putArray("identities");
        for (IdentityAssertion i : m.identities()) {
            ObjectNode o = identities.addObject();
            o.put("label", i.label());
            o.put("sigType", i.sigType().orElse(null));
            o.put("issuer", i.issuer().orElse(null));
            o.put("commonName", i.commonName().orElse(null));
            o.put("trust", i.trust().name());
            o.put("description", i.describe());
            statuses(o.putArray("statuses"), i.statuses());
        }
        statuses(node.putArray("statuses"), m.statuses());
        ArrayNode ingredientResults = node.putArray("ingredientResults");
        for (C2paReport.IngredientResult i : m.ingredientResults()) {
            ObjectNode o = ingredientResults.addObject();
            o.put("ingredientUri", i.ingredientUri());
            statuses(o.putArray("statuses"), i.statuses());
        }
        node.put("error", m.error().orElse(null));
        return node;
    }

    private static void statuses(ArrayNode into, java.util.List<StatusCode> statuses) {
        for (StatusCode s : statuses) {
            ObjectNode st = into.addObject();
            st.put("code", s.code());
            st.put("kind", s.kind());
            st.put("url", s.url());
            st.put("explanation", s.explanation());
        }
    }

    /** {rotationDegrees, stretchX, mirrored}: how the copy was turned, stretched or mirrored (all neutral when not). */
    public static ObjectNode geometry(io.hallmark.watermark.Geometry g) {
        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("rotationDegrees", g.rotationDegrees());
        o.put("stretchX", g.stretchX());
        o.put("mirrored", g.mirrored());
        return o;
    }
}
