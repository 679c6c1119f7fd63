package io.hallmark.bench.watermark;

import io.hallmark.media.Ffmpeg;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
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

    /** What to install for it to run. */
    private static final String INSTALL = "pip install invisible-watermark opencv-python-headless PyWavelets numpy";

    private final PythonScript script;

    private DwtDctBaseline(PythonScript script) {
        this.script = script;
    }

    /** What embedding cost and did to the picture. */
    record Embedded(int frames, double psnrY, double embedMsPerFrame) {
    }

    /** The baseline, or empty (saying why on {@code out}) when python3 or the package is missing. */
    static Optional<DwtDctBaseline> find(Path workDir, PrintStream out) throws IOException {
        DwtDctBaseline baseline = new DwtDctBaseline(PythonScript.unpack("dwtDct", SCRIPT, workDir, TIMEOUT_SECONDS));
        boolean ready = baseline.script.available(out, INSTALL);
        return ready ? Optional.of(baseline) : Optional.empty();
    }

    /** Marks the first {@code seconds} of {@code clip} with the 64 bits of {@code bits}, H.264 CRF 18. */
    Embedded embed(Path clip, Path out, double seconds, long bits) throws IOException {
        String json = script.run("embed", Ffmpeg.executable(), clip.toString(), out.toString(), Double.toString(seconds), binary(bits));
        return new Embedded((int) script.number(json, "frames"), script.number(json, "psnrY"), script.number(json, "embedMsPerFrame"));
    }

    /** The 64 bits read from {@code video}, or empty when it cannot be read (dwtDct needs 256 px per side). */
    Optional<Long> decode(Path video) throws IOException {
        Matcher m = Pattern.compile("\"bits\": \"([01]{64})\"").matcher(script.run("decode", Ffmpeg.executable(), video.toString()));
        return m.find() ? Optional.of(Long.parseUnsignedLong(m.group(1), 2)) : Optional.empty();
    }

    static String binary(long bits) {
        String s = Long.toBinaryString(bits);
        return "0".repeat(64 - s.length()) + s;
    }
}
