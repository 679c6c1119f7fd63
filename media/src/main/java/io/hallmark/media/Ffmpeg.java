package io.hallmark.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        ProcessBuilder builder = new ProcessBuilder(command);
        useBundledLibraries(builder);
        ExternalProcess.Result result;
        try {
            result = ExternalProcess.run(builder, timeoutSeconds);
        } catch (IOException e) {
            throw new MediaException(e.getMessage() + ": " + args, e); // did not start, or timed out
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaException("interrupted while running ffmpeg", e);
        }
        if (result.exitCode() != 0) {
            throw new MediaException("ffmpeg failed (" + result.exitCode() + "): " + result.errorTail(500));
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
