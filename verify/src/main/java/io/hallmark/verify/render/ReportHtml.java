package io.hallmark.verify.render;

import io.hallmark.provenance.report.StatusCode;
import io.hallmark.verify.VerificationReport;
import io.hallmark.watermark.Segment;
import java.util.Base64;
import java.util.List;

/**
 * A self-contained HTML page per run: for each file the thumbnail, the verdict, the evidence, and an SVG
 * plot of watermark confidence over time (one bar per segment; the dashed line is the detection threshold).
 */
public final class ReportHtml {
    private ReportHtml() {}

    public static String page(List<VerificationReport> reports) {
        StringBuilder html = new StringBuilder("""
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hallmark verification report</title>
                <style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;color:#222}
                .file{border:1px solid #ddd;border-radius:8px;padding:1rem;margin:1rem 0;display:flex;gap:1rem}
                .thumb img{width:240px;border-radius:4px}.verdict{font-size:1.2rem;font-weight:600;margin:.2rem 0 .6rem}
                .SIGNED,.RECOVERED{color:#18794e}.WATERMARK_ONLY,.UNVERIFIABLE,.DAMAGED{color:#ad5700}.TAMPERED,.MARK_MISMATCH,.ERROR{color:#c62828}
                .NO_PROVENANCE{color:#666}table{border-collapse:collapse;font-size:.9rem}td{padding:.15rem .6rem .15rem 0;vertical-align:top}
                .code{font-family:monospace}</style></head><body><h1>Hallmark verification report</h1>
                """);
        for (VerificationReport r : reports) {
            html.append("<div class=\"file\"><div class=\"thumb\">");
            r.thumbnailJpeg().ifPresent(jpeg -> html.append("<img alt=\"first frame\" src=\"data:image/jpeg;base64,")
                    .append(Base64.getEncoder().encodeToString(jpeg)).append("\">"));
            html.append("</div><div><div class=\"code\">").append(esc(r.file().toString())).append("</div>");
            html.append("<div class=\"verdict ").append(r.verdict().name()).append("\">").append(esc(r.sentence()))
                    .append("</div><table>");
            row(html, "C2PA", r.c2pa().present() ? r.c2pa().state().orElse("?") : "no manifest embedded");
            r.c2pa().signer().ifPresent(s -> row(html, "Signer", s));
            r.c2pa().signedAt().ifPresent(s -> row(html, "Signed at", s));
            r.c2pa().digitalSourceType().ifPresent(s -> row(html, "Source type", s));
            if (!r.c2pa().actions().isEmpty()) {
                row(html, "Actions", String.join(", ", r.c2pa().actions()));
            }
            r.c2pa().identities().forEach(i -> row(html, "Identity (CAWG)", i.describe()));
            r.watermark().ifPresent(d -> row(html, "Watermark", (d.detected() ? "found" : "not found") + ", payload "
                    + d.payload().map(p -> p.hex() + (d.idConfirmed() ? String.format(" (confirmed against %d candidate IDs, p %.1e)",
                            d.idCandidates(), d.payloadPValue()) : "")).orElse("not decoded")
                    + String.format(", p-value %.2e", d.pValue())));
            r.recoveredManifestId().ifPresent(id -> row(html, "Recovered", id + " (from the manifest store)"));
            r.contentCheck().ifPresent(c -> row(html, "Content", c.decision().name().toLowerCase(java.util.Locale.ROOT)
                    + ": " + c.matchedFrames() + " of " + c.usableFrames() + " sampled frames match the signed fingerprint"));
            r.possibleMatches().forEach(m -> row(html, "Possible match", m.manifestId() + ", similarity "
                    + m.similarityScore() + " % (looks alike; not proof)"));
            for (StatusCode s : r.c2pa().statuses()) {
                if (!s.kind().equals("success")) {
                    row(html, s.kind(), s.code() + ": " + s.explanation());
                }
            }
            for (String note : r.notes()) {
                row(html, "Note", note);
            }
            html.append("</table>");
            r.watermark().ifPresent(d -> html.append(plot(d.segments())));
            html.append("</div></div>");
        }
        return html.append("</body></html>\n").toString();
    }

    /** Bars of per-segment score; green where the segment carries the mark. */
    static String plot(List<Segment> segments) {
        if (segments.isEmpty()) {
            return "";
        }
        int w = 480;
        int h = 100;
        double max = segments.stream().mapToDouble(Segment::score).max().orElse(1);
        max = Math.max(max, 1e-9);
        double end = segments.get(segments.size() - 1).endSec();
        StringBuilder svg = new StringBuilder("<svg width=\"" + w + "\" height=\"" + (h + 20)
                + "\" role=\"img\" aria-label=\"watermark confidence over time\">");
        double barW = (double) w / segments.size();
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            double bh = Math.max(1, h * Math.max(0, s.score()) / max);
            svg.append(String.format(java.util.Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%.1f-%.1f s: score %.2f</title></rect>",
                    i * barW + 1, h - bh, Math.max(1, barW - 2), bh, s.detected() ? "#2e7d32" : "#bbb",
                    s.startSec(), s.endSec(), s.score()));
        }
        svg.append(String.format(java.util.Locale.ROOT,
                "<text x=\"0\" y=\"%d\" font-size=\"11\">0 s</text><text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">%.1f s</text>",
                h + 15, w, h + 15, end));
        return "<div style=\"font-size:.85rem;color:#555;margin-top:.6rem\">Watermark confidence over time "
                + "(one bar per segment; green: the mark is present there)</div>" + svg.append("</svg>");
    }

    private static void row(StringBuilder html, String key, String value) {
        html.append("<tr><td>").append(esc(key)).append("</td><td>").append(esc(value)).append("</td></tr>");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
