package io.hallmark.generator.procedural;

import java.util.SplittableRandom;

/**
 * Everything a scene needs to build itself: the prompt analysis, the seeded random source, noise, and the
 * sizes it will be drawn at. All randomness in a scene comes from here, which keeps frames reproducible.
 */
final class SceneSetup {
    final PromptAnalysis prompt;
    final SplittableRandom random;
    final Noise noise;
    final int lowW;
    final int lowH;
    final double fps;

    SceneSetup(PromptAnalysis prompt, long seed, int lowW, int lowH, double fps) {
        this.prompt = prompt;
        long mixed = seed * 0x9E3779B97F4A7C15L ^ prompt.promptHash();
        this.random = new SplittableRandom(mixed);
        this.noise = new Noise(random.nextLong());
        this.lowW = lowW;
        this.lowH = lowH;
        this.fps = fps;
    }

    float range(double from, double to) {
        return (float) (from + (to - from) * random.nextDouble());
    }

    float aspect() {
        return (float) lowW / lowH;
    }
}
