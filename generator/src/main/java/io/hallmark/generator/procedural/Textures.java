package io.hallmark.generator.procedural;

import io.hallmark.generator.raster.DetailTexture;

/** Tileable detail textures for {@link DetailTexture}, built from seeded noise. */
final class Textures {
    private Textures() {
    }

    /** Fine multi-octave grain: stone, water micro-ripples, vapour. */
    static DetailTexture grain(Noise noise, int basePeriod) {
        float[] tile = new float[DetailTexture.SIZE * DetailTexture.SIZE];
        for (int j = 0; j < DetailTexture.SIZE; j++) {
            for (int i = 0; i < DetailTexture.SIZE; i++) {
                float sum = 0;
                float amp = 1;
                int period = basePeriod;
                for (int o = 0; o < 4 && period <= DetailTexture.SIZE; o++) {
                    float s = (float) period / DetailTexture.SIZE;
                    sum += amp * noise.periodic(i * s + 0.5f, j * s + 0.5f, period);
                    amp *= 0.6f;
                    period *= 2;
                }
                tile[j * DetailTexture.SIZE + i] = sum;
            }
        }
        return new DetailTexture(tile);
    }

    /** Plain-weave cloth: over-under threads with slight irregularity. */
    static DetailTexture weave(Noise noise) {
        float[] tile = new float[DetailTexture.SIZE * DetailTexture.SIZE];
        int threads = 4; // texels per thread
        for (int j = 0; j < DetailTexture.SIZE; j++) {
            for (int i = 0; i < DetailTexture.SIZE; i++) {
                int ci = i / threads;
                int cj = j / threads;
                float across = FastMath.sin((i % threads + 0.5f) * (float) Math.PI / threads);
                float down = FastMath.sin((j % threads + 0.5f) * (float) Math.PI / threads);
                // Warp on top in one checker cell, weft in the other.
                float v = ((ci + cj) & 1) == 0 ? across * 0.8f + down * 0.2f : down * 0.8f + across * 0.2f;
                v += 0.25f * noise.periodic(i * 0.125f, j * 0.125f, 32);
                tile[j * DetailTexture.SIZE + i] = v;
            }
        }
        return new DetailTexture(tile);
    }
}
