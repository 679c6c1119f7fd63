package io.hallmark.verify;

import io.hallmark.fingerprint.ContentComparison;
import io.hallmark.provenance.store.ContentResolver;
import io.hallmark.provenance.store.FingerprintMatch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /matches/byContent} answered by the verifier: an embedded manifest, a manifest recovered through
 * the watermark (confirmed by the content check, scored by its similarity), and the fingerprint look-up's
 * possible matches. Thread-safe as far as the verifier is: calls are serialized here.
 */
public final class VerifierContentResolver implements ContentResolver {
    private final Verifier verifier;

    public VerifierContentResolver(Verifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public synchronized List<Match> resolve(Path upload, int maxResults) throws java.io.IOException {
        VerificationReport r = verifier.verify(upload);
        if (r.retryable()) {
            // "no match" would be an answer; a look-up that could not be made is none
            throw new io.hallmark.provenance.store.LookupUnavailable(r.error().orElse("a look-up could not be made"), null);
        }
        List<Match> out = new ArrayList<>();
        if (r.verdict() == Verdict.SIGNED && r.c2pa().manifestId().isPresent()) {
            out.add(new Match(r.c2pa().manifestId().get(), 100, "embedded"));
        }
        // The manifest the mark leads to, with what the content check said of it (hallmark.contentCheck), so that a
        // client checking the content again, in the orientation given, reaches the same verdict as this service: a
        // confirmed copy scores 100, an unconfirmed one its similarity, a copied mark 0.
        if (r.markManifestId().isPresent() && r.watermark().isPresent()) {
            boolean idRead = r.watermark().map(d -> d.payload().isPresent() && !d.idConfirmed()).orElse(false);
            ContentComparison.Decision check = r.verdict() == Verdict.RECOVERED ? ContentComparison.Decision.MATCH
                    : r.verdict() == Verdict.MARK_MISMATCH ? ContentComparison.Decision.MISMATCH
                    : ContentComparison.Decision.INCONCLUSIVE;
            int score = switch (check) {
                case MATCH -> (int) Math.round(100 * r.contentCheck().map(c -> Double.isNaN(c.registration())
                        ? c.similarity() : Math.max(c.similarity(), c.registration())).orElse(1.0));
                case MISMATCH -> 0;
                case INCONCLUSIVE -> (int) Math.round(100 * r.contentCheck().map(c -> c.similarity()).orElse(0.0));
            };
            io.hallmark.watermark.Geometry g = r.watermark().map(d -> d.geometry()).orElse(io.hallmark.watermark.Geometry.NONE);
            out.add(new Match(r.markManifestId().get(), score, idRead ? "watermark" : "store-assisted")
                    .turned(new io.hallmark.fingerprint.Reorientation(g.rotationDegrees(), g.stretchX(), g.mirrored()))
                    .checked(check));
        }
        for (FingerprintMatch m : r.possibleMatches()) {
            out.add(new Match(m.manifestId(), m.similarityScore(), "fingerprint"));
        }
        return out.size() > maxResults ? List.copyOf(out.subList(0, maxResults)) : out;
    }
}
