package io.hallmark.cli;

import io.hallmark.generator.GenerationRequest;
import picocli.CommandLine.Option;

/** What to generate: prompt, seed, duration, size, rate, backend. */
public final class GenerationOptions {
    @Option(names = "--prompt", required = true, paramLabel = "TEXT", description = "What the video shows.")
    String prompt;

    @Option(names = "--seed", defaultValue = "1", description = "Seed: same prompt + seed = same frames (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--duration", defaultValue = "5", paramLabel = "S", description = "Seconds (default: ${DEFAULT-VALUE}).")
    double duration;

    @Option(names = "--size", defaultValue = "1280x720", paramLabel = "WxH", description = "Frame size (default: ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--fps", defaultValue = "30", paramLabel = "F", description = "Frames per second (default: ${DEFAULT-VALUE}).")
    double fps;

    @Option(names = "--backend", defaultValue = "procedural", paramLabel = "NAME",
            description = "Generator: procedural (default) or djl.")
    String backend;

    @Option(names = "--hide-prompt", description = "Record only the prompt's SHA-256 in the manifest.")
    boolean hidePrompt;

    public GenerationRequest request() {
        String[] parts = size.toLowerCase(java.util.Locale.ROOT).split("x");
        if (parts.length != 2) {
            throw new IllegalArgumentException("--size must look like 1280x720, got " + size);
        }
        int w;
        int h;
        try {
            w = Integer.parseInt(parts[0].strip());
            h = Integer.parseInt(parts[1].strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--size must look like 1280x720, got " + size);
        }
        return new GenerationRequest(prompt, seed, duration, w, h, fps);
    }
}
