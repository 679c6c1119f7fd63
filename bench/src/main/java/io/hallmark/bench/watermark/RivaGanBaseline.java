package io.hallmark.bench.watermark;

import io.hallmark.media.Ffmpeg;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RivaGAN, the learned watermark whose ONNX encoder and decoder ship in invisible-watermark 0.2.0 (32 bits, MIT),
 * run through {@code python3} + onnxruntime on the CPU, offline, so the benchmark can put a learned anchor side by
 * side with ours on the same clips and attacks. The script ships as a resource; it only marks and reads, the
 * attacks are the benchmark's own. It marks at the package's own strength and, in the same encoder pass, a copy
 * whose residual is scaled to a given PSNR-Y (ours on that clip).
 */
final class RivaGanBaseline {
    static final String SCRIPT = "rivagan_baseline.py";
    static final int BITS = 32;
    /** Frames the decoder runs on per video, spread over it (the model costs about a second per 640x480 frame). */
    static final int DECODE_FRAMES = 6;
    private static final long TIMEOUT_SECONDS = 3600;

    /** What to install for it to run. */
    private static final String INSTALL = "pip install invisible-watermark==0.2.0 onnxruntime opencv-python-headless PyWavelets numpy";

    private final PythonScript script;

    private RivaGanBaseline(PythonScript script) {
        this.script = script;
    }

    /** What embedding cost and did to the picture, at its own strength and scaled to the equal PSNR. */
    record Embedded(int frames, double psnrY, double embedMsPerFrame, double equalPsnrY, double equalScale) {
    }

    /** The 32 bits read, and on how many frames at what cost. */
    record Decoded(int bits, int framesRead, double decodeMsPerFrame) {
    }

    /** The baseline, or empty (saying why on {@code out}) when python3, the package or onnxruntime is missing. */
    static Optional<RivaGanBaseline> find(Path workDir, PrintStream out) throws IOException {
        RivaGanBaseline baseline = new RivaGanBaseline(PythonScript.unpack("RivaGAN", SCRIPT, workDir, TIMEOUT_SECONDS));
        boolean ready = baseline.script.available(out, INSTALL);
        return ready ? Optional.of(baseline) : Optional.empty();
    }

    /**
     * Marks the first {@code seconds} of {@code clip} with {@code bits} into {@code out} and, with the residual
     * scaled to {@code equalPsnrY}, into {@code equalOut}; both H.264 CRF 18.
     */
    Embedded embed(Path clip, Path out, Path equalOut, double equalPsnrY, double seconds, int bits) throws IOException {
        String json = script.run("embed", Ffmpeg.executable(), clip.toString(), out.toString(), Double.toString(seconds),
                binary(bits), equalOut.toString(), Double.toString(equalPsnrY));
        return new Embedded((int) script.number(json, "frames"), script.number(json, "psnrY"), script.number(json, "embedMsPerFrame"),
                script.number(json, "equalPsnrY"), script.number(json, "equalScale"));
    }

    /** The 32 bits read from {@code video}, or empty when it cannot be read (frames under 256x256 in area). */
    Optional<Decoded> decode(Path video) throws IOException {
        String json = script.run("decode", Ffmpeg.executable(), video.toString(), Integer.toString(DECODE_FRAMES));
        Matcher m = Pattern.compile("\"bits\": \"([01]{32})\"").matcher(json);
        return m.find()
                ? Optional.of(new Decoded(Integer.parseUnsignedInt(m.group(1), 2), (int) script.number(json, "framesRead"),
                        script.number(json, "decodeMsPerFrame")))
                : Optional.empty();
    }

    /** The 32 bits RivaGAN carries for a 64-bit payload: its high half (RivaGAN holds 32 bits, ours 64). */
    static int word(long payload) {
        return (int) (payload >>> 32);
    }

    /** Bit accuracy of a read word against the embedded one. */
    static double bitAccuracy(int read, int embedded) {
        return 1.0 - Integer.bitCount(read ^ embedded) / (double) BITS;
    }

    /** The 32 bits most significant first, as the script takes them. */
    static String binary(int bits) {
        String s = Integer.toBinaryString(bits);
        return "0".repeat(BITS - s.length()) + s;
    }
}
