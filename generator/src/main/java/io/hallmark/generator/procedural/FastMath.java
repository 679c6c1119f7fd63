package io.hallmark.generator.procedural;

/**
 * Table-based functions for the per-pixel loops: faster than {@link Math}, and (unlike {@code Math.sin},
 * which may use platform intrinsics) bit-reproducible everywhere, since the table is filled with
 * {@link StrictMath} and only IEEE arithmetic follows.
 */
final class FastMath {
    static final float TWO_PI = (float) (2 * StrictMath.PI);
    private static final int SIN_BITS = 12;
    private static final int SIN_SIZE = 1 << SIN_BITS;
    private static final int SIN_MASK = SIN_SIZE - 1;
    private static final float SIN_SCALE = SIN_SIZE / TWO_PI;
    private static final float[] SIN = new float[SIN_SIZE + 1];

    static {
        for (int i = 0; i <= SIN_SIZE; i++) {
            SIN[i] = (float) StrictMath.sin(i * 2 * StrictMath.PI / SIN_SIZE);
        }
    }

    private FastMath() {
    }

    static float sin(float radians) {
        float f = radians * SIN_SCALE;
        int i = floor(f);
        float frac = f - i;
        int k = i & SIN_MASK;
        return SIN[k] + (SIN[k + 1] - SIN[k]) * frac;
    }

    static float cos(float radians) {
        return sin(radians + TWO_PI / 4);
    }

    static int floor(float x) {
        int i = (int) x;
        return x < i ? i - 1 : i;
    }

    static float clamp01(float x) {
        return x < 0 ? 0 : (x > 1 ? 1 : x);
    }

    static float smoothstep(float edge0, float edge1, float x) {
        float t = clamp01((x - edge0) / (edge1 - edge0));
        return t * t * (3 - 2 * t);
    }

    static float mix(float a, float b, float t) {
        return a + (b - a) * t;
    }

    /** x to the 2^k, by repeated squaring (sharp specular highlights). */
    static float powTwo(float x, int k) {
        for (int i = 0; i < k; i++) {
            x *= x;
        }
        return x;
    }

    /** A well-mixed 32-bit hash of integer coordinates, for per-cell random choices. */
    static int hash(int a, int b, int c) {
        int h = a * 0x27d4eb2d ^ b * 0x165667b1 ^ c * 0x61c88647;
        h ^= h >>> 15;
        h *= 0x2c1b3c6d;
        h ^= h >>> 12;
        h *= 0x297a2d39;
        h ^= h >>> 15;
        return h;
    }

    /** {@link #hash} mapped to [0, 1). */
    static float hash01(int a, int b, int c) {
        return (hash(a, b, c) >>> 8) * (1f / (1 << 24));
    }
}
