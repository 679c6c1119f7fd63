package io.hallmark.verify.isolation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hallmark.fingerprint.VideoFingerprint;
import io.hallmark.verify.VideoInspector.Inspection;
import io.hallmark.watermark.DetectionResult;
import io.hallmark.watermark.Geometry;
import io.hallmark.watermark.IdEvidence;
import io.hallmark.watermark.Payload;
import io.hallmark.watermark.Segment;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** One inspection as one JSON line between the worker process and the verifier. */
final class InspectionCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private InspectionCodec() {}

    /** What the worker is asked to do with a file: KEY (the first line only) names the watermark key file. */
    enum Op { KEY, INSPECT, AUDIT }

    /** One request on the worker's stdin; {@code reorientation} is for audits of turned copies. */
    record Request(Op op, String path, io.hallmark.fingerprint.Reorientation reorientation) {}

    /**
     * A request as one JSON line: {@code {"op":"INSPECT","path":"..."}}. JSON escapes every control
     * character, so a file name holding a newline stays one request (a bare path per line once let a name with
     * a newline shift every later answer to the wrong file).
     */
    static String request(Op op, String path) {
        return request(op, path, io.hallmark.fingerprint.Reorientation.NONE);
    }

    static String request(Op op, String path, io.hallmark.fingerprint.Reorientation r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("op", op.name());
        root.put("path", path);
        if (!r.isNone()) {
            root.putArray("reorientation").add(r.rotationDegrees()).add(r.stretchX()).add(r.mirrored());
        }
        return root.toString();
    }

    static Request parseRequest(String line) throws IOException {
        JsonNode root = JSON.readTree(line);
        if (root == null || !root.path("op").isTextual() || !root.path("path").isTextual()) {
            throw new IOException("not a request line");
        }
        try {
            JsonNode r = root.path("reorientation");
            io.hallmark.fingerprint.Reorientation reorientation = r.size() == 3
                    ? new io.hallmark.fingerprint.Reorientation(r.get(0).asDouble(), r.get(1).asDouble(), r.get(2).asBoolean())
                    : io.hallmark.fingerprint.Reorientation.NONE;
            return new Request(Op.valueOf(root.get("op").asText()), root.get("path").asText(), reorientation);
        } catch (IllegalArgumentException e) {
            throw new IOException("unknown request " + root.get("op").asText());
        }
    }

    static String encodeAudit(io.hallmark.verify.VideoInspector.Audit a) {
        ObjectNode root = JSON.createObjectNode();
        a.error().ifPresent(e -> root.put("error", e));
        a.fingerprint().ifPresent(f -> root.put("fingerprint", f.encode()));
        return root.toString();
    }

    static io.hallmark.verify.VideoInspector.Audit decodeAudit(String line) throws IOException {
        JsonNode root = JSON.readTree(line);
        if (root == null || !root.isObject()) {
            throw new IOException("malformed audit: not a JSON object");
        }
        return new io.hallmark.verify.VideoInspector.Audit(
                root.hasNonNull("fingerprint") ? Optional.of(VideoFingerprint.decode(root.get("fingerprint").asText()))
                        : Optional.empty(),
                root.hasNonNull("error") ? Optional.of(root.get("error").asText()) : Optional.empty());
    }

    static String encode(Inspection in) {
        ObjectNode root = JSON.createObjectNode();
        in.error().ifPresent(e -> root.put("error", e));
        in.thumbnailJpeg().ifPresent(t -> root.put("thumbnail", Base64.getEncoder().encodeToString(t)));
        in.frameStripJpeg().ifPresent(t -> root.put("frameStrip", Base64.getEncoder().encodeToString(t)));
        in.fingerprint().ifPresent(f -> root.put("fingerprint", f.encode()));
        in.detection().ifPresent(d -> {
            ObjectNode n = root.putObject("detection");
            n.put("detected", d.detected());
            d.payload().ifPresent(p -> n.put("payload", p.hex()));
            n.put("pValue", d.pValue());
            n.put("payloadPValue", d.payloadPValue());
            n.put("syncScore", d.syncScore());
            n.put("tilePeriodPixels", d.tilePeriodPixels());
            n.put("bestGuessBits", d.bestGuessBits());
            n.put("framesSeen", d.framesSeen());
            n.put("framesAnalysed", d.framesAnalysed());
            n.putArray("geometry").add(d.geometry().rotationDegrees()).add(d.geometry().stretchX())
                    .add(d.geometry().mirrored());
            n.put("idCandidates", d.idCandidates());
            ArrayNode hyps = n.putArray("idEvidence");
            for (IdEvidence.Hypothesis h : d.idEvidence().hypotheses()) {
                ObjectNode hn = hyps.addObject();
                hn.put("syncPValue", h.syncPValue());
                hn.put("expectedScore", h.expectedScore());
                hn.putArray("geometry").add(h.geometry().rotationDegrees()).add(h.geometry().stretchX())
                        .add(h.geometry().mirrored());
                ArrayNode soft = hn.putArray("soft");
                for (float v : h.soft()) {
                    soft.add(v);
                }
            }
            ArrayNode segs = n.putArray("segments");
            for (Segment s : d.segments()) {
                segs.addArray().add(s.startSec()).add(s.endSec()).add(s.detected()).add(s.score());
            }
        });
        return root.toString();
    }

    /** A field every inspection carries; its absence means the line is not one of ours. */
    private static JsonNode required(JsonNode node, String field) throws IOException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            throw new IOException("malformed inspection: no " + field);
        }
        return v;
    }

    private static Geometry geometry(JsonNode g) {
        return g == null || g.size() != 3 ? Geometry.NONE
                : new Geometry(g.get(0).asDouble(), g.get(1).asDouble(), g.get(2).asBoolean());
    }

    private static IdEvidence idEvidence(JsonNode hyps) throws IOException {
        List<IdEvidence.Hypothesis> out = new ArrayList<>();
        for (JsonNode h : hyps) {
            JsonNode soft = h.path("soft");
            if (soft.size() != IdEvidence.CODED_BITS) {
                throw new IOException("malformed inspection: ID evidence without " + IdEvidence.CODED_BITS + " soft values");
            }
            float[] v = new float[soft.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) soft.get(i).asDouble();
            }
            out.add(new IdEvidence.Hypothesis(required(h, "syncPValue").asDouble(), v,
                    required(h, "expectedScore").asDouble(), geometry(h.get("geometry"))));
        }
        return new IdEvidence(out);
    }

    static Inspection decode(String line) throws IOException {
        JsonNode root = JSON.readTree(line);
        if (root == null || !root.isObject()) {
            throw new IOException("malformed inspection: not a JSON object");
        }
        Optional<byte[]> thumb = root.hasNonNull("thumbnail")
                ? Optional.of(Base64.getDecoder().decode(root.get("thumbnail").asText())) : Optional.empty();
        Optional<byte[]> strip = root.hasNonNull("frameStrip")
                ? Optional.of(Base64.getDecoder().decode(root.get("frameStrip").asText())) : Optional.empty();
        Optional<String> error = root.hasNonNull("error") ? Optional.of(root.get("error").asText()) : Optional.empty();
        Optional<DetectionResult> detection = Optional.empty();
        JsonNode d = root.get("detection");
        if (d != null) {
            List<Segment> segments = new ArrayList<>();
            for (JsonNode s : d.path("segments")) {
                if (s.size() != 4) {
                    throw new IOException("malformed inspection: a segment is not [start, end, detected, score]");
                }
                segments.add(new Segment(s.get(0).asDouble(), s.get(1).asDouble(), s.get(2).asBoolean(), s.get(3).asDouble()));
            }
            detection = Optional.of(new DetectionResult(required(d, "detected").asBoolean(),
                    d.hasNonNull("payload") ? Optional.of(Payload.fromHex(d.get("payload").asText())) : Optional.empty(),
                    required(d, "pValue").asDouble(), required(d, "payloadPValue").asDouble(),
                    required(d, "syncScore").asDouble(), required(d, "tilePeriodPixels").asDouble(),
                    required(d, "bestGuessBits").asLong(), segments,
                    required(d, "framesSeen").asLong(), required(d, "framesAnalysed").asLong(), geometry(d.get("geometry")),
                    idEvidence(d.path("idEvidence")), d.path("idCandidates").asInt(0)));
        }
        Optional<VideoFingerprint> fingerprint = root.hasNonNull("fingerprint")
                ? Optional.of(VideoFingerprint.decode(root.get("fingerprint").asText())) : Optional.empty();
        return new Inspection(detection, fingerprint, thumb, strip, error);
    }
}
