package io.hallmark.watermark;

import java.util.Optional;

/**
 * Identification by confirmation: which of a set of candidate IDs (every ID a store holds, the leads of a
 * fingerprint look-up) the mark carries, when the blind decode could not read it. Confirming a given word is
 * a far easier test than decoding one of 2^64: the score of a known codeword adds the evidence of all its
 * coded bits, and the keyed check no longer has to pass on its own.
 *
 * <p>The test, per candidate c and hypothesis h (one per family the detector searched, K =
 * {@value #HYPOTHESES}): the payload score T = sum c_i soft_i / ||soft|| ({@link IdEvidence}; c_i = +-1) is,
 * conditional on the soft values, sub-Gaussian with unit variance proxy for any codeword drawn independently of
 * them (Hoeffding: a random ID's codeword bits are uniform), whether the video is unmarked, marked with another
 * key or marked with another ID of this key: P(T &ge; t) &le; exp(-t^2/2). The reported p-value is N K
 * exp(-T^2/2) for N candidates, a union bound over every candidate and hypothesis; at the default
 * {@link #DEFAULT_FALSE_IDENTIFICATION} of 1e-9 per video, 10^4 candidates need T &ge; 7.9 and 10^6 need
 * T &ge; 8.4, of the sqrt(204) = 14.3 a noise-free copy reaches. The sync bins take no part: they say that a
 * mark is there, equally for every candidate, so a video marked with another ID would lend its sync evidence
 * to every wrong candidate.
 *
 * <p>The bound holds for candidates whose codeword is independent of the mark's. A candidate that shares a
 * long prefix with the mark's ID shares the start of its codeword (a rate-1/2 code: 2L of the 204 coded bits
 * for L common leading bits) and scores that share of the mark's evidence. IDs are drawn at random (a store
 * of N holds one sharing L leading bits with a given ID with probability at most N 2^-L), and where the mark
 * is strong enough for such a relative to pass, the blind decode reads the ID itself and no candidate is
 * confirmed against it. Closest relatives are refused outright: the best candidate must outscore every
 * other valid word (ID and its keyed check) that shares its first {@value #SIBLING_PREFIX_BITS} bits.
 *
 * <p>Thread-safe (pure functions of immutable inputs).
 */
public final class IdConfirmation {
    /** Default bound on confirming a wrong ID, per video, over every candidate and hypothesis. */
    public static final double DEFAULT_FALSE_IDENTIFICATION = 1e-9;
    /** Hypotheses per video counted in the bound: one per family the detector searches. */
    public static final int HYPOTHESES = 3;
    /** Leading ID bits shared by the siblings the best candidate must outscore (2^(64-52) - 1 of them). */
    static final int SIBLING_PREFIX_BITS = 52;

    private IdConfirmation() {}

    /**
     * A confirmed ID.
     *
     * @param payload    the ID
     * @param pValue     bound on the chance that a wrong candidate scores this well, over all N candidates and
     *                   {@value #HYPOTHESES} hypotheses
     * @param score      the payload score T (normalised by the soft values' norm: at most sqrt(204))
     * @param candidates N, how many candidates were scored
     * @param geometry   the geometry of the hypothesis it was confirmed at
     */
    public record Confirmed(Payload payload, double pValue, double score, int candidates, Geometry geometry) {
    }

    /** The best candidate if it is confirmed at {@code maxFalseIdentification} (e.g. {@link #DEFAULT_FALSE_IDENTIFICATION}). */
    public static Optional<Confirmed> confirm(IdEvidence evidence, CandidateIndex candidates, double maxFalseIdentification) {
        if (candidates.size() == 0) {
            return Optional.empty();
        }
        Confirmed best = null;
        for (IdEvidence.Hypothesis h : evidence.hypotheses()) {
            CandidateIndex.Best b = candidates.best(h);
            if (b.index() < 0) {
                continue;
            }
            double p = pValue(b.score(), candidates.size());
            if (p > maxFalseIdentification || candidates.outscoredBySibling(h, b, SIBLING_PREFIX_BITS)) {
                continue;
            }
            if (best == null || p < best.pValue()) {
                best = new Confirmed(candidates.payload(b.index()), p, b.score(), candidates.size(), h.geometry());
            }
        }
        return best != null && best.pValue() <= maxFalseIdentification ? Optional.of(best) : Optional.empty();
    }

    /** N K exp(-T^2/2), capped at 1. */
    static double pValue(double score, int candidates) {
        if (!(score > 0)) {
            return 1.0;
        }
        return Math.min(1.0, Math.exp(Math.log((double) candidates * HYPOTHESES) - score * score / 2));
    }
}
