package io.hallmark.watermark;

import io.hallmark.watermark.internal.PayloadFormat;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The codewords of a set of candidate IDs under one key, packed for scoring many at once
 * ({@link IdConfirmation}): 26 bytes each (204 coded bits), so 10^6 candidates take 26 MB and one
 * hypothesis scores them all with 26 table look-ups each (tens of milliseconds). Building costs one
 * HMAC-SHA256 and one convolutional encode per candidate (about 2 microseconds).
 *
 * <p>Immutable and thread-safe once built.
 */
public final class CandidateIndex {
    static final int BYTES = (IdEvidence.CODED_BITS + 7) / 8;

    private final WatermarkKey key;
    private final List<Payload> payloads;
    private final byte[] codewords;

    /** @param candidates the IDs (duplicates are dropped) */
    public CandidateIndex(WatermarkKey key, Collection<Payload> candidates) {
        if (PayloadFormat.CODED_BITS != IdEvidence.CODED_BITS) {
            throw new IllegalStateException("payload format of " + PayloadFormat.CODED_BITS + " coded bits");
        }
        this.key = key;
        this.payloads = List.copyOf(new LinkedHashSet<>(candidates));
        this.codewords = new byte[payloads.size() * BYTES];
        for (int c = 0; c < payloads.size(); c++) {
            int[] bits = PayloadFormat.encode(key, payloads.get(c));
            for (int i = 0; i < bits.length; i++) {
                if (bits[i] != 0) {
                    codewords[c * BYTES + i / 8] |= (byte) (1 << (i % 8));
                }
            }
        }
    }

    private CandidateIndex(WatermarkKey key, List<Payload> payloads, byte[] codewords) {
        this.key = key;
        this.payloads = payloads;
        this.codewords = codewords;
    }

    /**
     * This index with {@code more} candidates appended (those already in it are skipped): only the new ones are
     * encoded, so a store that grows (stores are append-only) costs its new IDs, not all of them again.
     */
    public CandidateIndex with(Collection<Payload> more) {
        java.util.Set<Payload> known = new java.util.HashSet<>(payloads);
        List<Payload> added = more.stream().filter(p -> !known.contains(p)).distinct().toList();
        if (added.isEmpty()) {
            return this;
        }
        CandidateIndex tail = new CandidateIndex(key, added);
        byte[] all = java.util.Arrays.copyOf(codewords, codewords.length + tail.codewords.length);
        System.arraycopy(tail.codewords, 0, all, codewords.length, tail.codewords.length);
        List<Payload> ids = new java.util.ArrayList<>(payloads);
        ids.addAll(added);
        return new CandidateIndex(key, List.copyOf(ids), all);
    }

    public int size() {
        return payloads.size();
    }

    public Payload payload(int index) {
        return payloads.get(index);
    }

    public List<Payload> payloads() {
        return payloads;
    }

    /** The best-scoring candidate at one hypothesis: its index and score (index -1 when there are none). */
    record Best(int index, double score) {
    }

    /**
     * Scores every candidate: {@code T = sum c_i soft_i / ||soft||} with c_i = +1 for coded bit 0, -1 for 1.
     *
     * <p>Why the norm: conditional on the soft values, a codeword drawn independently of them (a random ID's,
     * whose bits are uniform) gives a sum of 204 terms +-soft_i, sub-Gaussian with variance proxy ||soft||^2
     * (Hoeffding), whatever the video holds. The detector's own normalisation (unit variance without a mark)
     * is not enough: in a copy marked with another ID the mark's own energy is in the soft values, and a
     * random codeword agrees with that word on about half its bits by chance, so its raw score spreads as
     * sqrt(1 + E^2/204) for a true-word score E (1e5 random IDs against 276 copies: 6 confirmed wrongly).
     * The price: the true word's score is E / sqrt(1 + E^2/204), at most sqrt(204) = 14.3.
     */
    Best best(IdEvidence.Hypothesis h) {
        float[] soft = unitSoft(h);
        // table[j][v]: the score of byte j of a codeword when that byte is v
        float[][] table = new float[BYTES][256];
        for (int j = 0; j < BYTES; j++) {
            for (int v = 0; v < 256; v++) {
                float sum = 0;
                for (int k = 0; k < 8; k++) {
                    int i = 8 * j + k;
                    if (i < IdEvidence.CODED_BITS) {
                        sum += ((v >>> k) & 1) == 0 ? soft[i] : -soft[i];
                    }
                }
                table[j][v] = sum;
            }
        }
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0, off = 0; c < payloads.size(); c++, off += BYTES) {
            float s = 0;
            for (int j = 0; j < BYTES; j++) {
                s += table[j][codewords[off + j] & 0xff];
            }
            if (s > bestScore) {
                bestScore = s;
                best = c;
            }
        }
        return new Best(best, bestScore);
    }

    /**
     * Whether a valid word other than the best candidate's, sharing its first {@code prefixBits} ID bits,
     * scores at least as well at this hypothesis: then the evidence points at a relative of the candidate
     * (perhaps an ID outside the candidates), not at the candidate. Costs 2^(64 - prefixBits) encodes.
     */
    boolean outscoredBySibling(IdEvidence.Hypothesis h, Best best, int prefixBits) {
        float[] soft = unitSoft(h);
        long bits = payloads.get(best.index()).bits();
        long mask = -1L >>> prefixBits;
        for (long low = 0; low <= mask; low++) {
            long sibling = (bits & ~mask) | low;
            if (sibling != bits && score(PayloadFormat.encode(key, new Payload(sibling)), soft) >= best.score()) {
                return true;
            }
        }
        return false;
    }

    private static double score(int[] codeword, float[] soft) {
        double s = 0;
        for (int i = 0; i < codeword.length; i++) {
            s += codeword[i] == 0 ? soft[i] : -soft[i];
        }
        return s;
    }

    /** The soft values scaled to unit Euclidean norm (all zero when they are). */
    private static float[] unitSoft(IdEvidence.Hypothesis h) {
        double sumSquares = 0;
        for (int i = 0; i < IdEvidence.CODED_BITS; i++) {
            sumSquares += (double) h.softAt(i) * h.softAt(i);
        }
        float[] out = new float[IdEvidence.CODED_BITS];
        if (sumSquares > 0) {
            double scale = 1 / Math.sqrt(sumSquares);
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) (h.softAt(i) * scale);
            }
        }
        return out;
    }

    /** Scores of every candidate at one hypothesis, in index order (for tests and benchmarks). */
    double[] scores(IdEvidence.Hypothesis h) {
        float[] soft = unitSoft(h);
        double[] out = new double[payloads.size()];
        for (int c = 0; c < payloads.size(); c++) {
            double s = 0;
            for (int i = 0; i < IdEvidence.CODED_BITS; i++) {
                int bit = (codewords[c * BYTES + i / 8] >>> (i % 8)) & 1;
                s += bit == 0 ? soft[i] : -soft[i];
            }
            out[c] = s;
        }
        return out;
    }
}
