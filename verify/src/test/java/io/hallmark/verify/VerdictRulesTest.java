package io.hallmark.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallmark.provenance.report.C2paReport;
import io.hallmark.verify.VerdictRules.Credentials;
import io.hallmark.verify.VerdictRules.Decision;
import io.hallmark.verify.VerdictRules.Evidence;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The verdict for every combination of evidence: a few rows spelled out, then rules that hold over all of them. */
class VerdictRulesTest {
    private static final Optional<Boolean> NO_BINDING = Optional.empty();

    private static Verdict verdict(Credentials c, Optional<Boolean> binding, boolean same, boolean other, boolean mark,
                                   boolean unavailable) {
        Decision d = VerdictRules.decide(new Evidence(c, binding, same, other, mark, unavailable));
        return d.retryable() ? null : d.verdict();
    }

    @Test
    void theTable() {
        // credentials, binding, shown same, shown other, mark found, look-up unavailable -> verdict (null: retry later)
        assertEquals(Verdict.SIGNED, verdict(Credentials.VALID, Optional.of(true), false, false, true, false));
        assertEquals(Verdict.SIGNED, verdict(Credentials.VALID, NO_BINDING, false, false, false, true));
        assertEquals(Verdict.TAMPERED, verdict(Credentials.VALID, Optional.of(false), false, false, true, false));
        assertEquals(Verdict.TAMPERED, verdict(Credentials.INVALID, NO_BINDING, false, false, false, false));
        assertEquals(Verdict.UNVERIFIABLE, verdict(Credentials.UNCHECKABLE, NO_BINDING, false, false, true, false));
        assertEquals(Verdict.DAMAGED, verdict(Credentials.DAMAGED, NO_BINDING, false, false, false, false), "damaged, not tampered");
        assertEquals(Verdict.DAMAGED, verdict(Credentials.DAMAGED, NO_BINDING, false, false, true, true));
        assertEquals(Verdict.RECOVERED, verdict(Credentials.DAMAGED, NO_BINDING, true, false, true, false),
                "a damaged manifest in the file, the signed one found through the mark and the content shown the same");
        assertEquals(Verdict.UNVERIFIABLE, verdict(Credentials.EXPIRED, NO_BINDING, false, false, false, false), "expired, not tampered");
        assertEquals(Verdict.UNVERIFIABLE, verdict(Credentials.EXPIRED, Optional.of(true), false, false, true, false));
        assertEquals(Verdict.TAMPERED, verdict(Credentials.EXPIRED, Optional.of(false), false, false, true, false),
                "a watermark that contradicts the soft binding is positive evidence whatever the certificate");
        assertEquals(Verdict.RECOVERED, verdict(Credentials.NONE, NO_BINDING, true, false, true, false));
        assertEquals(Verdict.RECOVERED, verdict(Credentials.NONE, NO_BINDING, true, false, true, true));
        assertEquals(Verdict.MARK_MISMATCH, verdict(Credentials.NONE, NO_BINDING, false, true, true, false));
        assertEquals(Verdict.WATERMARK_ONLY, verdict(Credentials.NONE, NO_BINDING, false, false, true, false));
        assertEquals(Verdict.NO_PROVENANCE, verdict(Credentials.NONE, NO_BINDING, false, false, false, false));
        assertEquals(null, verdict(Credentials.NONE, NO_BINDING, false, false, true, true), "mark found, store down");
        assertEquals(null, verdict(Credentials.NONE, NO_BINDING, false, false, false, true), "nothing, store down");
    }

    /** A c2pa-rs reader report of one active manifest with these success and failure codes. */
    private static C2paReport report(String state, List<String> success, List<String> failure) throws Exception {
        StringBuilder json = new StringBuilder("{\"active_manifest\":\"urn:c2pa:m\",\"manifests\":{\"urn:c2pa:m\":{}},"
                + "\"validation_state\":\"" + state + "\",\"validation_results\":{\"activeManifest\":{\"success\":[");
        json.append(String.join(",", success.stream().map(c -> "{\"code\":\"" + c + "\"}").toList()));
        json.append("],\"informational\":[],\"failure\":[");
        json.append(String.join(",", failure.stream().map(c -> "{\"code\":\"" + c + "\"}").toList()));
        return C2paReport.parse(json.append("]}}}").toString());
    }

    @Test
    void anExpiredSignerIsNotTamperingButAnythingMoreIs() throws Exception {
        // issue 25: signed while the certificate was valid, read after it expired, no time-stamp
        C2paReport expired = report("Invalid", List.of("claimSignature.validated", "assertion.dataHash.match"),
                List.of("signingCredential.expired"));
        assertEquals(Credentials.EXPIRED, Credentials.of(expired));
        assertTrue(expired.hardBindingMatched());
        assertEquals(Credentials.EXPIRED, Credentials.of(report("Invalid", List.of(),
                List.of("signingCredential.expired", "signingCredential.untrusted"))));
        assertEquals(Credentials.INVALID, Credentials.of(report("Invalid", List.of("claimSignature.validated"),
                List.of("signingCredential.expired", "assertion.dataHash.mismatch"))), "changed bytes are tampering");
        assertEquals(Credentials.INVALID, Credentials.of(report("Invalid", List.of(), List.of("claimSignature.mismatch"))));
        assertEquals(Credentials.VALID, Credentials.of(report("Valid", List.of("assertion.dataHash.match"),
                List.of("signingCredential.untrusted"))));
    }

    @Test
    void credentialsThatCannotBeReadAreDamagedUnlessTheyCannotBeCheckedHere() {
        // the errors c2pa-rs gives (its Error's Display texts)
        for (String damage : List.of("C2PA box present without a readable manifest", "could not parse JUMBF",
                "too deeply nested", "claim could not be parsed", "unexpected end of file",
                "read manifest failed: Other: asset could not be parsed: Boxes are too deply nested, unsupported asset")) {
            assertEquals(Credentials.DAMAGED, Credentials.of(C2paReport.unreadable(damage)), damage);
        }
        for (String elsewhere : List.of("RemoteManifestUrl(\"https://example.com/m.c2pa\")", "PrereleaseError",
                "UnknownAlgorithm: algorithm not supported", "type is unsupported", "beyond the read limit of 2 GiB")) {
            assertEquals(Credentials.UNCHECKABLE, Credentials.of(C2paReport.unreadable(elsewhere)), elsewhere);
        }
        assertEquals(Credentials.UNCHECKABLE, Credentials.of(C2paReport.unreadable("")), "no reason is not damage");
    }

    private static List<Object[]> everyCombination() {
        List<Object[]> all = new ArrayList<>();
        for (Credentials c : Credentials.values()) {
            for (Optional<Boolean> b : List.of(NO_BINDING, Optional.of(true), Optional.of(false))) {
                for (int bits = 0; bits < 16; bits++) {
                    all.add(new Object[] {c, b, (bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0, (bits & 8) != 0});
                }
            }
        }
        return all;
    }

    @Test
    void everyCombinationGetsOneVerdictAndAccusationsNeedPositiveEvidence() {
        Set<Verdict> reached = EnumSet.noneOf(Verdict.class);
        List<Object[]> all = everyCombination();
        assertEquals(Credentials.values().length * 3 * 16, all.size());
        for (Object[] e : all) {
            Credentials c = (Credentials) e[0];
            @SuppressWarnings("unchecked")
            Optional<Boolean> binding = (Optional<Boolean>) e[1];
            boolean same = (boolean) e[2];
            boolean other = (boolean) e[3];
            boolean mark = (boolean) e[4];
            boolean unavailable = (boolean) e[5];
            Verdict v = verdict(c, binding, same, other, mark, unavailable);
            String row = java.util.Arrays.toString(e) + " -> " + v;
            if (v == null) {
                assertTrue(unavailable, "a retry only when a look-up could not be made: " + row);
                assertTrue(!same && !other, "a look-up failure never hides what was shown: " + row);
                continue;
            }
            reached.add(v);
            switch (v) {
                case SIGNED -> assertTrue(c == Credentials.VALID && !binding.equals(Optional.of(false)), row);
                case TAMPERED -> assertTrue(c == Credentials.INVALID || binding.equals(Optional.of(false)), row);
                case RECOVERED -> assertTrue(same && c != Credentials.VALID && c != Credentials.INVALID, row);
                case MARK_MISMATCH -> assertTrue(other && !same, "a copied mark only where the content was shown other: " + row);
                case UNVERIFIABLE -> assertTrue(c == Credentials.UNCHECKABLE || c == Credentials.EXPIRED, row);
                case DAMAGED -> assertTrue(c == Credentials.DAMAGED && !same && !other, row);
                case WATERMARK_ONLY -> assertTrue(mark && !unavailable && !same && !other, row);
                case NO_PROVENANCE -> assertTrue(c == Credentials.NONE && !mark && !same && !other && !unavailable,
                        "no provenance only when nothing was found and every look-up was made: " + row);
                case ERROR -> throw new AssertionError("ERROR is only ever the retryable decision: " + row);
            }
        }
        assertEquals(EnumSet.complementOf(EnumSet.of(Verdict.ERROR)), reached, "every verdict is reachable");
    }
}
