package io.hallmark.bench.generator;

import io.hallmark.generator.FrameSource;
import io.hallmark.generator.GenerationException;
import io.hallmark.generator.GenerationRequest;
import io.hallmark.generator.Generators;
import io.hallmark.media.VideoFrame;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Frames per second of each generating backend at 480p, 720p and 1080p. Each measurement discards a warm-up
 * run (JIT, engine load), then times a fixed number of frames; the procedural backend is measured on each scene
 * family, since their costs differ. Run: {@code java -cp ... io.hallmark.bench.generator.GeneratorBenchmark}.
 */
public final class GeneratorBenchmark {
    private static final int[][] SIZES = {{854, 480}, {1280, 720}, {1920, 1080}};
    private static final String[] SCENES = {"water", "clouds", "flag", "night-lights"};
    private static final int WARMUP_FRAMES = 30;
    private static final int TIMED_FRAMES = 90;

    private GeneratorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(System.out));
    }

    /** Prints the table; returns 0, or 1 if a backend failed (its error is printed). */
    public static int run(PrintStream out) {
        int status = 0;
        out.printf(Locale.ROOT, "cores available: %d%n", Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "%-28s %10s %10s %10s%n", "backend", "480p", "720p", "1080p");
        for (String scene : SCENES) {
            status |= row(out, "procedural/" + scene, "procedural", "rain on a pond", Map.of("scene", scene));
        }
        status |= row(out, "djl/cppn", "djl", "an abstract dream", Map.of());
        return status;
    }

    private static int row(PrintStream out, String label, String generator, String prompt, Map<String, String> options) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-28s", label));
        try {
            for (int[] size : SIZES) {
                double fps = measure(generator, prompt, options, size[0], size[1]);
                line.append(String.format(Locale.ROOT, " %10.1f", fps));
            }
            out.println(line);
            return 0;
        } catch (GenerationException | RuntimeException e) {
            out.println(line + "  FAILED: " + e);
            return 1;
        }
    }

    /** Frames per second over {@link #TIMED_FRAMES}, after a warm-up run. */
    public static double measure(String generator, String prompt, Map<String, String> options, int width, int height)
            throws GenerationException {
        return measure(generator, prompt, options, width, height, System::nanoTime);
    }

    /**
     * {@link #measure(String, String, Map, int, int)} timed by {@code nanoClock} (read once before and once after
     * the timed frames), so a test can check the arithmetic with a clock it controls.
     *
     * @throws IllegalStateException when the generator ends before the frames asked for
     */
    public static double measure(String generator, String prompt, Map<String, String> options, int width, int height,
                                 java.util.function.LongSupplier nanoClock) throws GenerationException {
        double seconds = (WARMUP_FRAMES + TIMED_FRAMES) / 30.0;
        GenerationRequest request = new GenerationRequest(prompt, 42, seconds, width, height, 30, options);
        try (FrameSource source = Generators.byId(generator).open(request)) {
            for (int i = 0; i < WARMUP_FRAMES; i++) {
                consume(source.next());
            }
            long start = nanoClock.getAsLong();
            for (int i = 0; i < TIMED_FRAMES; i++) {
                consume(source.next());
            }
            return TIMED_FRAMES / ((nanoClock.getAsLong() - start) / 1e9);
        }
    }

    /** Frames timed by {@link #measure}, after {@link #WARMUP_FRAMES} untimed ones. */
    public static int timedFrames() {
        return TIMED_FRAMES;
    }

    private static void consume(VideoFrame frame) {
        if (frame == null) {
            throw new IllegalStateException("generator ended early");
        }
    }

    /** For callers that want the sizes measured. */
    public static List<String> sizes() {
        return List.of("854x480", "1280x720", "1920x1080");
    }
}
