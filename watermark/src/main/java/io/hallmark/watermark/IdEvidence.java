package io.hallmark.watermark;

import java.util.List;

/**
 * What the mark says about its ID, kept for confirming candidate IDs ({@link IdConfirmation}) after the blind
 * decode: at most one hypothesis per family the detector searched (plain, geometric, picture-aligned; see
 * {@code HypothesisSearch.FAMILIES}), each with its sync evidence and the pilot-weighted soft values of the
 * {@value #CODED_BITS} coded bits there.
 *
 * <p>Units: {@code soft} is normalised so that, for any fixed codeword c in {+1, -1}^204 (+1 = coded bit 0),
 * {@code T = sum c_i soft_i} has a sub-Gaussian null distribution with unit variance proxy: without the mark,
 * or with another key, each payload bin contributes w cos(U) with U uniform and independent of everything the
 * hypothesis and the weights w were chosen from (the sync bins), so P(T &ge; t) &le; exp(-t^2/2).
 *
 * @param hypotheses the hypotheses, strongest sync first; empty when nothing was analysed
 */
public record IdEvidence(List<Hypothesis> hypotheses) {
    /** Coded bits per word: 64 ID bits and a 32-bit keyed check, rate-1/2 K=7 convolutional code. */
    public static final int CODED_BITS = 204;
    /** No evidence (nothing analysed, or a detector that kept none). */
    public static final IdEvidence NONE = new IdEvidence(List.of());

    public IdEvidence {
        hypotheses = List.copyOf(hypotheses);
    }

    /**
     * One hypothesis of the mark's geometry.
     *
     * @param syncPValue    Bonferroni bound on the chance that an unmarked video's sync scores this high in this
     *                      hypothesis' family (the detector's own p-value for that family; 1 when none)
     * @param soft          {@value IdEvidence#CODED_BITS} normalised soft values, positive = coded bit 0
     * @param expectedScore the score the true word would reach at this hypothesis, as predicted from the sync
     *                      bins (the pilots): sum w^2 over the payload bins, in the units of {@code soft}
     * @param geometry      rotation, stretch and mirroring of this hypothesis
     */
    public record Hypothesis(double syncPValue, float[] soft, double expectedScore, Geometry geometry) {
        public Hypothesis {
            if (soft.length != CODED_BITS) {
                throw new IllegalArgumentException("soft values for " + soft.length + " coded bits, expected " + CODED_BITS);
            }
            soft = soft.clone();
        }

        @Override
        public float[] soft() {
            return soft.clone();
        }

        float softAt(int i) {
            return soft[i];
        }
    }
}
