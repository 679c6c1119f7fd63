package io.hallmark.generator.procedural;

import java.util.SplittableRandom;

/**
 * Seeded 2D gradient (Perlin) noise and fractal sums of it; lattice period 256 (or any smaller period, for
 * tileable textures). Values are roughly in [-1, 1].
 */
final class Noise {
    private final int[] perm = new int[512];
    private final float[] gradX = new float[256];
    private final float[] gradY = new float[256];

    Noise(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] p = new int[256];
        for (int i = 0; i < 256; i++) {
            p[i] = i;
        }
        for (int i = 255; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        for (int i = 0; i < 512; i++) {
            perm[i] = p[i & 255];
        }
        double turn = random.nextDouble() * 2 * StrictMath.PI;
        for (int i = 0; i < 256; i++) {
            double a = turn + i * 2 * StrictMath.PI / 256;
            gradX[i] = (float) StrictMath.cos(a);
            gradY[i] = (float) StrictMath.sin(a);
        }
    }

    float noise(float x, float y) {
        int xi = FastMath.floor(x);
        int yi = FastMath.floor(y);
        return lattice(x - xi, y - yi, xi & 255, (xi + 1) & 255, yi & 255, (yi + 1) & 255);
    }

    /** Noise that repeats every {@code period} lattice units in x and y (period <= 256). */
    float periodic(float x, float y, int period) {
        int xi = FastMath.floor(x);
        int yi = FastMath.floor(y);
        int x0 = Math.floorMod(xi, period);
        int y0 = Math.floorMod(yi, period);
        return lattice(x - xi, y - yi, x0, (x0 + 1) % period, y0, (y0 + 1) % period);
    }

    private float lattice(float fx, float fy, int x0, int x1, int y0, int y1) {
        int a = perm[x0];
        int b = perm[x1];
        int aa = perm[a + y0];
        int ab = perm[a + y1];
        int ba = perm[b + y0];
        int bb = perm[b + y1];
        float n00 = gradX[aa] * fx + gradY[aa] * fy;
        float n10 = gradX[ba] * (fx - 1) + gradY[ba] * fy;
        float n01 = gradX[ab] * fx + gradY[ab] * (fy - 1);
        float n11 = gradX[bb] * (fx - 1) + gradY[bb] * (fy - 1);
        float u = fx * fx * fx * (fx * (fx * 6 - 15) + 10);
        float v = fy * fy * fy * (fy * (fy * 6 - 15) + 10);
        float bottom = n00 + (n10 - n00) * u;
        float top = n01 + (n11 - n01) * u;
        return (bottom + (top - bottom) * v) * 1.41f;
    }

    /**
     * Fractal Brownian motion: {@code octaves} layers, each at double the frequency and half the amplitude,
     * rotated against each other so lattice artefacts do not line up. Normalised to roughly [-1, 1].
     */
    float fbm(float x, float y, int octaves) {
        float sum = 0;
        float amp = 0.5f;
        float norm = 0;
        for (int o = 0; o < octaves; o++) {
            sum += amp * noise(x, y);
            norm += amp;
            float nx = 1.6f * x - 1.2f * y + 17.3f;
            y = 1.2f * x + 1.6f * y - 9.1f;
            x = nx;
            amp *= 0.5f;
        }
        return sum / norm;
    }

    /** fBm with each octave drifting at its own velocity: clouds that evolve rather than slide. */
    float fbmEvolving(float x, float y, int octaves, float t, float driftX, float driftY) {
        float sum = 0;
        float amp = 0.5f;
        float norm = 0;
        for (int o = 0; o < octaves; o++) {
            float k = 1f + 0.35f * o;
            sum += amp * noise(x + driftX * t * k, y + driftY * t * k);
            norm += amp;
            float nx = 1.6f * x - 1.2f * y + 17.3f;
            y = 1.2f * x + 1.6f * y - 9.1f;
            x = nx;
            amp *= 0.5f;
        }
        return sum / norm;
    }
}
