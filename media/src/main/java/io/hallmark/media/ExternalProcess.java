package io.hallmark.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external program under a real time limit. Its output and error streams go to temporary files, not
 * pipes: reading a pipe to its end would wait for a hung program forever and the limit would never fire, and a
 * program writing into a full pipe nobody reads would block.
 */
public final class ExternalProcess {
    private ExternalProcess() {}

    /** How the program ended: its exit code and what it wrote. */
    public record Result(int exitCode, String output, String errors) {
        /** The last {@code chars} characters of the error output, stripped (for one-line messages). */
        public String errorTail(int chars) {
            String text = errors.strip();
            return text.substring(Math.max(0, text.length() - chars));
        }
    }

    /**
     * Starts {@code builder} (its redirections are replaced) and waits at most {@code timeoutSeconds}. The
     * process is killed when the limit passes ({@link IOException} "NAME timed out after N s") or the waiting
     * thread is interrupted (the {@link InterruptedException} is rethrown).
     */
    public static Result run(ProcessBuilder builder, long timeoutSeconds) throws IOException, InterruptedException {
        String name = Path.of(builder.command().get(0)).getFileName().toString();
        Path output = Files.createTempFile("hallmark-" + name, ".out");
        Path errors = null;
        try {
            errors = Files.createTempFile("hallmark-" + name, ".err");
            Process process = builder.redirectErrorStream(false).redirectOutput(output.toFile())
                    .redirectError(errors.toFile()).start();
            try {
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IOException(name + " timed out after " + timeoutSeconds + " s");
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                throw e;
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8),
                    Files.readString(errors, StandardCharsets.UTF_8));
        } finally {
            VideoWriter.deleteQuietly(output);
            if (errors != null) {
                VideoWriter.deleteQuietly(errors);
            }
        }
    }
}
