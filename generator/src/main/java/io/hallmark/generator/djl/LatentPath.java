package io.hallmark.generator.djl;

import java.util.SplittableRandom;

/**
 * A smooth path through latent space: each dimension is a slow sinusoid with its own seeded frequency and
 * phase, so consecutive frames get nearby latents (temporal coherence) and no two seeds share a path.
 */
final class LatentPath {
    private final double[] frequency;
    private final double[] phase;
    private final double[] amplitude;

    LatentPath(long seed, int dim) {
        SplittableRandom random = new SplittableRandom(seed);
        frequency = new double[dim];
        phase = new double[dim];
        amplitude = new double[dim];
        for (int i = 0; i < dim; i++) {
            frequency[i] = 0.03 + 0.12 * random.nextDouble();   // hertz: changes over seconds, not frames
            phase[i] = random.nextDouble() * 2 * Math.PI;
            amplitude[i] = 0.6 + 0.8 * random.nextDouble();
        }
    }

    float[] at(double seconds) {
        float[] z = new float[frequency.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) (amplitude[i] * StrictMath.sin(2 * StrictMath.PI * frequency[i] * seconds + phase[i]));
        }
        return z;
    }
}
