package io.hallmark.watermark.internal;

import io.hallmark.watermark.transform.Fft2d;

/**
 * Finds the keyed sync pattern in a folded tile and reads the payload there.
 *
 * <p>Phase-only correlation: each used bin of the folded spectrum is reduced to its phase
 * {@code u_k = F_k/|F_k|}, which whitens the picture's spectrum and makes the test immune to gain
 * (brightness, contrast). For every cyclic shift d, {@code c(d) = sum_k Re(u_k e^{-i theta_k} e^{2 pi i k.d/N})}
 * over the n sync bins, and {@code z = c / sqrt(n/2)}. Without the mark (or with another key) the keyed
 * phases theta_k are independent and uniform given the picture, each term is cos(uniform) and
 * E[exp(s cos U)] = I0(s) &le; exp(s^2/4): z is sub-Gaussian with unit variance, so
 * P(z &ge; t) &le; exp(-t^2/2) exactly, for every shift and every picture.
 */
public final class SyncCorrelator {
    private final int N;
    private final TileLayout layout;
    private final int[] sync;
    private final Fft2d fft;

    public SyncCorrelator(TileLayout layout) {
        this(layout, TileLayout.N);
    }

    /**
     * A correlator for folds of size {@code n}; with n &lt; N only the sync bins strictly inside the
     * n x n grid's Nyquist limit are used (a cheaper first search).
     */
    public SyncCorrelator(TileLayout layout, int n) {
        this.layout = layout;
        this.N = n;
        this.fft = new Fft2d(n);
        this.sync = java.util.Arrays.stream(layout.syncBins())
                .filter(b -> Math.abs(layout.kx(b)) < n / 2 && Math.abs(layout.ky(b)) < n / 2).toArray();
    }

    /** Best shift of the sync pattern in a folded spectrum. */
    public record Peak(double z, int dx, int dy, double fracDx, double fracDy, double period) {
    }

    public Peak search(TileFolder.Spectrum s) {
        if (s.size() != N) {
            throw new IllegalArgumentException("fold of size " + s.size() + ", correlator of size " + N);
        }
        double[] re = new double[N * N];
        double[] im = new double[N * N];
        for (int b : sync) {
            int idx = TileLayout.fftIndex(layout.kx(b), layout.ky(b), N);
            double fr = s.re()[idx];
            double fi = s.im()[idx];
            double mag = Math.hypot(fr, fi);
            if (mag == 0) {
                continue;
            }
            fr /= mag;
            fi /= mag;
            // u * conj(e^{i theta})
            double zr = fr * layout.cosPhase(b) + fi * layout.sinPhase(b);
            double zi = fi * layout.cosPhase(b) - fr * layout.sinPhase(b);
            re[idx] = zr;
            im[idx] = zi;
            int mirror = TileLayout.fftIndex(-layout.kx(b), -layout.ky(b), N);
            re[mirror] = zr;
            im[mirror] = -zi;
        }
        fft.inverseToReal(re, im);
        double norm = 1.0 / (2 * Math.sqrt(sync.length / 2.0)); // c = out/2, z = c / sqrt(n/2)
        CyclicPeak peak = CyclicPeak.of(re, N);
        return new Peak(peak.value() * norm, peak.index() % N, peak.index() / N, peak.x(), peak.y(), s.period());
    }

    /** z of the sync pattern at one given (fractional) shift. */
    public double scoreAt(TileFolder.Spectrum s, double dx, double dy) {
        double c = 0;
        for (int b : sync) {
            c += alignedComponent(s, b, dx, dy);
        }
        return c / Math.sqrt(sync.length / 2.0);
    }

    /**
     * Soft values of the coded bits at a shift: positive means bit 0. The sync bins double as pilots: their
     * mean alignment in each ring of frequencies estimates how well that ring survived (compression and
     * downscaling remove the outer rings first), and each payload bin is weighted by its ring's estimate,
     * so destroyed rings add no noise to the decision.
     */
    public double[] softBits(TileFolder.Spectrum s, double dx, double dy) {
        if (N != TileLayout.N) {
            throw new IllegalStateException("payload bits need the full tile");
        }
        double[] weight = ringWeights(s, dx, dy);
        double[] soft = new double[layout.codedBits()];
        for (int b = 0; b < layout.binCount(); b++) {
            int role = layout.role(b);
            if (role >= 0) {
                soft[role] += weight[ring(b)] * alignedComponent(s, b, dx, dy);
            }
        }
        return soft;
    }

    /**
     * The soft evidence about the ID at a shift, for confirming candidates: the pilot-weighted soft values of
     * {@link #softBits} scaled by 1/sqrt(sum w^2 / 2) over the payload bins (their null variance), so a fixed
     * codeword's score is sub-Gaussian with unit variance proxy; and the score the true word would reach, as
     * the pilots predict it (each payload bin's expected alignment is its ring's, estimated by w).
     * Returns {@code {soft..., expectedScore}}: {@code codedBits + 1} values.
     */
    public double[] normalisedSoftBits(TileFolder.Spectrum s, double dx, double dy) {
        double[] weight = ringWeights(s, dx, dy);
        double[] out = new double[layout.codedBits() + 1];
        double variance = 0;
        double expected = 0;
        for (int b = 0; b < layout.binCount(); b++) {
            int role = layout.role(b);
            if (role >= 0) {
                double w = weight[ring(b)];
                out[role] += w * alignedComponent(s, b, dx, dy);
                variance += w * w / 2;
                expected += w * w;
            }
        }
        if (variance == 0) {
            return new double[layout.codedBits() + 1];
        }
        double norm = 1 / Math.sqrt(variance);
        for (int i = 0; i < layout.codedBits(); i++) {
            out[i] *= norm;
        }
        out[layout.codedBits()] = expected * norm;
        return out;
    }

    private double[] ringWeights(TileFolder.Spectrum s, double dx, double dy) {
        double[] ringSum = new double[RINGS];
        int[] ringCount = new int[RINGS];
        for (int b : sync) {
            int r = ring(b);
            ringSum[r] += alignedComponent(s, b, dx, dy);
            ringCount[r]++;
        }
        double[] weight = new double[RINGS];
        for (int r = 0; r < RINGS; r++) {
            weight[r] = ringCount[r] == 0 ? 0 : Math.max(0, ringSum[r] / ringCount[r]);
        }
        return weight;
    }

    private static final int RINGS = 7;

    private int ring(int b) {
        double radius = Math.hypot(layout.kx(b), layout.ky(b));
        int r = (int) ((radius - TileLayout.K_MIN) * RINGS / (TileLayout.K_MAX + 1 - TileLayout.K_MIN));
        return Math.max(0, Math.min(RINGS - 1, r));
    }

    /** Re(u_b e^{-i theta_b} e^{2 pi i k.d/N}): about +-1 where the mark is, cos(uniform) where it is not. */
    private double alignedComponent(TileFolder.Spectrum s, int b, double dx, double dy) {
        int idx = TileLayout.fftIndex(layout.kx(b), layout.ky(b), N);
        double fr = s.re()[idx];
        double fi = s.im()[idx];
        double mag = Math.hypot(fr, fi);
        if (mag == 0) {
            return 0;
        }
        double angle = -Math.atan2(fi, fr) + Math.atan2(layout.sinPhase(b), layout.cosPhase(b))
                - 2 * Math.PI * (layout.kx(b) * dx + layout.ky(b) * dy) / N;
        return Math.cos(angle);
    }
}
