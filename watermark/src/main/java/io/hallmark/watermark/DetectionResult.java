package io.hallmark.watermark;

import java.util.List;
import java.util.Optional;

/**
 * What the detector concluded. Presence and payload are separate answers: a copy can be proven marked
 * ({@code detected}, {@code pValue}) while too damaged for the 64-bit ID to decode ({@code payload} empty).
 *
 * @param detected          the mark is present: {@code pValue} (or the payload check) is below the
 *                          configured false-positive rate
 * @param payload           the 64-bit ID, only when its keyed 32-bit check passed
 * @param pValue            probability that an unmarked video scores this high somewhere in the whole
 *                          search (Bonferroni-corrected over every scale and shift tried); 1 when nothing was analysed
 * @param payloadPValue     probability that a random word passes the keyed check as this one did: 2^-32 per
 *                          candidate tried, i.e. 2^-32 times the accepted word's place in the decoder's list
 *                          (the list is only decoded once sync has proven presence); 1 when no payload was found
 * @param syncScore         normalised sync correlation at the best hypothesis (z)
 * @param tilePeriodPixels  estimated period of the tile in pixels of the analysed video (0 if none)
 * @param bestGuessBits     most likely 64 data bits even when the check failed (for bit-accuracy statistics)
 * @param segments          timeline, in order
 * @param framesSeen        frames passed to the detector
 * @param framesAnalysed    frames actually analysed (the detector subsamples)
 * @param geometry          rotation, one-axis stretch and mirroring under which the mark was found;
 *                          {@link Geometry#NONE} when none was needed or nothing was detected
 * @param idEvidence        soft evidence about the ID at each hypothesis searched, for confirming candidate IDs
 *                          ({@link IdConfirmation}) when {@code payload} is empty; {@link IdEvidence#NONE} if none kept
 * @param idCandidates      how the ID was obtained: 0 when it was read from the mark (or there is none); N &gt; 0 when
 *                          it was confirmed against N candidate IDs ({@link #withConfirmedId}), and then
 *                          {@code payloadPValue} is the confirmation's bound over all N and every hypothesis
 */
public record DetectionResult(boolean detected, Optional<Payload> payload, double pValue, double payloadPValue,
                              double syncScore, double tilePeriodPixels, long bestGuessBits,
                              List<Segment> segments, long framesSeen, long framesAnalysed, Geometry geometry,
                              IdEvidence idEvidence, int idCandidates) {
    public DetectionResult {
        segments = List.copyOf(segments);
        java.util.Objects.requireNonNull(geometry, "geometry");
        java.util.Objects.requireNonNull(idEvidence, "idEvidence");
    }

    /** A result that kept no evidence for confirming candidate IDs. */
    public DetectionResult(boolean detected, Optional<Payload> payload, double pValue, double payloadPValue,
                           double syncScore, double tilePeriodPixels, long bestGuessBits,
                           List<Segment> segments, long framesSeen, long framesAnalysed, Geometry geometry) {
        this(detected, payload, pValue, payloadPValue, syncScore, tilePeriodPixels, bestGuessBits, segments,
                framesSeen, framesAnalysed, geometry, IdEvidence.NONE, 0);
    }

    /**
     * This result with the ID a confirmation found ({@link IdConfirmation#confirm}): detected (the confirmation
     * proves the mark at its p-value), the payload, its p-value and the geometry of the hypothesis it was
     * confirmed at.
     */
    public DetectionResult withConfirmedId(IdConfirmation.Confirmed c) {
        return new DetectionResult(true, Optional.of(c.payload()), pValue, c.pValue(), syncScore, tilePeriodPixels,
                c.payload().bits(), segments, framesSeen, framesAnalysed, c.geometry(), idEvidence, c.candidates());
    }

    /** Whether the ID was confirmed against candidates rather than read from the mark alone. */
    public boolean idConfirmed() {
        return idCandidates > 0 && payload.isPresent();
    }

    /** The answer for a stream with nothing analysable (no frames, or all too small). */
    public static DetectionResult nothing(long framesSeen) {
        return new DetectionResult(false, Optional.empty(), 1.0, 1.0, 0.0, 0.0, 0L, List.of(), framesSeen, 0, Geometry.NONE);
    }

    /** Fraction of the 64 data bits of {@link #bestGuessBits()} that equal {@code truth}. */
    public double bitAccuracy(Payload truth) {
        return 1.0 - Long.bitCount(bestGuessBits ^ truth.bits()) / 64.0;
    }
}
