package io.hallmark.watermark.internal;

import io.hallmark.watermark.WatermarkKey;
import java.util.ArrayList;
import java.util.List;

/**
 * The keyed structure of the watermark tile, shared by embedder and detector.
 *
 * <p>The tile is one period of a 2-D periodic pattern, described by its DFT on an {@value #N}x{@value #N}
 * grid. Only the bins in the annulus {@value #K_MIN} &le; |k| &le; {@value #K_MAX} cycles per tile are used
 * (mid/low frequencies that survive H.264 and a 50 % downscale). Each bin of the upper half-plane gets a
 * keyed uniform phase and a role: sync (a fixed keyed pattern used to find and prove the mark) or one of
 * the coded payload bits (the bin's sign carries the bit). All bins have unit magnitude, so the tile is a
 * flat-spectrum band-limited noise whose phases only the key holder knows.
 */
public final class TileLayout {
    public static final int N = 128;
    public static final int K_MIN = 6;
    public static final int K_MAX = 32;
    public static final double SYNC_FRACTION = 0.4;

    private final int[] kx;
    private final int[] ky;
    private final double[] cosPhase;
    private final double[] sinPhase;
    /** -1 for sync bins, else the coded-bit index. */
    private final int[] role;
    private final int[] syncBins;
    private final int codedBits;

    public TileLayout(WatermarkKey key, int codedBits) {
        List<int[]> bins = new ArrayList<>();
        for (int y = 0; y <= K_MAX; y++) {
            for (int x = -K_MAX; x <= K_MAX; x++) {
                if (y == 0 && x <= 0) {
                    continue; // upper half-plane only; the other half is the complex conjugate
                }
                double r2 = x * x + y * y;
                if (r2 >= K_MIN * K_MIN && r2 <= K_MAX * K_MAX) {
                    bins.add(new int[] {x, y});
                }
            }
        }
        int count = bins.size();
        this.codedBits = codedBits;
        kx = new int[count];
        ky = new int[count];
        cosPhase = new double[count];
        sinPhase = new double[count];
        role = new int[count];
        KeyStream phases = new KeyStream(key, "tile.phases");
        for (int i = 0; i < count; i++) {
            kx[i] = bins.get(i)[0];
            ky[i] = bins.get(i)[1];
            double theta = 2 * Math.PI * phases.nextDouble();
            cosPhase[i] = Math.cos(theta);
            sinPhase[i] = Math.sin(theta);
        }
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        new KeyStream(key, "tile.roles").shuffle(order);
        int sync = (int) Math.round(count * SYNC_FRACTION);
        if (count - sync < codedBits) {
            throw new IllegalStateException("tile too small for " + codedBits + " coded bits");
        }
        syncBins = new int[sync];
        for (int i = 0; i < count; i++) {
            int bin = order[i];
            if (i < sync) {
                role[bin] = -1;
                syncBins[i] = bin;
            } else {
                role[bin] = (i - sync) % codedBits; // round-robin over a keyed order: interleaving for free
            }
        }
        java.util.Arrays.sort(syncBins);
    }

    public int binCount() { return kx.length; }
    public int kx(int bin) { return kx[bin]; }
    public int ky(int bin) { return ky[bin]; }
    public double cosPhase(int bin) { return cosPhase[bin]; }
    public double sinPhase(int bin) { return sinPhase[bin]; }
    /** -1 for a sync bin, else the index of the coded bit the bin carries. */
    public int role(int bin) { return role[bin]; }
    public int[] syncBins() { return syncBins.clone(); }
    public int syncCount() { return syncBins.length; }
    public int codedBits() { return codedBits; }

    /** Row-major index of bin (x, y) in an N x N FFT array. */
    public static int fftIndex(int x, int y) {
        return fftIndex(x, y, N);
    }

    /** Row-major index of bin (x, y) in an n x n FFT array. */
    public static int fftIndex(int x, int y, int n) {
        return Math.floorMod(y, n) * n + Math.floorMod(x, n);
    }
}
