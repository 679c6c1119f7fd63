package io.hallmark.bench.watermark;

import io.hallmark.media.ExternalProcess;
import io.hallmark.media.Ffmpeg;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * invisible-watermark's {@code dwtDct} (the Stable Diffusion watermark), run through {@code python3} so the
 * benchmark can put it side by side with ours on the same clips and the same attacks. The script ships as a
 * resource; it only marks and reads, the attacks are the benchmark's own.
 */
final class DwtDctBaseline {
    private static final String SCRIPT = "dwtdct_baseline.py";
    private static final long TIMEOUT_SECONDS = 1800;

    private final Path script;

    private DwtDctBaseline(Path script) {
        this.script = script;
    }

    /** What embedding cost and did to the picture. */
    record Embedded(int frames, double psnrY, double embedMsPerFrame) {
    }

    /** The baseline, or empty (saying why on {@code out}) when python3 or the package is missing. */
    static Optional<DwtDctBaseline> find(Path workDir, PrintStream out) throws IOException {
        Path script = workDir.resolve(SCRIPT);
        try (InputStream in = DwtDctBaseline.class.getResourceAsStream(SCRIPT)) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        DwtDctBaseline baseline = new DwtDctBaseline(script);
        try {
            baseline.python("check");
            return Optional.of(baseline);
        } catch (IOException e) {
            out.println("dwtDct baseline skipped: python3 with invisible-watermark not available ("
                    + e.getMessage().lines().reduce((a, b) -> b).orElse("") + "); "
                    + "pip install invisible-watermark opencv-python-headless PyWavelets numpy");
            return Optional.empty();
        }
    }

    /** Marks the first {@code seconds} of {@code clip} with the 64 bits of {@code bits}, H.264 CRF 18. */
    Embedded embed(Path clip, Path out, double seconds, long bits) throws IOException {
        String json = python("embed", Ffmpeg.executable(), clip.toString(), out.toString(), Double.toString(seconds), binary(bits));
        return new Embedded((int) number(json, "frames"), number(json, "psnrY"), number(json, "embedMsPerFrame"));
    }

    /** The 64 bits read from {@code video}, or empty when it cannot be read (dwtDct needs 256 px per side). */
    Optional<Long> decode(Path video) throws IOException {
        Matcher m = Pattern.compile("\"bits\": \"([01]{64})\"").matcher(python("decode", Ffmpeg.executable(), video.toString()));
        return m.find() ? Optional.of(Long.parseUnsignedLong(m.group(1), 2)) : Optional.empty();
    }

    static String binary(long bits) {
        String s = Long.toBinaryString(bits);
        return "0".repeat(64 - s.length()) + s;
    }

    private static double number(String json, String field) throws IOException {
        Matcher m = Pattern.compile("\"" + field + "\": ([-0-9.eE]+)").matcher(json);
        if (!m.find()) {
            throw new IOException("dwtDct baseline: no " + field + " in " + json);
        }
        return Double.parseDouble(m.group(1));
    }

    /** Runs the script; returns its standard output, or fails with the tail of its error output. */
    private String python(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("python3", script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Ffmpeg.useBundledLibraries(builder); // the script runs the bundled ffmpeg
        ExternalProcess.Result result;
        try {
            result = ExternalProcess.run(builder, TIMEOUT_SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (result.exitCode() != 0) {
            throw new IOException(result.errorTail(300));
        }
        return result.output();
    }
}
