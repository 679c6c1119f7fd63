package io.hallmark.verify.render;

import io.hallmark.fingerprint.ContentComparison;
import io.hallmark.provenance.report.C2paReport;
import io.hallmark.provenance.store.FingerprintMatch;
import io.hallmark.provenance.report.StatusCode;
import io.hallmark.verify.Verdict;
import io.hallmark.verify.VerificationReport;
import io.hallmark.watermark.DetectionResult;
import io.hallmark.watermark.Segment;
import java.io.PrintWriter;

/** The report for people: verdict first, then the evidence; colour unless NO_COLOR is set or disabled. */
public final class ReportText {
    private final boolean colour;

    public ReportText(boolean colour) {
        this.colour = colour;
    }

    /** Colour when the environment allows it (https://no-color.org). */
    public static boolean colourAllowed() {
        return System.getenv("NO_COLOR") == null && System.console() != null;
    }

    public void print(VerificationReport r, PrintWriter out) {
        out.println(bold(r.file().getFileName().toString()));
        out.println("  " + paint(r.verdict(), r.sentence()));
        C2paReport m = r.c2pa();
        if (!m.present()) {
            out.println("  C2PA:       no manifest embedded");
        } else {
            out.println("  C2PA:       " + m.state().orElse("?") + m.manifestId().map(id -> "  " + id).orElse(""));
            m.signer().ifPresent(s -> out.println("  Signer:     " + s + m.signerCommonName().map(cn -> " / " + cn).orElse("")));
            m.signedAt().ifPresent(t -> out.println("  Signed at:  " + t));
            m.digitalSourceType().ifPresent(d -> out.println("  Source:     " + d.replaceFirst(".*/", "")));
            if (!m.actions().isEmpty()) {
                out.println("  Actions:    " + String.join(", ", m.actions())
                        + m.softwareAgent().map(a -> "  (by " + a + ")").orElse(""));
            }
            if (!m.ingredients().isEmpty()) {
                out.println("  Ingredients: " + String.join("; ", m.ingredients()));
            }
            // a CAWG identity's trust is its own, not the signer's
            m.identities().forEach(i -> out.println("  Identity:   " + i.describe()));
            m.error().ifPresent(e -> out.println("  Error:      " + e));
            for (StatusCode s : m.statuses()) {
                if (!s.kind().equals("success")) {
                    out.println("    " + (s.kind().equals("failure") ? "✗ " : "· ") + s.code() + ": " + s.explanation());
                }
            }
        }
        if (r.watermark().isPresent()) {
            DetectionResult d = r.watermark().get();
            out.printf("  Watermark:  %s, payload %s, p-value %.2e (%d frames analysed)%n",
                    d.detected() ? "found" : "not found", d.payload().map(p -> p.hex()
                            + (d.idConfirmed() ? String.format(" (confirmed against %d candidate IDs, p %.1e)",
                                    d.idCandidates(), d.payloadPValue()) : "")).orElse("not decoded"),
                    d.pValue(), d.framesAnalysed());
            if (!d.segments().isEmpty()) {
                StringBuilder line = new StringBuilder("  Timeline:   ");
                for (Segment s : d.segments()) {
                    line.append(s.detected() ? '█' : '·');
                }
                line.append("  (one mark per segment, █ = watermark present)");
                out.println(line);
            }
        }
        r.bindingMatches().ifPresent(b -> out.println("  Binding:    watermark payload "
                + (b ? "matches" : "DOES NOT match") + " the manifest's soft binding"));
        r.recovered().ifPresent(rec -> out.println("  Recovered:  manifest " + r.recoveredManifestId().orElse("?")
                + " (from the manifest store, not embedded in this file)"));
        r.contentCheck().ifPresent(c -> out.printf("  Content:    %s (%d of %d sampled frames match the signed fingerprint)%n",
                c.decision() == ContentComparison.Decision.MATCH ? "matches the manifest"
                        : c.decision() == ContentComparison.Decision.MISMATCH ? "DOES NOT match the manifest"
                        : "cannot be compared", c.matchedFrames(), c.usableFrames()));
        for (FingerprintMatch lead : r.possibleMatches()) {
            out.println("  Possible:   manifest " + lead.manifestId() + ", similarity " + lead.similarityScore()
                    + " % (looks alike; not proof)");
        }
        for (String note : r.notes()) {
            out.println("  Note:       " + note);
        }
        out.flush();
    }

    private String paint(Verdict v, String text) {
        if (!colour) {
            return text;
        }
        String code = switch (v) {
            case SIGNED, RECOVERED -> "32";
            case WATERMARK_ONLY, UNVERIFIABLE, DAMAGED -> "33";
            case TAMPERED, MARK_MISMATCH, ERROR -> "31";
            case NO_PROVENANCE -> "90";
        };
        return "\u001b[1;" + code + "m" + text + "\u001b[0m";
    }

    private String bold(String text) {
        return colour ? "\u001b[1m" + text + "\u001b[0m" : text;
    }
}
