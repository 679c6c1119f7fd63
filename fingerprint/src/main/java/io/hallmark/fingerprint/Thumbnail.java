package io.hallmark.fingerprint;

/**
 * A tiny luma picture of one sampled frame: the whole frame area-averaged onto a {@code side x side} grid
 * (aspect ratio not kept: a crop or a one-axis stretch of the frame becomes a sub-rectangle or a rescale of
 * the grid). Signers keep 32x32 ones; verifiers make 64x64 ones of what they see, so that a crop of the
 * signed frame can be resampled onto the part of the signer's grid it covers ({@link CropRegistration}).
 * Immutable.
 *
 * @param timeMillis presentation time of the frame
 * @param side       grid size in cells (8..128)
 * @param luma       {@code side * side} mean luma values, row-major
 */
public record Thumbnail(long timeMillis, int side, byte[] luma) {
    public Thumbnail {
        if (side < 8 || side > 128 || luma.length != side * side) {
            throw new IllegalArgumentException("a thumbnail is side x side luma with 8 <= side <= 128");
        }
        luma = luma.clone();
    }

    @Override
    public byte[] luma() {
        return luma.clone();
    }

    byte[] raw() {
        return luma;
    }

    /** This thumbnail area-averaged onto a {@code side x side} grid. */
    Thumbnail resized(int newSide) {
        return of(luma, side, 0, 0, side, side, newSide, timeMillis);
    }

    /** The luma window {@code w x h} at ({@code x0}, {@code y0}) of a plane, area-averaged onto the grid. */
    static Thumbnail of(byte[] plane, int stride, int x0, int y0, int w, int h, int side, long timeMillis) {
        long[] sum = new long[side * side];
        int[] count = new int[side * side];
        for (int y = 0; y < h; y++) {
            int cy = (int) ((long) y * side / h);
            int row = (y0 + y) * stride + x0;
            for (int x = 0; x < w; x++) {
                int c = cy * side + (int) ((long) x * side / w);
                sum[c] += plane[row + x] & 0xff;
                count[c]++;
            }
        }
        byte[] out = new byte[side * side];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (count[i] == 0 ? 0 : sum[i] / count[i]);
        }
        return new Thumbnail(timeMillis, side, out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Thumbnail t && t.timeMillis == timeMillis && t.side == side
                && java.util.Arrays.equals(t.luma, luma);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(luma) * 31 + Long.hashCode(timeMillis);
    }
}
