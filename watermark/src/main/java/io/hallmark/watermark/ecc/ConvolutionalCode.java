package io.hallmark.watermark.ecc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rate-1/2, constraint-length-7 convolutional code (the NASA/CCSDS generators 133 and 171 octal),
 * terminated with 6 zero tail bits, decoded by a soft-decision Viterbi decoder.
 *
 * <p>Soft inputs are correlations: a positive value votes for coded bit 0, a negative one for bit 1,
 * and the magnitude is the confidence. The decoder maximises the sum of the correlations along the path,
 * which is maximum likelihood for Gaussian noise whatever the scale of the inputs.
 */
public final class ConvolutionalCode {
    public static final int CONSTRAINT_LENGTH = 7;
    private static final int MEMORY = CONSTRAINT_LENGTH - 1;
    private static final int STATES = 1 << MEMORY;
    private static final int G0 = 0133;
    private static final int G1 = 0171;

    private final int infoBits;

    /** A code for messages of {@code infoBits} bits. */
    public ConvolutionalCode(int infoBits) {
        if (infoBits < 1) {
            throw new IllegalArgumentException("infoBits must be positive: " + infoBits);
        }
        this.infoBits = infoBits;
    }

    public int infoBits() {
        return infoBits;
    }

    /** Number of coded bits: two per info bit and per tail bit. */
    public int codedBits() {
        return 2 * (infoBits + MEMORY);
    }

    /** Encodes {@code info} (one bit per element, 0 or 1) into {@link #codedBits()} bits. */
    public int[] encode(int[] info) {
        if (info.length != infoBits) {
            throw new IllegalArgumentException("expected " + infoBits + " info bits, got " + info.length);
        }
        int[] out = new int[codedBits()];
        int reg = 0;
        for (int i = 0; i < infoBits + MEMORY; i++) {
            int bit = i < infoBits ? (info[i] & 1) : 0;
            reg = ((reg << 1) | bit) & 0x7f;
            out[2 * i] = Integer.bitCount(reg & G0) & 1;
            out[2 * i + 1] = Integer.bitCount(reg & G1) & 1;
        }
        return out;
    }

    /**
     * Maximum-likelihood info bits for the soft values {@code soft} (length {@link #codedBits()}; positive
     * means 0). Non-finite values are treated as erasures.
     */
    public int[] decode(double[] soft) {
        return decodeList(soft, 1).get(0);
    }

    /**
     * The {@code listSize} most likely info words for {@code soft}, best first (list Viterbi decoding: every
     * state keeps its {@code listSize} best paths instead of one). An outer check (a CRC, a keyed MAC) can
     * then pick the first word that passes, which recovers words a plain Viterbi decoder gets wrong by a
     * few bits; each extra candidate tried adds one chance for a random word to pass the check.
     */
    public List<int[]> decodeList(double[] soft, int listSize) {
        if (soft.length != codedBits()) {
            throw new IllegalArgumentException("expected " + codedBits() + " soft values, got " + soft.length);
        }
        if (listSize < 1 || listSize > MAX_LIST) {
            throw new IllegalArgumentException("listSize must be within [1, " + MAX_LIST + "]: " + listSize);
        }
        int steps = infoBits + MEMORY;
        // metric[state * L + r]: the r-th best path metric into the state (descending), count[state] of them.
        double[] metric = new double[STATES * listSize];
        double[] next = new double[STATES * listSize];
        int[] count = new int[STATES];
        int[] nextCount = new int[STATES];
        metric[0] = 0;
        count[0] = 1;
        // Per step, state and rank: the predecessor's oldest register bit and the predecessor path's rank.
        byte[][] fromHigh = new byte[steps][STATES * listSize];
        byte[][] fromRank = new byte[steps][STATES * listSize];
        for (int step = 0; step < steps; step++) {
            double s0 = finite(soft[2 * step]);
            double s1 = finite(soft[2 * step + 1]);
            boolean tail = step >= infoBits;
            for (int to = 0; to < STATES; to++) {
                int bit = to & 1;
                nextCount[to] = 0;
                if (tail && bit == 1) {
                    continue;
                }
                // The two predecessors differ in their oldest bit; merge their sorted lists.
                int p0 = to >> 1;
                int p1 = p0 | (1 << (MEMORY - 1));
                double b0 = branch((p0 << 1) | bit, s0, s1);
                double b1 = branch((p1 << 1) | bit, s0, s1);
                int i0 = 0;
                int i1 = 0;
                int n = 0;
                while (n < listSize && (i0 < count[p0] || i1 < count[p1])) {
                    double m0 = i0 < count[p0] ? metric[p0 * listSize + i0] + b0 : Double.NEGATIVE_INFINITY;
                    double m1 = i1 < count[p1] ? metric[p1 * listSize + i1] + b1 : Double.NEGATIVE_INFINITY;
                    int slot = to * listSize + n;
                    if (m0 >= m1) {
                        next[slot] = m0;
                        fromHigh[step][slot] = 0;
                        fromRank[step][slot] = (byte) i0++;
                    } else {
                        next[slot] = m1;
                        fromHigh[step][slot] = 1;
                        fromRank[step][slot] = (byte) i1++;
                    }
                    n++;
                }
                nextCount[to] = n;
            }
            double[] swap = metric;
            metric = next;
            next = swap;
            int[] swapCount = count;
            count = nextCount;
            nextCount = swapCount;
        }
        // Terminated code: every path ends in state 0; walk each one back.
        List<int[]> words = new ArrayList<>(count[0]);
        for (int r = 0; r < count[0]; r++) {
            int[] bits = new int[steps];
            int state = 0;
            int rank = r;
            for (int step = steps - 1; step >= 0; step--) {
                int slot = state * listSize + rank;
                bits[step] = state & 1;
                rank = fromRank[step][slot] & 0xff;
                state = (state >> 1) | (fromHigh[step][slot] << (MEMORY - 1));
            }
            words.add(Arrays.copyOf(bits, infoBits));
        }
        return words;
    }

    /** Largest list {@link #decodeList} keeps (ranks are stored in a byte). */
    public static final int MAX_LIST = 255;

    private static double branch(int reg, double s0, double s1) {
        int c0 = Integer.bitCount(reg & G0) & 1;
        int c1 = Integer.bitCount(reg & G1) & 1;
        return (c0 == 0 ? s0 : -s0) + (c1 == 0 ? s1 : -s1);
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : 0.0;
    }
}
