package io.hallmark.watermark.ecc;

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
        if (soft.length != codedBits()) {
            throw new IllegalArgumentException("expected " + codedBits() + " soft values, got " + soft.length);
        }
        int steps = infoBits + MEMORY;
        double[] metric = new double[STATES];
        double[] next = new double[STATES];
        java.util.Arrays.fill(metric, Double.NEGATIVE_INFINITY);
        metric[0] = 0;
        // survivor[step][state] = the bit that left the register (the predecessor's oldest bit)
        byte[][] survivor = new byte[steps][STATES];
        for (int step = 0; step < steps; step++) {
            double s0 = finite(soft[2 * step]);
            double s1 = finite(soft[2 * step + 1]);
            java.util.Arrays.fill(next, Double.NEGATIVE_INFINITY);
            int maxInput = step < infoBits ? 1 : 0;
            for (int state = 0; state < STATES; state++) {
                double m = metric[state];
                if (m == Double.NEGATIVE_INFINITY) {
                    continue;
                }
                for (int bit = 0; bit <= maxInput; bit++) {
                    int reg = (state << 1) | bit;
                    int c0 = Integer.bitCount(reg & G0) & 1;
                    int c1 = Integer.bitCount(reg & G1) & 1;
                    double candidate = m + (c0 == 0 ? s0 : -s0) + (c1 == 0 ? s1 : -s1);
                    int to = reg & (STATES - 1);
                    if (candidate > next[to]) {
                        next[to] = candidate;
                        survivor[step][to] = (byte) ((state >> (MEMORY - 1)) & 1);
                    }
                }
            }
            double[] swap = metric;
            metric = next;
            next = swap;
        }
        // Terminated code: the path ends in state 0; walk back through the survivors.
        int[] bits = new int[steps];
        int state = 0;
        for (int step = steps - 1; step >= 0; step--) {
            bits[step] = state & 1;
            state = (state >> 1) | (survivor[step][state] << (MEMORY - 1));
        }
        return java.util.Arrays.copyOf(bits, infoBits);
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : 0.0;
    }
}
