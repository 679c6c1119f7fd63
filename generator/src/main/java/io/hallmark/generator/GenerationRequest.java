package io.hallmark.generator;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What to generate: a prompt, a seed, and the output geometry and timing.
 *
 * <p>Validated on construction so that no backend ever sees a request it cannot honour. {@code options} are
 * backend-specific knobs (e.g. {@code scene=water} for the procedural backend); they are copied into a
 * sorted, unmodifiable map so that a request's string form, and anything recorded from it, is stable.
 */
public record GenerationRequest(String prompt, long seed, double durationSeconds, int width, int height, double fps,
                                Map<String, String> options) {
    public static final int MIN_SIDE = 64;
    public static final int MAX_WIDTH = 3840;
    public static final int MAX_HEIGHT = 2160;
    public static final double MAX_DURATION_SECONDS = 600;
    public static final double MAX_FPS = 120;
    public static final int MAX_PROMPT_CHARS = 10_000;

    public GenerationRequest {
        Objects.requireNonNull(prompt, "prompt");
        if (prompt.length() > MAX_PROMPT_CHARS) {
            throw new IllegalArgumentException("prompt is longer than " + MAX_PROMPT_CHARS + " characters");
        }
        if (width < MIN_SIDE || height < MIN_SIDE) {
            throw new IllegalArgumentException("frame size " + width + "x" + height + " is below the minimum "
                    + MIN_SIDE + "x" + MIN_SIDE);
        }
        if (width > MAX_WIDTH || height > MAX_HEIGHT) {
            throw new IllegalArgumentException("frame size " + width + "x" + height + " exceeds the maximum "
                    + MAX_WIDTH + "x" + MAX_HEIGHT);
        }
        if (width % 2 != 0 || height % 2 != 0) {
            // 4:2:0 encoders need even dimensions.
            throw new IllegalArgumentException("frame size " + width + "x" + height + " must have even width and height");
        }
        if (!(durationSeconds > 0 && durationSeconds <= MAX_DURATION_SECONDS)) {
            throw new IllegalArgumentException("duration " + durationSeconds + " s must be in (0, "
                    + MAX_DURATION_SECONDS + "]");
        }
        if (!(fps > 0 && fps <= MAX_FPS)) {
            throw new IllegalArgumentException("frame rate " + fps + " must be in (0, " + MAX_FPS + "]");
        }
        TreeMap<String, String> copy = new TreeMap<>();
        if (options != null) {
            options.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "option name"),
                    Objects.requireNonNull(v, () -> "value of option " + k)));
        }
        options = java.util.Collections.unmodifiableMap(copy);
    }

    /** A request without options. */
    public GenerationRequest(String prompt, long seed, double durationSeconds, int width, int height, double fps) {
        this(prompt, seed, durationSeconds, width, height, fps, Map.of());
    }

    /** Number of frames: duration times rate, rounded, at least one. */
    public long frameCount() {
        return Math.max(1, Math.round(durationSeconds * fps));
    }

    /** Presentation time of frame {@code index} in microseconds. */
    public long timestampMicros(long index) {
        return Math.round(index * 1_000_000.0 / fps);
    }

    public String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    public GenerationRequest withOption(String name, String value) {
        TreeMap<String, String> more = new TreeMap<>(options);
        more.put(name, value);
        return new GenerationRequest(prompt, seed, durationSeconds, width, height, fps, more);
    }
}
