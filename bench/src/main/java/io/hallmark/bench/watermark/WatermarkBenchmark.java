package io.hallmark.bench.watermark;

import io.hallmark.testdata.SharedData;
import io.hallmark.watermark.quality.Quality;
import io.hallmark.media.EncodeSettings;
import io.hallmark.media.MediaException;
import io.hallmark.media.VideoFrame;
import io.hallmark.media.VideoInfo;
import io.hallmark.media.VideoReader;
import io.hallmark.media.VideoWriter;
import io.hallmark.watermark.DetectionResult;
import io.hallmark.watermark.EmbedOptions;
import io.hallmark.watermark.Payload;
import io.hallmark.watermark.WatermarkDetector;
import io.hallmark.watermark.WatermarkEmbedder;
import io.hallmark.watermark.WatermarkKey;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * Robustness, quality and speed benchmark: for each clip, marks the first seconds (decode, embed, encode
 * with libx264 veryfast CRF 18) and times it against a plain decode+encode of the same frames; measures
 * PSNR-Y/SSIM of marked vs unmarked frames; writes PNGs of a frame and a 10x amplified difference; then
 * applies every attack with FFmpeg and runs the detector. Writes {@code watermark-bench.md} and
 * {@code watermark-bench.json} into the output folder and prints the table.
 *
 * <p>Usage: {@code WatermarkBenchmark [--out DIR] [--seconds S] [--attacks a,b,...] [--repeats N]
 * [--strength S] [--min-psnr DB] [--dwtdct] [--rivagan] [clip...]}
 * (default: all attacks, 6 s per clip, every clip in shared/clips).
 */
public final class WatermarkBenchmark {
    /** The row name of the marked (or plain) encode itself, before any attack. */
    static final String UNATTACKED = "none (CRF 18)";

    /**
     * Benchmark settings: seconds of each clip used, attacks by name, timing repetitions, whether the unmarked
     * copies are attacked too, and the embedding budget (to measure what a stronger or weaker mark buys).
     */
    public record Config(double seconds, List<String> attacks, int repeats, boolean unmarkedAttacks, EmbedOptions embed,
                         boolean dwtDct, boolean rivaGan) {
        public static Config defaults() {
            return new Config(6.0, List.copyOf(Attack.all().keySet()), 1, false, EmbedOptions.DEFAULT, false, false);
        }

        /** Also runs invisible-watermark's dwtDct (python3) on the same clips and attacks. */
        public Config withDwtDct() {
            return new Config(seconds, attacks, repeats, unmarkedAttacks, embed, true, rivaGan);
        }

        /** Also runs RivaGAN (invisible-watermark 0.2.0's ONNX models, python3) at its own and at our PSNR. */
        public Config withRivaGan() {
            return new Config(seconds, attacks, repeats, unmarkedAttacks, embed, dwtDct, true);
        }

        public Config withSeconds(double s) {
            return new Config(s, attacks, repeats, unmarkedAttacks, embed, dwtDct, rivaGan);
        }

        public Config withAttacks(List<String> names) {
            return new Config(seconds, List.copyOf(names), repeats, unmarkedAttacks, embed, dwtDct, rivaGan);
        }

        public Config withRepeats(int n) {
            return new Config(seconds, attacks, n, unmarkedAttacks, embed, dwtDct, rivaGan);
        }

        public Config withUnmarkedAttacks() {
            return new Config(seconds, attacks, repeats, true, embed, dwtDct, rivaGan);
        }

        public Config withEmbed(EmbedOptions options) {
            return new Config(seconds, attacks, repeats, unmarkedAttacks, options, dwtDct, rivaGan);
        }
    }

    /** One detection outcome in the table. */
    public record Row(String clip, String attack, boolean marked, boolean detected, boolean exactPayload,
                      boolean wrongPayload, double bitAccuracy, double pValue, double z, double period,
                      double detectFps, double realTimeFactor) {
    }

    /** One outcome of the dwtDct baseline on the same clip and attack. */
    public record BaselineRow(String clip, String attack, boolean exact, double bitAccuracy, double psnrY,
                              double embedMsPerFrame) {
    }

    /**
     * One outcome of RivaGAN on the same clip and attack: at its own strength ({@code equalPsnr} false) or with its
     * residual scaled to our PSNR-Y on the clip. Bit accuracy is of its 32 bits (NaN when the copy cannot be read).
     */
    public record LearnedRow(String clip, String attack, boolean equalPsnr, boolean exact, double bitAccuracy,
                             double psnrY, double scale, double embedMsPerFrame, double decodeMsPerFrame) {
    }

    /** Per-clip embedding figures. */
    public record ClipStats(String clip, int width, int height, int frames, double psnrMean, double psnrMin,
                            double ssimMean, double embedMsPerFrame, double plainSeconds, double markedSeconds) {
        double ratio() {
            return markedSeconds / plainSeconds;
        }
    }

    private WatermarkBenchmark() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of("target/watermark-bench");
        Config config = Config.defaults();
        List<Path> clips = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--seconds" -> config = config.withSeconds(Double.parseDouble(args[++i]));
                case "--attacks" -> {
                    String list = args[++i];
                    config = config.withAttacks(list.isBlank() ? List.of() : Arrays.asList(list.split(",")));
                }
                case "--repeats" -> config = config.withRepeats(Integer.parseInt(args[++i]));
                case "--unmarked-attacks" -> config = config.withUnmarkedAttacks();
                case "--dwtdct" -> config = config.withDwtDct();
                case "--rivagan" -> config = config.withRivaGan();
                case "--strength" -> config = config.withEmbed(new EmbedOptions(Double.parseDouble(args[++i]), config.embed().minPsnrDb()));
                case "--min-psnr" -> config = config.withEmbed(new EmbedOptions(config.embed().strength(), Double.parseDouble(args[++i])));
                default -> clips.add(Path.of(args[i]));
            }
        }
        if (clips.isEmpty()) {
            clips = defaultClips();
        }
        System.exit(run(out, clips, System.out, config));
    }

    /** Runs with the default configuration; returns a process exit code (0 when every row ran). */
    public static int run(Path outDir, List<Path> clips, PrintStream out) throws IOException {
        return run(outDir, clips, out, Config.defaults());
    }

    public static int run(Path outDir, List<Path> clips, PrintStream out, Config config) throws IOException {
        Map<String, Attack> known = Attack.all();
        for (String a : config.attacks()) {
            if (!known.containsKey(a)) {
                throw new IllegalArgumentException("unknown attack " + a + "; known: " + known.keySet());
            }
        }
        Files.createDirectories(outDir);
        Path work = Files.createDirectories(outDir.resolve("work"));
        WatermarkKey key = WatermarkKey.fromPassphrase("hallmark watermark benchmark");
        List<ClipStats> stats = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        List<BaselineRow> baselineRows = new ArrayList<>();
        Optional<DwtDctBaseline> dwtDct = config.dwtDct() ? DwtDctBaseline.find(work, out) : Optional.empty();
        List<LearnedRow> rivaRows = new ArrayList<>();
        Optional<RivaGanBaseline> rivaGan = config.rivaGan() ? RivaGanBaseline.find(work, out) : Optional.empty();
        int failures = 0;
        for (Path clip : clips) {
            String name = clip.getFileName().toString().replaceAll("\\.[^.]+$", "");
            Payload payload = new Payload(name.hashCode() * 0x9E3779B97F4A7C15L ^ 0x5DEECE66DL);
            Path plain = work.resolve(name + "-plain.mp4");
            Path marked = work.resolve(name + "-marked.mp4");
            ClipStats cs;
            try {
                cs = mark(clip, name, plain, marked, key, payload, config, outDir);
            } catch (IOException | RuntimeException e) {
                out.println("FAILED to mark " + name + ": " + e.getMessage());
                failures++;
                continue;
            }
            stats.add(cs);
            out.printf(Locale.ROOT, "%s %dx%d %d frames: PSNR-Y %.2f (min %.2f) SSIM %.4f, embed %.2f ms/frame, pipeline %.2fs vs plain %.2fs = %.3fx%n",
                    name, cs.width(), cs.height(), cs.frames(), cs.psnrMean(), cs.psnrMin(), cs.ssimMean(), cs.embedMsPerFrame(),
                    cs.markedSeconds(), cs.plainSeconds(), cs.ratio());
            rows.add(detect(name, UNATTACKED, marked, key, payload, true, out));
            rows.add(detect(name, UNATTACKED, plain, key, payload, false, out));
            for (String attackName : config.attacks()) {
                Attack attack = known.get(attackName);
                try {
                    rows.add(detect(name, attackName, attack.apply(marked, work, name + "-m"), key, payload, true, out));
                    if (config.unmarkedAttacks()) {
                        rows.add(detect(name, attackName, attack.apply(plain, work, name + "-u"), key, payload, false, out));
                    }
                } catch (IOException | RuntimeException e) {
                    out.println("FAILED " + name + " / " + attackName + ": " + e.getMessage());
                    failures++;
                }
            }
            if (dwtDct.isPresent()) {
                try {
                    baselineRows.addAll(baseline(dwtDct.get(), clip, name, payload, config, work, known, out));
                } catch (IOException | RuntimeException e) {
                    out.println("FAILED dwtDct baseline on " + name + ": " + e.getMessage());
                    failures++;
                }
            }
            if (rivaGan.isPresent()) {
                try {
                    rivaRows.addAll(rivaGan(rivaGan.get(), clip, name, payload, cs.psnrMean(), config, work, known, out));
                } catch (IOException | RuntimeException e) {
                    out.println("FAILED RivaGAN baseline on " + name + ": " + e.getMessage());
                    failures++;
                }
            }
        }
        String md = markdown(stats, rows, config) + sideBySide(rows, baselineRows) + learnedSideBySide(rows, rivaRows);
        Files.writeString(outDir.resolve("watermark-bench.md"), md);
        Files.writeString(outDir.resolve("watermark-bench.json"), json(stats, rows, config));
        if (!baselineRows.isEmpty()) {
            Files.writeString(outDir.resolve("dwtdct-baseline.json"), baselineJson(baselineRows));
        }
        if (!rivaRows.isEmpty()) {
            Files.writeString(outDir.resolve("rivagan-baseline.json"), learnedJson(rivaRows));
        }
        out.println();
        out.println(md);
        return failures == 0 ? 0 : 1;
    }

    private static ClipStats mark(Path clip, String name, Path plain, Path marked, WatermarkKey key, Payload payload,
                                  Config config, Path outDir) throws IOException {
        double plainSeconds = Double.MAX_VALUE;
        double markedSeconds = Double.MAX_VALUE;
        double[] quality = null;
        for (int r = 0; r < Math.max(1, config.repeats()); r++) {
            plainSeconds = Math.min(plainSeconds, transcode(clip, plain, null, config.seconds(), null, null));
            double[] q = new double[7];
            double seconds = transcode(clip, marked, new WatermarkEmbedder(key, payload, config.embed()), config.seconds(), q,
                    r == 0 ? outDir.resolve(name) : null);
            // Keep the figures of the fastest run (the first one includes JIT warm-up).
            if (seconds < markedSeconds) {
                markedSeconds = seconds;
                quality = q;
            }
        }
        return new ClipStats(name, (int) quality[4], (int) quality[5], (int) quality[3], quality[0] / quality[3],
                quality[1], quality[2], quality[6] / 1e6 / quality[3], plainSeconds, markedSeconds);
    }

    /**
     * Decodes up to {@code seconds} of {@code clip}, optionally embeds, encodes with the default settings.
     * Returns the seconds spent in decode + embed + encode (metrics excluded). quality = {psnr sum, psnr min,
     * ssim mean, frames, width, height, embed nanos}.
     */
    private static double transcode(Path clip, Path dest, WatermarkEmbedder embedder, double seconds, double[] quality,
                                     Path pngPrefix) throws IOException {
        long busy = 0;
        long embed = 0;
        double psnrSum = 0;
        double psnrMin = Double.POSITIVE_INFINITY;
        double ssimSum = 0;
        int ssimCount = 0;
        int frames = 0;
        long t0 = System.nanoTime();
        try (VideoReader reader = VideoReader.open(clip)) {
            VideoInfo info = reader.info();
            int w = info.width() & ~1;
            int h = info.height() & ~1;
            try (VideoWriter writer = VideoWriter.create(dest, w, h, info.frameRate(), EncodeSettings.DEFAULT)) {
                long limit = (long) (seconds * 1e6);
                int target = (int) Math.round(Math.min(seconds, Math.max(0.1, info.durationSeconds())) * info.frameRate() / 2);
                busy += System.nanoTime() - t0;
                while (true) {
                    long a = System.nanoTime();
                    VideoFrame frame = reader.read();
                    if (frame == null || frame.timestampMicros() >= limit) {
                        busy += System.nanoTime() - a;
                        break;
                    }
                    frame = evenSize(frame, w, h);
                    VideoFrame outFrame = frame;
                    if (embedder != null) {
                        long e = System.nanoTime();
                        outFrame = embedder.embed(frame);
                        embed += System.nanoTime() - e;
                    }
                    writer.write(outFrame);
                    busy += System.nanoTime() - a;
                    if (quality != null) {
                        double p = Quality.psnr(frame.y(), outFrame.y());
                        psnrSum += p;
                        psnrMin = Math.min(psnrMin, p);
                        if (frames % 5 == 0) {
                            ssimSum += Quality.ssim(frame.y(), outFrame.y(), w, h);
                            ssimCount++;
                        }
                        if (pngPrefix != null && frames == target) {
                            writePngs(frame, outFrame, pngPrefix);
                        }
                    }
                    frames++;
                }
                long f = System.nanoTime();
                writer.finish();
                busy += System.nanoTime() - f;
            }
            if (quality != null) {
                quality[0] = psnrSum;
                quality[1] = psnrMin;
                quality[2] = ssimCount == 0 ? 1 : ssimSum / ssimCount;
                quality[3] = frames;
                quality[4] = w;
                quality[5] = h;
                quality[6] = embed;
            }
        }
        return busy / 1e9;
    }

    /** Odd-sized sources are cropped by one pixel so that H.264 4:2:0 accepts them. */
    private static VideoFrame evenSize(VideoFrame f, int w, int h) {
        if (f.width() == w && f.height() == h) {
            return f;
        }
        byte[] y = new byte[w * h];
        for (int r = 0; r < h; r++) {
            System.arraycopy(f.y(), r * f.width(), y, r * w, w);
        }
        byte[] u = new byte[(w / 2) * (h / 2)];
        byte[] v = new byte[(w / 2) * (h / 2)];
        for (int r = 0; r < h / 2; r++) {
            System.arraycopy(f.u(), r * f.chromaWidth(), u, r * (w / 2), w / 2);
            System.arraycopy(f.v(), r * f.chromaWidth(), v, r * (w / 2), w / 2);
        }
        return new VideoFrame(w, h, y, u, v, f.index(), f.timestampMicros());
    }

    private static void writePngs(VideoFrame original, VideoFrame marked, Path prefix) throws IOException {
        int w = original.width();
        int h = original.height();
        BufferedImage orig = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        BufferedImage mark = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        BufferedImage diff = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] d = new byte[w * h];
        for (int i = 0; i < d.length; i++) {
            int v = 128 + 10 * ((marked.y()[i] & 0xff) - (original.y()[i] & 0xff));
            d[i] = (byte) Math.max(0, Math.min(255, v));
        }
        orig.getRaster().setDataElements(0, 0, w, h, original.y());
        mark.getRaster().setDataElements(0, 0, w, h, marked.y());
        diff.getRaster().setDataElements(0, 0, w, h, d);
        ImageIO.write(orig, "png", Path.of(prefix + "-frame-original.png").toFile());
        ImageIO.write(mark, "png", Path.of(prefix + "-frame-marked.png").toFile());
        ImageIO.write(diff, "png", Path.of(prefix + "-diff-x10.png").toFile());
    }

    private static Row detect(String clip, String attack, Path video, WatermarkKey key, Payload payload, boolean marked,
                              PrintStream out) throws IOException {
        long t0 = System.nanoTime();
        DetectionResult r = WatermarkDetector.detect(video, key);
        double secs = (System.nanoTime() - t0) / 1e9;
        double duration;
        try (VideoReader reader = VideoReader.open(video)) {
            duration = reader.info().durationSeconds();
        }
        boolean exact = r.payload().isPresent() && r.payload().get().equals(payload);
        boolean wrong = r.payload().isPresent() && !exact;
        Row row = new Row(clip, attack, marked, r.detected(), exact, wrong, marked ? r.bitAccuracy(payload) : Double.NaN,
                r.pValue(), r.syncScore(), r.tilePeriodPixels(), r.framesSeen() / secs, duration / secs);
        out.printf(Locale.ROOT, "  %-34s %-8s detected=%-5s payload=%-5s bitacc=%s p=%.2e z=%.2f P=%.1f detect %.0f fps (%.1fx real time)%n",
                attack, marked ? "marked" : "UNMARKED", r.detected(), exact ? "exact" : (wrong ? "WRONG" : "-"),
                marked ? String.format(Locale.ROOT, "%.3f", row.bitAccuracy()) : "-", r.pValue(), r.syncScore(),
                r.tilePeriodPixels(), row.detectFps(), row.realTimeFactor());
        return row;
    }

    /** dwtDct on the same clip, payload bits and attacks (it marks and reads; the attacks are ours). */
    private static List<BaselineRow> baseline(DwtDctBaseline dwtDct, Path clip, String name, Payload payload, Config config,
                                              Path work, Map<String, Attack> known, PrintStream out) throws IOException {
        Path marked = work.resolve(name + "-dwtdct.mp4");
        DwtDctBaseline.Embedded e = dwtDct.embed(clip, marked, config.seconds(), payload.bits());
        out.printf(Locale.ROOT, "%s dwtDct: %d frames, PSNR-Y %.2f dB, embed %.0f ms/frame%n", name, e.frames(), e.psnrY(),
                e.embedMsPerFrame());
        List<BaselineRow> rows = new ArrayList<>();
        List<String> attacks = new ArrayList<>(List.of(UNATTACKED));
        attacks.addAll(config.attacks());
        for (String attack : attacks) {
            Path copy = attack.equals(UNATTACKED) ? marked : known.get(attack).apply(marked, work, name + "-d");
            Optional<Long> bits = dwtDct.decode(copy);
            double accuracy = bits.map(b -> 1.0 - Long.bitCount(b ^ payload.bits()) / 64.0).orElse(Double.NaN);
            boolean exact = bits.isPresent() && bits.get() == payload.bits();
            rows.add(new BaselineRow(name, attack, exact, accuracy, e.psnrY(), e.embedMsPerFrame()));
            out.printf(Locale.ROOT, "  dwtDct %-34s bitacc=%.3f exact=%s%n", attack, accuracy, exact);
        }
        return rows;
    }

    /**
     * RivaGAN on the same clip, payload (its 32-bit word: the payload's high half) and attacks, at its own strength
     * and with its residual scaled to {@code ourPsnrY}; it marks and reads, the attacks are ours.
     */
    private static List<LearnedRow> rivaGan(RivaGanBaseline riva, Path clip, String name, Payload payload, double ourPsnrY,
                                            Config config, Path work, Map<String, Attack> known, PrintStream out)
            throws IOException {
        int word = RivaGanBaseline.word(payload.bits());
        Path own = work.resolve(name + "-rivagan.mp4");
        Path equal = work.resolve(name + "-rivagan-eq.mp4");
        RivaGanBaseline.Embedded e = riva.embed(clip, own, equal, ourPsnrY, config.seconds(), word);
        out.printf(Locale.ROOT, "%s RivaGAN: %d frames, PSNR-Y %.2f dB own, %.2f dB scaled x%.2f to ours (%.2f), embed %.0f ms/frame%n",
                name, e.frames(), e.psnrY(), e.equalPsnrY(), e.equalScale(), ourPsnrY, e.embedMsPerFrame());
        List<LearnedRow> rows = new ArrayList<>();
        List<String> attacks = new ArrayList<>(List.of(UNATTACKED));
        attacks.addAll(config.attacks());
        for (boolean equalPsnr : new boolean[] {false, true}) {
            Path marked = equalPsnr ? equal : own;
            for (String attack : attacks) {
                Path copy = attack.equals(UNATTACKED) ? marked : known.get(attack).apply(marked, work, name + (equalPsnr ? "-re" : "-r"));
                Optional<RivaGanBaseline.Decoded> d = riva.decode(copy);
                double accuracy = d.map(x -> RivaGanBaseline.bitAccuracy(x.bits(), word)).orElse(Double.NaN);
                boolean exact = d.isPresent() && d.get().bits() == word;
                rows.add(new LearnedRow(name, attack, equalPsnr, exact, accuracy, equalPsnr ? e.equalPsnrY() : e.psnrY(),
                        equalPsnr ? e.equalScale() : 1.0, e.embedMsPerFrame(), d.map(RivaGanBaseline.Decoded::decodeMsPerFrame).orElse(Double.NaN)));
                out.printf(Locale.ROOT, "  RivaGAN %-9s %-34s bitacc=%.3f exact=%s%n", equalPsnr ? "equalPSNR" : "own", attack, accuracy, exact);
            }
        }
        return rows;
    }

    /** Clip x attack and per attack: RivaGAN at its own and at our PSNR against this watermark on the clips all ran. */
    static String learnedSideBySide(List<Row> rows, List<LearnedRow> riva) {
        if (riva.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("\n### Side by side: RivaGAN (invisible-watermark 0.2.0, ONNX, 32 bits) vs this watermark (64-bit ID)\n\n");
        sb.append("Same clips, attacks and payload (RivaGAN carries the ID's high 32 bits). Exact = every bit of the word "
                + "(32 for RivaGAN, the 64-bit ID for ours); unreadable copies count as bit accuracy 0.5.\n\n");
        sb.append("| clip | attack | RivaGAN own: exact | bit acc | RivaGAN equal PSNR: exact | bit acc | ours: exact ID | bit acc |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        for (LearnedRow r : riva) {
            if (r.equalPsnr()) {
                continue;
            }
            Optional<LearnedRow> eq = riva.stream().filter(x -> x.equalPsnr() && x.clip().equals(r.clip()) && x.attack().equals(r.attack())).findFirst();
            Optional<Row> ours = rows.stream().filter(x -> x.marked() && x.clip().equals(r.clip()) && x.attack().equals(r.attack())).findFirst();
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %.3f | %s | %s | %s | %s |%n", r.clip(), r.attack(), yesNo(r.exact()),
                    orHalf(r.bitAccuracy()), eq.map(x -> yesNo(x.exact())).orElse("-"),
                    eq.map(x -> String.format(Locale.ROOT, "%.3f", orHalf(x.bitAccuracy()))).orElse("-"),
                    ours.map(x -> yesNo(x.exactPayload())).orElse("-"),
                    ours.map(x -> String.format(Locale.ROOT, "%.3f", x.bitAccuracy())).orElse("-")));
        }
        sb.append("\n| attack | RivaGAN own: exact 32-bit | mean bit acc | RivaGAN equal PSNR: exact 32-bit | mean bit acc "
                + "| ours: exact 64-bit ID | mean bit acc |\n|---|---|---|---|---|---|---|\n");
        for (String attack : riva.stream().map(LearnedRow::attack).distinct().toList()) {
            List<LearnedRow> own = riva.stream().filter(b -> !b.equalPsnr() && b.attack().equals(attack)).toList();
            List<LearnedRow> eq = riva.stream().filter(b -> b.equalPsnr() && b.attack().equals(attack)).toList();
            List<Row> ours = rows.stream().filter(r -> r.marked() && r.attack().equals(attack)
                    && own.stream().anyMatch(b -> b.clip().equals(r.clip()))).toList();
            sb.append(String.format(Locale.ROOT, "| %s | %d/%d | %.3f | %d/%d | %.3f | %d/%d | %.3f |%n", attack,
                    own.stream().filter(LearnedRow::exact).count(), own.size(),
                    own.stream().mapToDouble(b -> orHalf(b.bitAccuracy())).average().orElse(Double.NaN),
                    eq.stream().filter(LearnedRow::exact).count(), eq.size(),
                    eq.stream().mapToDouble(b -> orHalf(b.bitAccuracy())).average().orElse(Double.NaN),
                    ours.stream().filter(Row::exactPayload).count(), ours.size(),
                    ours.stream().mapToDouble(Row::bitAccuracy).average().orElse(Double.NaN)));
        }
        sb.append(String.format(Locale.ROOT, "%nRivaGAN PSNR-Y %.2f dB mean at its own strength; equal-PSNR copies %.2f dB mean "
                        + "(residual scaled x%.2f mean); embed %.0f ms/frame, decode %.0f ms/frame mean (python, onnxruntime CPU, "
                        + "whole frame; %d frames decoded per copy, logits averaged).%n",
                riva.stream().filter(b -> !b.equalPsnr()).mapToDouble(LearnedRow::psnrY).average().orElse(Double.NaN),
                riva.stream().filter(LearnedRow::equalPsnr).mapToDouble(LearnedRow::psnrY).average().orElse(Double.NaN),
                riva.stream().filter(LearnedRow::equalPsnr).mapToDouble(LearnedRow::scale).average().orElse(Double.NaN),
                riva.stream().mapToDouble(LearnedRow::embedMsPerFrame).average().orElse(Double.NaN),
                riva.stream().mapToDouble(LearnedRow::decodeMsPerFrame).filter(x -> !Double.isNaN(x)).average().orElse(Double.NaN),
                RivaGanBaseline.DECODE_FRAMES));
        return sb.toString();
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }

    private static double orHalf(double accuracy) {
        return Double.isNaN(accuracy) ? 0.5 : accuracy;
    }

    static String learnedJson(List<LearnedRow> rows) {
        StringBuilder sb = new StringBuilder("[\n");
        for (int i = 0; i < rows.size(); i++) {
            LearnedRow r = rows.get(i);
            sb.append(String.format(Locale.ROOT, "  {\"clip\": \"%s\", \"attack\": \"%s\", \"equalPsnr\": %s, \"exact\": %s, "
                            + "\"bitAccuracy\": %s, \"psnrY\": %.3f, \"scale\": %.4f, \"embedMsPerFrame\": %.1f, \"decodeMsPerFrame\": %s}%s%n",
                    r.clip(), r.attack(), r.equalPsnr(), r.exact(),
                    Double.isNaN(r.bitAccuracy()) ? "null" : String.format(Locale.ROOT, "%.4f", r.bitAccuracy()),
                    r.psnrY(), r.scale(), r.embedMsPerFrame(),
                    Double.isNaN(r.decodeMsPerFrame()) ? "null" : String.format(Locale.ROOT, "%.1f", r.decodeMsPerFrame()),
                    i + 1 < rows.size() ? "," : ""));
        }
        return sb.append("]\n").toString();
    }

    /** Per attack: dwtDct against this watermark on the clips both ran. */
    static String sideBySide(List<Row> rows, List<BaselineRow> baseline) {
        if (baseline.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("\n### Side by side: invisible-watermark dwtDct vs this watermark (same clips, attacks, payload)\n\n");
        sb.append("| attack | dwtDct exact | dwtDct mean bit acc | this watermark exact | this watermark mean bit acc |\n|---|---|---|---|---|\n");
        for (String attack : baseline.stream().map(BaselineRow::attack).distinct().toList()) {
            List<BaselineRow> theirs = baseline.stream().filter(b -> b.attack().equals(attack)).toList();
            List<Row> ours = rows.stream().filter(r -> r.marked() && r.attack().equals(attack)
                    && theirs.stream().anyMatch(b -> b.clip().equals(r.clip()))).toList();
            sb.append(String.format(Locale.ROOT, "| %s | %d/%d | %.3f | %d/%d | %.3f |%n", attack,
                    theirs.stream().filter(BaselineRow::exact).count(), theirs.size(),
                    theirs.stream().mapToDouble(b -> Double.isNaN(b.bitAccuracy()) ? 0.5 : b.bitAccuracy()).average().orElse(Double.NaN),
                    ours.stream().filter(Row::exactPayload).count(), ours.size(),
                    ours.stream().mapToDouble(Row::bitAccuracy).average().orElse(Double.NaN)));
        }
        sb.append(String.format(Locale.ROOT, "%ndwtDct PSNR-Y %.2f dB mean, embed %.0f ms/frame mean (python); unreadable copies "
                        + "(a side under 256 px) count as bit accuracy 0.5.%n",
                baseline.stream().mapToDouble(BaselineRow::psnrY).average().orElse(Double.NaN),
                baseline.stream().mapToDouble(BaselineRow::embedMsPerFrame).average().orElse(Double.NaN)));
        return sb.toString();
    }

    static String baselineJson(List<BaselineRow> rows) {
        StringBuilder sb = new StringBuilder("[\n");
        for (int i = 0; i < rows.size(); i++) {
            BaselineRow r = rows.get(i);
            sb.append(String.format(Locale.ROOT, "  {\"clip\": \"%s\", \"attack\": \"%s\", \"exact\": %s, \"bitAccuracy\": %s, "
                            + "\"psnrY\": %.3f, \"embedMsPerFrame\": %.1f}%s%n", r.clip(), r.attack(), r.exact(),
                    Double.isNaN(r.bitAccuracy()) ? "null" : String.format(Locale.ROOT, "%.4f", r.bitAccuracy()),
                    r.psnrY(), r.embedMsPerFrame(), i + 1 < rows.size() ? "," : ""));
        }
        return sb.append("]\n").toString();
    }

    static String markdown(List<ClipStats> stats, List<Row> rows, Config config) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "### Embedding (first %.0f s of each clip; libx264 veryfast CRF 18 for both pipelines; "
                + "strength %.2f, PSNR-Y floor %.1f dB)%n%n", config.seconds(), config.embed().strength(), config.embed().minPsnrDb()));
        sb.append("| clip | size | frames | PSNR-Y mean (min) dB | SSIM-Y | embed ms/frame | plain decode+encode s | decode+embed+encode s | ratio |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|\n");
        for (ClipStats s : stats) {
            sb.append(String.format(Locale.ROOT, "| %s | %dx%d | %d | %.2f (%.2f) | %.4f | %.2f | %.2f | %.2f | %.3f |%n",
                    s.clip(), s.width(), s.height(), s.frames(), s.psnrMean(), s.psnrMin(), s.ssimMean(), s.embedMsPerFrame(),
                    s.plainSeconds(), s.markedSeconds(), s.ratio()));
        }
        sb.append("\n### Detection, clip x attack (marked copies)\n\n");
        sb.append("| clip | attack | detected | exact payload | bit acc | p-value | z | period px | detect fps | x real time |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            if (r.marked()) {
                sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.3f | %.1e | %.1f | %.1f | %.0f | %.1f |%n",
                        r.clip(), r.attack(), r.detected() ? "yes" : "**no**", r.exactPayload() ? "yes" : (r.wrongPayload() ? "**WRONG**" : "no"),
                        r.bitAccuracy(), r.pValue(), r.z(), r.period(), r.detectFps(), r.realTimeFactor()));
            }
        }
        sb.append("\n### Per attack (all clips)\n\n| attack | detected | exact payload | mean bit acc | wrong payloads |\n|---|---|---|---|---|\n");
        java.util.LinkedHashMap<String, List<Row>> byAttack = new java.util.LinkedHashMap<>();
        for (Row r : rows) {
            if (r.marked()) {
                byAttack.computeIfAbsent(r.attack(), k -> new ArrayList<>()).add(r);
            }
        }
        int total = 0, detected = 0, exact = 0, wrong = 0;
        for (var e : byAttack.entrySet()) {
            List<Row> rs = e.getValue();
            long d = rs.stream().filter(Row::detected).count();
            long x = rs.stream().filter(Row::exactPayload).count();
            long wr = rs.stream().filter(Row::wrongPayload).count();
            double acc = rs.stream().mapToDouble(Row::bitAccuracy).average().orElse(Double.NaN);
            sb.append(String.format(Locale.ROOT, "| %s | %d/%d | %d/%d | %.3f | %d |%n", e.getKey(), d, rs.size(), x, rs.size(), acc, wr));
            total += rs.size();
            detected += d;
            exact += x;
            wrong += wr;
        }
        sb.append(String.format(Locale.ROOT, "| **all** | %d/%d | %d/%d | | %d |%n", detected, total, exact, total, wrong));
        long unmarked = rows.stream().filter(r -> !r.marked()).count();
        long falsePos = rows.stream().filter(r -> !r.marked() && r.detected()).count();
        long falsePayload = rows.stream().filter(r -> !r.marked() && r.wrongPayload()).count();
        sb.append(String.format(Locale.ROOT, "%nUnmarked copies: %d, false detections: %d, payloads reported on unmarked: %d%n",
                unmarked, falsePos, falsePayload));
        return sb.toString();
    }

    static String json(List<ClipStats> stats, List<Row> rows, Config config) {
        StringBuilder sb = new StringBuilder("{\n  \"secondsPerClip\": " + config.seconds() + ",\n  \"strength\": "
                + config.embed().strength() + ",\n  \"minPsnrDb\": " + config.embed().minPsnrDb() + ",\n  \"clips\": [\n");
        for (int i = 0; i < stats.size(); i++) {
            ClipStats s = stats.get(i);
            sb.append(String.format(Locale.ROOT, "    {\"clip\": \"%s\", \"width\": %d, \"height\": %d, \"frames\": %d, \"psnrY\": %.3f, \"psnrYMin\": %.3f, "
                            + "\"ssimY\": %.5f, \"embedMsPerFrame\": %.3f, \"plainSeconds\": %.3f, \"markedSeconds\": %.3f, \"ratio\": %.4f}%s%n",
                    s.clip(), s.width(), s.height(), s.frames(), s.psnrMean(), s.psnrMin(), s.ssimMean(), s.embedMsPerFrame(),
                    s.plainSeconds(), s.markedSeconds(), s.ratio(), i + 1 < stats.size() ? "," : ""));
        }
        sb.append("  ],\n  \"detections\": [\n");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            sb.append(String.format(Locale.ROOT, "    {\"clip\": \"%s\", \"attack\": \"%s\", \"marked\": %s, \"detected\": %s, \"exactPayload\": %s, "
                            + "\"wrongPayload\": %s, \"bitAccuracy\": %s, \"pValue\": %.3e, \"z\": %.3f, \"periodPixels\": %.2f, "
                            + "\"detectFps\": %.1f, \"realTimeFactor\": %.2f}%s%n",
                    r.clip(), r.attack(), r.marked(), r.detected(), r.exactPayload(), r.wrongPayload(),
                    Double.isNaN(r.bitAccuracy()) ? "null" : String.format(Locale.ROOT, "%.4f", r.bitAccuracy()),
                    r.pValue(), r.z(), r.period(), r.detectFps(), r.realTimeFactor(), i + 1 < rows.size() ? "," : ""));
        }
        sb.append("  ]\n}\n");
        return sb.toString();
    }

    /**
     * Every clip in {@code shared/clips} (the tuning set), found as the tests find it ({@link SharedData#clips()}).
     *
     * @throws MediaException when there is no shared folder (say {@code -Dhallmark.shared=DIR})
     */
    public static List<Path> defaultClips() throws MediaException {
        try {
            return SharedData.clips();
        } catch (IllegalStateException e) {
            throw new MediaException("no clips given and " + e.getMessage());
        }
    }
}
