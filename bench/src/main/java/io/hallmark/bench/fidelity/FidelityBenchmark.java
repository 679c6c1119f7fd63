package io.hallmark.bench.fidelity;

import io.hallmark.generator.imported.ImportSource;
import io.hallmark.generator.pipeline.CertifiedVideo;
import io.hallmark.generator.pipeline.CertifyingPipeline;
import io.hallmark.generator.pipeline.Progress;
import io.hallmark.media.EncodeSettings;
import io.hallmark.media.Ffmpeg;
import io.hallmark.media.HdrMetadata;
import io.hallmark.media.VideoFrame;
import io.hallmark.media.VideoInfo;
import io.hallmark.media.VideoReader;
import io.hallmark.media.VideoWriter;
import io.hallmark.provenance.ClaimSigner;
import io.hallmark.watermark.DetectionResult;
import io.hallmark.watermark.WatermarkDetector;
import io.hallmark.watermark.WatermarkKey;
import io.hallmark.watermark.quality.Quality;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether certify keeps what the publisher made (issue 26), per kind of source made from one clip: 8-bit BT.709 H.264,
 * 10-bit HLG HEVC, PQ HEVC with mastering metadata, VP9 WebM, full-range H.264. For each: the colour description, pixel
 * format, duration and HDR metadata before and after; the luma PSNR of the certified frames against the source's, on the
 * stored samples (10-bit against 10-bit); the mark read on the output and on an 8-bit SDR tone-mapped copy of HDR
 * outputs; and the cost of certify against a plain decode + encode at the same settings, in the same run.
 */
public final class FidelityBenchmark {
    private FidelityBenchmark() {}

    /** A kind of source: its name and the FFmpeg options that make it from a clip. */
    record Case(String name, String extension, List<String> options, boolean hdr) {
    }

    static List<Case> cases() {
        String scale = "scale=1280:-2,";
        return List.of(
                new Case("8-bit BT.709 H.264", "mp4", List.of("-vf", scale + "format=yuv420p,setparams=color_primaries=bt709:"
                        + "color_trc=bt709:colorspace=bt709:range=tv", "-c:v", "libx264", "-crf", "16"), false),
                new Case("10-bit HLG HEVC", "mp4", List.of("-vf", scale + "format=yuv420p10le,setparams=color_primaries=bt2020:"
                        + "color_trc=arib-std-b67:colorspace=bt2020nc:range=tv", "-c:v", "libx265", "-crf", "16", "-x265-params",
                        "log-level=error", "-tag:v", "hvc1"), true),
                new Case("10-bit PQ HEVC + HDR10 metadata", "mp4", List.of("-vf", scale + "format=yuv420p10le,setparams="
                        + "color_primaries=bt2020:color_trc=smpte2084:colorspace=bt2020nc:range=tv", "-c:v", "libx265", "-crf", "16",
                        "-x265-params", "log-level=error:hdr10=1:master-display=G(13250,34500)B(7500,3000)R(34000,16000)"
                                + "WP(15635,16450)L(10000000,1):max-cll=1000,400", "-tag:v", "hvc1"), true),
                new Case("VP9 WebM", "webm", List.of("-vf", scale + "setparams=color_primaries=bt709:color_trc=bt709:"
                        + "colorspace=bt709:range=tv", "-c:v", "libvpx-vp9", "-crf", "24", "-b:v", "0", "-deadline", "realtime",
                        "-cpu-used", "8"), false),
                new Case("full-range H.264", "mp4", List.of("-vf", "scale=1280:-2:out_range=pc,format=yuv420p,setparams=range=pc:"
                        + "color_primaries=bt709:color_trc=bt709:colorspace=bt709", "-c:v", "libx264", "-crf", "16"), false));
    }

    /** The tuning clip the benchmark uses when none is given (../shared/clips/sam2_01_dog.mp4). */
    public static Path defaultClip() {
        return io.hallmark.testdata.SharedData.clip("sam2_01_dog.mp4");
    }

    public static int run(Path clip, double seconds, ClaimSigner signer, WatermarkKey key, Path work, PrintStream out)
            throws Exception {
        Files.createDirectories(work);
        out.printf(Locale.ROOT, "Source clip: %s, first %.1f s, 1280 wide%n%n", clip.getFileName(), seconds);
        out.println("| source | colour before -> after | pix_fmt before -> after | duration s before -> after | HDR10 metadata kept "
                + "| PSNR-Y vs source dB (min) | mark on output | mark after SDR tone map | certify s | plain s | ratio | not kept |");
        out.println("|---|---|---|---|---|---|---|---|---:|---:|---:|---|");
        int failures = 0;
        for (Case c : cases()) {
            try {
                row(c, clip, seconds, signer, key, work, out);
            } catch (Exception | LinkageError e) {
                out.println("| " + c.name() + " | FAILED: " + e.getMessage() + " |||||||||||");
                failures++;
            }
        }
        return failures == 0 ? 0 : 1;
    }

    private static void row(Case c, Path clip, double seconds, ClaimSigner signer, WatermarkKey key, Path work, PrintStream out)
            throws Exception {
        String slug = c.name().replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(Locale.ROOT);
        Path source = work.resolve(slug + "." + c.extension());
        List<String> args = new ArrayList<>(List.of("-y", "-i", clip.toString(), "-t", Double.toString(seconds), "-an"));
        args.addAll(c.options());
        args.add(source.toString());
        Ffmpeg.run(600, args);
        Path certified = work.resolve(slug + "-certified.mp4");
        long t0 = System.nanoTime();
        CertifiedVideo video;
        EncodeSettings used;
        CertifyingPipeline pipeline = new CertifyingPipeline(key, signer, Optional.empty(), Optional.empty());
        try (ImportSource in = ImportSource.open(source, "bench", "1")) {
            used = pipeline.settingsFor(in, Optional.of(source)); // the plain encode gets exactly these
            video = pipeline.run(in, in.info().frameRate(), certified, Optional.of(source), Progress.NONE);
        }
        double certifySeconds = (System.nanoTime() - t0) / 1e9;
        double plainSeconds = plainEncode(source, used, work.resolve(slug + "-plain.mp4"));
        VideoInfo before;
        VideoInfo after;
        try (VideoReader a = VideoReader.open(source); VideoReader b = VideoReader.open(certified)) {
            before = a.info();
            after = b.info();
        }
        HdrMetadata hdrBefore = HdrMetadata.probe(source);
        String hdrKept = hdrBefore.isEmpty() ? "none to keep" : hdrBefore.equals(HdrMetadata.probe(certified)) ? "yes" : "NO";
        double[] psnr = psnr(source, certified);
        String onOutput = mark(certified, key, video.payloadHex());
        String toneMapped = "-";
        if (c.hdr()) {
            Path sdr = work.resolve(slug + "-sdr.mp4");
            Ffmpeg.run(600, "-y", "-i", certified.toString(), "-vf", "zscale=t=linear:npl=100,format=gbrpf32le,zscale=p=bt709,"
                    + "tonemap=tonemap=hable:desat=0,zscale=t=bt709:m=bt709:r=tv,format=yuv420p", "-c:v", "libx264", "-crf", "23",
                    sdr.toString());
            toneMapped = mark(sdr, key, video.payloadHex());
        }
        out.printf(Locale.ROOT, "| %s | %s -> %s | %s -> %s | %.3f -> %.3f | %s | %.2f (%.2f) | %s | %s | %.2f | %.2f | %.2f | %s |%n",
                c.name(), before.colour().describe(), after.colour().describe(), before.sourcePixelFormat(),
                after.sourcePixelFormat(), before.durationSeconds(), after.durationSeconds(), hdrKept, psnr[0], psnr[1],
                onOutput, toneMapped, certifySeconds, plainSeconds, certifySeconds / plainSeconds,
                video.notKept().isEmpty() ? "-" : String.join("; ", video.notKept()));
    }

    /** Decode + encode at the same settings, no mark, no signing: the peer of certify. */
    private static double plainEncode(Path source, EncodeSettings settings, Path out) throws Exception {
        long t0 = System.nanoTime();
        try (VideoReader r = VideoReader.openKeepingDepth(source)) {
            VideoInfo info = r.info();
            try (VideoWriter w = VideoWriter.create(out, info.width() & ~1, info.height() & ~1, info.frameRate(), settings)) {
                VideoFrame f;
                while ((f = r.read()) != null) {
                    f = f.evenCropped();
                    w.write(settings.bitDepth() > 8 && f.deep().isEmpty() ? f.widened(settings.bitDepth()) : f);
                }
                w.finish();
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Mean and minimum per-frame luma PSNR, on the stored samples (peak 2^bits - 1), frames paired in order. */
    static double[] psnr(Path source, Path copy) throws Exception {
        double sum = 0;
        double min = Double.MAX_VALUE;
        int n = 0;
        try (VideoReader a = VideoReader.openKeepingDepth(source); VideoReader b = VideoReader.openKeepingDepth(copy)) {
            VideoFrame fa;
            VideoFrame fb;
            while ((fa = a.read()) != null && (fb = b.read()) != null) {
                fa = fa.evenCropped();
                double p = fa.deep().isPresent() && fb.deep().isPresent()
                        ? Quality.psnr(fa.deep().get().y(), fb.deep().get().y(), (1 << fa.deep().get().bitDepth()) - 1)
                        : Quality.psnr(fa.y(), fb.y());
                sum += p;
                min = Math.min(min, p);
                n++;
            }
        }
        return new double[] {sum / Math.max(1, n), n == 0 ? 0 : min};
    }

    private static String mark(Path file, WatermarkKey key, String payloadHex) throws Exception {
        DetectionResult d = WatermarkDetector.detect(file, key);
        return !d.detected() ? "not found" : d.payload().map(p -> p.hex().equals(payloadHex) ? "exact ID" : "WRONG ID")
                .orElse("found, no ID");
    }
}
