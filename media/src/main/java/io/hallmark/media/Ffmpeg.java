package io.hallmark.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.Loader;

/**
 * The {@code ffmpeg} executable bundled in the JavaCV FFmpeg jar (same build as the libraries: libx264,
 * libx265, libvpx). Used where a whole-stream job is simpler as a command: remuxing audio, and the
 * re-encoding attacks of the robustness benchmark.
 */
public final class Ffmpeg {
    private Ffmpeg() {}

    /** Path of the extracted executable (extracted once into the JavaCPP cache). */
    public static String executable() {
        return Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
    }

    /**
     * Lets a process started by {@code builder} run the bundled executable: some bundled libraries (libva)
     * lack an $ORIGIN runpath, so the loader is pointed at the extracted folder.
     */
    public static void useBundledLibraries(ProcessBuilder builder) {
        String dir = Path.of(executable()).getParent().toString();
        String inherited = System.getenv("LD_LIBRARY_PATH");
        builder.environment().put("LD_LIBRARY_PATH", inherited == null ? dir : dir + ":" + inherited);
    }

    /**
     * Runs {@code ffmpeg -hide_banner -nostdin -loglevel error -y ARGS...}; fails with the tail of its
     * stderr when it exits non-zero or runs past {@code timeoutSeconds}.
     */
    public static void run(long timeoutSeconds, List<String> args) throws MediaException {
        List<String> command = new ArrayList<>(List.of(executable(), "-hide_banner", "-nostdin", "-loglevel", "error", "-y"));
        command.addAll(args);
        Path log = null;
        try {
            // Output goes to a file, not a pipe: reading a pipe to its end would wait for a hung ffmpeg
            // forever, and the timeout below would never fire.
            log = Files.createTempFile("hallmark-ffmpeg", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            useBundledLibraries(builder);
            Process process = builder.start();
            try {
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new MediaException("ffmpeg timed out after " + timeoutSeconds + " s: " + args);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                throw e;
            }
            if (process.exitValue() != 0) {
                String text = Files.readString(log, StandardCharsets.UTF_8).strip();
                throw new MediaException("ffmpeg failed (" + process.exitValue() + "): "
                        + text.substring(Math.max(0, text.length() - 500)));
            }
        } catch (IOException e) {
            throw new MediaException("cannot run ffmpeg: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaException("interrupted while running ffmpeg", e);
        } finally {
            if (log != null) {
                VideoWriter.deleteQuietly(log);
            }
        }
    }

    public static void run(long timeoutSeconds, String... args) throws MediaException {
        run(timeoutSeconds, List.of(args));
    }

    /** Copies the video stream of {@code video} and the audio of {@code audio} (if any) into {@code out}. */
    public static void muxAudio(Path video, Path audio, Path out) throws MediaException {
        run(600, "-i", video.toString(), "-i", audio.toString(), "-map", "0:v:0", "-map", "1:a?",
                "-c", "copy", "-movflags", "+faststart", "-f", "mp4", out.toString());
    }
}
