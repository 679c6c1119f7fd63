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

    /**
     * Copies {@code video}'s stream (and {@code audio}'s, if any) into {@code out} unchanged, except that a packet
     * lasting one tick or less (the last frame of a stream timed on a 90 kHz clock, which libx264 gives a duration of
     * one tick) lasts {@code lastFrameTicks} instead, so the file lasts as long as its source; 0 leaves durations alone.
     * {@code videoTag}, when not null, is the video's MP4 sample entry (e.g. "hvc1").
     */
    public static void remux(Path video, java.util.Optional<Path> audio, long lastFrameTicks, String videoTag, Path out)
            throws MediaException {
        List<String> args = new java.util.ArrayList<>(List.of("-i", video.toString()));
        audio.ifPresent(a -> args.addAll(List.of("-i", a.toString())));
        args.addAll(List.of("-map", "0:v:0"));
        if (audio.isPresent()) {
            args.addAll(List.of("-map", "1:a?"));
        }
        args.addAll(List.of("-c", "copy"));
        if (videoTag != null) {
            args.addAll(List.of("-tag:v", videoTag));
        }
        if (lastFrameTicks > 0) {
            // pts and dts named: setts otherwise writes dts into pts, losing B-frame reordering
            args.addAll(List.of("-bsf:v", "setts=pts=PTS:dts=DTS:duration='if(lte(DURATION,1)," + lastFrameTicks + ",DURATION)'"));
        }
        args.addAll(List.of("-movflags", "+faststart", "-f", "mp4", out.toString()));
        run(600, args);
    }
}
