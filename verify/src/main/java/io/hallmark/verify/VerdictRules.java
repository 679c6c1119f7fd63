package io.hallmark.verify;

import io.hallmark.provenance.report.C2paReport;
import java.util.Optional;

/**
 * The one place where evidence becomes a verdict: every surface (CLI, page, service, resolver, scan, Beam) goes
 * through {@link Verifier}, which gathers the {@link Evidence} and asks {@link #decide}. Pure and thread-safe;
 * the table of every verdict against every combination of evidence is {@code VerdictRulesTest}.
 *
 * <p>The rules, first match wins:
 * <ol>
 *   <li>embedded credentials that c2pa-rs reads as Valid or Trusted, not contradicted by the watermark: SIGNED;</li>
 *   <li>credentials c2pa-rs validated and found Invalid, or a watermark whose ID contradicts their soft binding:
 *       TAMPERED (positive evidence only: a manifest that could not be validated at all is not tampered);</li>
 *   <li>a manifest found through the watermark whose signed content this file was shown to be: RECOVERED;</li>
 *   <li>a manifest found through the watermark whose signed content this file was shown <em>not</em> to be, by a
 *       comparison made in the orientation the mark showed (a failed or impossible comparison is not this):
 *       MARK_MISMATCH;</li>
 *   <li>credentials that are there but broken, so that c2pa-rs cannot read them: DAMAGED;</li>
 *   <li>credentials that cannot be checked here (remote, pre-release, unsupported), or whose only failure is a
 *       signer's certificate that has expired since, with no time-stamp to show it was valid at signing (expired is
 *       not tampered): UNVERIFIABLE;</li>
 *   <li>otherwise, when a look-up that could have found the manifest could not be made now: no verdict, a
 *       retryable ERROR (never "no provenance" because a store was down);</li>
 *   <li>a mark found, here or by a resolver: WATERMARK_ONLY;</li>
 *   <li>else NO_PROVENANCE.</li>
 * </ol>
 */
public final class VerdictRules {
    private VerdictRules() {}

    /** What the embedded credentials are, as far as c2pa-rs could tell. */
    public enum Credentials {
        /** No manifest embedded. */
        NONE,
        /** Valid or Trusted. */
        VALID,
        /** Validated and found Invalid. */
        INVALID,
        /** Present but not checkable here (remote, pre-release, unsupported). */
        UNCHECKABLE,
        /** Present but broken: c2pa-rs cannot read it ({@link C2paReport#damaged}). */
        DAMAGED,
        /** Invalid only because the signer's certificate has expired, with no time-stamp from when it was valid. */
        EXPIRED;

        /** How c2pa-rs's report reads in these terms. */
        public static Credentials of(C2paReport m) {
            if (m.present() && m.isValidOrTrusted()) {
                return VALID;
            }
            if (m.present() && m.invalidOnlyBecauseExpired()) {
                return EXPIRED;
            }
            if (m.present() && m.state().isPresent()) {
                return INVALID;
            }
            if (m.damaged()) {
                return DAMAGED;
            }
            return m.unverifiable() ? UNCHECKABLE : NONE;
        }
    }

    /**
     * The facts a verdict rests on.
     *
     * @param credentials        the embedded manifest
     * @param bindingMatches     whether the watermark's ID equals the embedded manifest's soft binding (empty when either
     *                           is missing)
     * @param contentShownSame   a manifest found through the watermark, and this file shown to be its signed content
     * @param contentShownOther  a manifest found through the watermark, and this file shown to be other content
     * @param markFound          the watermark is present (found here, or by a resolver that holds the key)
     * @param lookupUnavailable  a look-up that could have found the manifest could not be made now
     */
    public record Evidence(Credentials credentials, Optional<Boolean> bindingMatches, boolean contentShownSame,
                           boolean contentShownOther, boolean markFound, boolean lookupUnavailable) {
    }

    /** A verdict, or none yet ({@code retryable}: a look-up could not be made now; the verdict is then ERROR). */
    public record Decision(Verdict verdict, boolean retryable) {
    }

    public static Decision decide(Evidence e) {
        boolean contradicted = e.bindingMatches().equals(Optional.of(false));
        if (e.credentials() == Credentials.VALID && !contradicted) {
            return of(Verdict.SIGNED);
        }
        if (e.credentials() == Credentials.INVALID || contradicted) {
            return of(Verdict.TAMPERED);
        }
        if (e.contentShownSame()) {
            return of(Verdict.RECOVERED);
        }
        if (e.contentShownOther()) {
            return of(Verdict.MARK_MISMATCH);
        }
        if (e.credentials() == Credentials.DAMAGED) {
            return of(Verdict.DAMAGED);
        }
        if (e.credentials() == Credentials.UNCHECKABLE || e.credentials() == Credentials.EXPIRED) {
            return of(Verdict.UNVERIFIABLE);
        }
        if (e.lookupUnavailable()) {
            return new Decision(Verdict.ERROR, true);
        }
        return of(e.markFound() ? Verdict.WATERMARK_ONLY : Verdict.NO_PROVENANCE);
    }

    private static Decision of(Verdict v) {
        return new Decision(v, false);
    }
}
