package io.hallmark.verify;

import io.hallmark.fingerprint.ContentComparison;
import io.hallmark.provenance.report.C2paReport;
import io.hallmark.provenance.store.FingerprintMatch;
import io.hallmark.watermark.DetectionResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything the verifier found about one file.
 *
 * @param sentence      the verdict in one sentence with the signer and date, e.g.
 *                      "AI-generated: signed by Hallmark Dev on 2026-11-24 (trusted)"
 * @param c2pa          what c2pa-rs said about the embedded manifest
 * @param watermark     the watermark detector's answer (empty for images and unreadable files)
 * @param recovered     the manifest found in the store through the watermark payload, when there was no
 *                      valid embedded one
 * @param bindingMatches whether the watermark payload equals the manifest's soft-binding value (empty when
 *                      either is missing)
 * @param notes         further plain-language observations
 * @param contentCheck  this file's fingerprint against the fingerprint in the manifest the watermark pointed
 *                      to (empty when no manifest was found through the watermark)
 * @param possibleMatches manifests in the store whose fingerprint resembles this file's, most similar first:
 *                      leads, not proof (only looked up when nothing stronger was found)
 * @param thumbnailJpeg  the first frame of a video, at most 320 pixels across
 * @param frameStripJpeg frames spread over the whole video, side by side in one JPEG (empty for images)
 * @param trustedBy     the trust list(s) that made the signer of the manifest reported trusted (empty when
 *                      it is not trusted): the C2PA trust list, a list given with --trust, or this machine's
 *                      development root when asked for
 * @param retryable     no verdict was reached because a look-up could not be made now ({@link #retryableError}):
 *                      check the file again later
 * @param markManifestId the manifest the watermark leads to (through the store, or as a resolver named it), whatever the
 *                      content check then said: the recovered one, the one a copied mark points to, or one whose
 *                      content could not be confirmed; empty when the mark led to none
 */
public record VerificationReport(Path file, Verdict verdict, String sentence, C2paReport c2pa,
                                 Optional<DetectionResult> watermark, Optional<C2paReport> recovered,
                                 Optional<String> recoveredManifestId, Optional<Boolean> bindingMatches,
                                 List<String> notes, Optional<String> error, Optional<byte[]> thumbnailJpeg,
                                 Optional<byte[]> frameStripJpeg, Optional<ContentComparison> contentCheck, List<FingerprintMatch> possibleMatches,
                                 List<String> trustedBy, boolean retryable, Optional<String> markManifestId) {
    public VerificationReport {
        notes = List.copyOf(notes);
        possibleMatches = List.copyOf(possibleMatches);
        trustedBy = List.copyOf(trustedBy);
    }


    /**
     * @param name what to call the file in the report (a service reports the uploader's name, not its temp file)
     * @return this report about {@code name}
     */
    public VerificationReport withFile(Path name) {
        return new VerificationReport(name, verdict, sentence, c2pa, watermark, recovered, recoveredManifestId,
                bindingMatches, notes, error, thumbnailJpeg, frameStripJpeg, contentCheck, possibleMatches, trustedBy,
                retryable, markManifestId);
    }

    /** The file could not be checked at all. */
    public static VerificationReport error(Path file, String reason) {
        return new VerificationReport(file, Verdict.ERROR, "Could not be checked: " + reason, C2paReport.absent(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.of(reason),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of(), false, Optional.empty());
    }

    /**
     * No verdict yet: a look-up that recovery needed could not be made now (a store or resolver that could not be
     * reached, timed out or was overloaded). {@link #retryable()} is true: a scan resumed later and the Beam job check
     * the file again, and the service answers 503; it is never "no provenance".
     *
     * @param file   the file
     * @param reason what could not be reached
     * @param notes  what was found on the way
     * @return an {@link Verdict#ERROR} report that says to try again
     */
    public static VerificationReport retryableError(Path file, String reason, List<String> notes) {
        return new VerificationReport(file, Verdict.ERROR, "Cannot tell now: " + reason, C2paReport.absent(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), notes, Optional.of(reason),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of(), true, Optional.empty());
    }
}
