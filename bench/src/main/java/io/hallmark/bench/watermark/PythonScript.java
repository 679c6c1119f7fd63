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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A peer's watermark run as a {@code python3} script shipped next to this class (the baselines the benchmark
 * compares ours with): unpacks it, runs it with a deadline, reads the numbers of its one-line JSON answers.
 * Thread-safe: calls share only the unpacked script file, which they never write.
 */
final class PythonScript {
    private final String name;
    private final Path script;
    private final long timeoutSeconds;

    private PythonScript(String name, Path script, long timeoutSeconds) {
        this.name = name;
        this.script = script;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** The module of video helpers every baseline script imports; unpacked beside each. */
    static final String SHARED_MODULE = "baseline_video.py";

    /**
     * Copies the resource {@code resource} (next to this class) and the {@value #SHARED_MODULE} it imports into
     * {@code workDir}; {@code name} labels errors.
     */
    static PythonScript unpack(String name, String resource, Path workDir, long timeoutSeconds) throws IOException {
        copy(SHARED_MODULE, workDir);
        return new PythonScript(name, copy(resource, workDir), timeoutSeconds);
    }

    private static Path copy(String resource, Path workDir) throws IOException {
        Path file = workDir.resolve(resource);
        try (InputStream in = PythonScript.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("resource " + resource + " missing from the bench jar");
            }
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    /** The unpacked script. */
    Path script() {
        return script;
    }

    /** Runs the script with {@code args}; returns its standard output, or fails with the tail of its error output. */
    String run(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("python3", script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Ffmpeg.useBundledLibraries(builder); // the script runs the bundled ffmpeg
        ExternalProcess.Result result;
        try {
            result = ExternalProcess.run(builder, timeoutSeconds);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (result.exitCode() != 0) {
            throw new IOException(result.errorTail(300));
        }
        return result.output();
    }

    /** The number {@code "field": value} in the script's answer. */
    double number(String json, String field) throws IOException {
        Matcher m = Pattern.compile("\"" + field + "\": ([-0-9.eE]+)").matcher(json);
        if (!m.find()) {
            throw new IOException(name + " baseline: no " + field + " in " + json);
        }
        return Double.parseDouble(m.group(1));
    }

    /**
     * Whether the script's own {@code check} passes here; when not, says on {@code out} that the baseline is
     * skipped, with the last line of the error and {@code installHint} (what to install).
     */
    boolean available(PrintStream out, String installHint) {
        try {
            run("check");
            return true;
        } catch (IOException e) {
            out.println(name + " baseline skipped: python3 with its packages not available ("
                    + String.valueOf(e.getMessage()).lines().reduce((a, b) -> b).orElse("") + "); " + installHint);
            return false;
        }
    }
}
