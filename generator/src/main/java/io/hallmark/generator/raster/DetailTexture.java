package io.hallmark.generator.raster;

/**
 * A tileable 256x256 texture of fine detail (grain, weave, ripples) added to luma at full resolution.
 *
 * <p>Scenes are drawn at reduced resolution and upscaled, which alone looks soft; this layer restores
 * pixel-level texture (which natural video has, and which an invisible watermark needs to hide in). The
 * texture is placed in world coordinates, so it moves with the camera instead of sticking to the screen.
 */
public final class DetailTexture {
    public static final int SIZE = 256;
    private static final int MASK = SIZE - 1;
    private final float[] tile;

    /** Takes a {@code SIZE*SIZE} row-major tile and normalises it to zero mean and unit standard deviation. */
    public DetailTexture(float[] tile) {
        if (tile.length != SIZE * SIZE) {
            throw new IllegalArgumentException("detail tile must be " + SIZE + "x" + SIZE);
        }
        double sum = 0;
        double sumSq = 0;
        for (float v : tile) {
            sum += v;
            sumSq += (double) v * v;
        }
        double mean = sum / tile.length;
        double std = Math.sqrt(Math.max(1e-12, sumSq / tile.length - mean * mean));
        this.tile = new float[tile.length];
        for (int i = 0; i < tile.length; i++) {
            this.tile[i] = (float) ((tile[i] - mean) / std);
        }
    }

    /**
     * Where the tile lies for one frame: output pixel (x, y) samples texel
     * ({@code u0 + x*step}, {@code v0 + y*step}); {@code amplitude} is in luma code values per unit of texture.
     */
    public record Placement(DetailTexture texture, double u0, double v0, double step, float amplitude) {
    }

    /** Adds {@code amplitude * texel} for output row {@code y} into {@code out[0..width)}, bilinearly sampled. */
    void sampleRow(Placement p, int y, float[] out, int width) {
        double v = p.v0() + y * p.step();
        long vf = (long) Math.floor(v * 65536.0);
        int vi0 = (int) (vf >> 16) & MASK;
        int vi1 = (vi0 + 1) & MASK;
        float wv = (vf & 0xffff) / 65536f;
        int row0 = vi0 * SIZE;
        int row1 = vi1 * SIZE;
        long uf = (long) Math.floor(p.u0() * 65536.0);
        long du = (long) Math.floor(p.step() * 65536.0);
        float amp = p.amplitude();
        float[] t = tile;
        for (int x = 0; x < width; x++, uf += du) {
            int ui0 = (int) (uf >> 16) & MASK;
            int ui1 = (ui0 + 1) & MASK;
            float wu = (uf & 0xffff) / 65536f;
            float top = t[row0 + ui0] + (t[row0 + ui1] - t[row0 + ui0]) * wu;
            float bottom = t[row1 + ui0] + (t[row1 + ui1] - t[row1 + ui0]) * wu;
            out[x] = (top + (bottom - top) * wv) * amp;
        }
    }
}
