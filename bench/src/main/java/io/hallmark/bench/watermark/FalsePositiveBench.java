package io.hallmark.bench.watermark;

import io.hallmark.media.MediaException;
import io.hallmark.media.VideoFrame;
import io.hallmark.media.VideoReader;
import io.hallmark.watermark.DetectOptions;
import io.hallmark.watermark.DetectionResult;
import io.hallmark.watermark.WatermarkDetector;
import io.hallmark.watermark.WatermarkKey;
import io.hallmark.watermark.internal.Evidence;
import io.hallmark.watermark.internal.HypothesisSearch;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Empirical false-positive check: cuts unmarked material (the real clips, re-encoded and transformed
 * variants of them, and synthetic pictures including periodic patterns) into short windows, runs the
 * full detector on every window as if it were a whole video, and counts detections and payloads. Each
 * window is tested under one of several keys (rotating), since the design bound holds per key.
 *
 * <p>Usage: {@code FalsePositiveBench [--out DIR] [--window S] [--seconds S] [--variants a,b] [--synthetic N] [clip...]}.
 */
public final class FalsePositiveBench {
    /** Settings: window length, seconds used per clip, attack variants (names from {@link Attack#all()}). */
    public record Config(double windowSeconds, double secondsPerClip, List<String> variants, int keys, int syntheticWindows) {
        public static Config defaults() {
            return new Config(0.5, 15, List.of("h264_crf35", "h265_crf28", "scale50_crf28", "crop10each_crf23",
                    "bright+20_crf23", "blur1_crf23"), 4, 300);
        }
    }

    /** Outcome: windows tested, detections, payloads reported, and the largest sync score seen. */
    public record Outcome(int windows, int detections, int payloads, double maxZ, double threshold) {
    }

    private FalsePositiveBench() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of("target/watermark-fp");
        Config c = Config.defaults();
        List<Path> clips = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--window" -> c = new Config(Double.parseDouble(args[++i]), c.secondsPerClip(), c.variants(), c.keys(), c.syntheticWindows());
                case "--seconds" -> c = new Config(c.windowSeconds(), Double.parseDouble(args[++i]), c.variants(), c.keys(), c.syntheticWindows());
                case "--variants" -> {
                    String list = args[++i];
                    c = new Config(c.windowSeconds(), c.secondsPerClip(), list.isEmpty() ? List.of() : Arrays.asList(list.split(",")),
                            c.keys(), c.syntheticWindows());
                }
                case "--synthetic" -> c = new Config(c.windowSeconds(), c.secondsPerClip(), c.variants(), c.keys(),
                        Integer.parseInt(args[++i]));
                default -> clips.add(Path.of(args[i]));
            }
        }
        if (clips.isEmpty()) {
            clips = WatermarkBenchmark.defaultClips();
        }
        Outcome o = run(out, clips, System.out, c);
        System.exit(o.detections() == 0 && o.payloads() == 0 ? 0 : 1);
    }

    public static Outcome run(Path outDir, List<Path> clips, PrintStream out, Config config) throws IOException {
        Files.createDirectories(outDir);
        List<WatermarkKey> keys = new ArrayList<>();
        for (int k = 0; k < config.keys(); k++) {
            keys.add(WatermarkKey.fromPassphrase("false positive bench key " + k));
        }
        Counter counter = new Counter(keys, config.windowSeconds());
        for (Path clip : clips) {
            String name = clip.getFileName().toString();
            counter.feed(name + " original", clip, config.secondsPerClip(), out);
            for (String variant : config.variants()) {
                Attack attack = Attack.all().get(variant);
                if (attack == null) {
                    throw new IllegalArgumentException("unknown variant " + variant);
                }
                Path transformed = attack.apply(clip, outDir, name.replaceAll("\\.[^.]+$", "") + "-unmarked");
                counter.feed(name + " " + variant, transformed, config.secondsPerClip(), out);
                Files.deleteIfExists(transformed);
            }
        }
        counter.synthetic(config.syntheticWindows(), out);
        Outcome o = new Outcome(counter.windows, counter.detections, counter.payloads, counter.maxZ,
                HypothesisSearch.threshold(DetectOptions.DEFAULT.falsePositiveRate() / 2));
        String summary = String.format(Locale.ROOT,
                "Unmarked windows of %.1f s tested: %d (%d keys); false detections: %d; payloads reported: %d; "
                        + "largest sync z: %.2f (detection threshold z = %.2f)%n",
                config.windowSeconds(), o.windows(), keys.size(), o.detections(), o.payloads(), o.maxZ(), o.threshold());
        out.print(summary);
        Files.writeString(outDir.resolve("false-positives.md"), summary);
        Files.writeString(outDir.resolve("false-positives.json"), String.format(Locale.ROOT,
                "{\"windowSeconds\": %.2f, \"windows\": %d, \"keys\": %d, \"detections\": %d, \"payloads\": %d, \"maxZ\": %.3f, \"thresholdZ\": %.3f}%n",
                config.windowSeconds(), o.windows(), keys.size(), o.detections(), o.payloads(), o.maxZ(), o.threshold()));
        return o;
    }

    /** Runs one detector per window, rotating keys. */
    private static final class Counter {
        private final List<WatermarkKey> keys;
        private final double windowSeconds;
        int windows;
        int detections;
        int payloads;
        double maxZ = Double.NEGATIVE_INFINITY;

        Counter(List<WatermarkKey> keys, double windowSeconds) {
            this.keys = keys;
            this.windowSeconds = windowSeconds;
        }

        void feed(String label, Path video, double seconds, PrintStream out) throws MediaException {
            int before = windows;
            Evidence evidence = null;
            long windowEnd = 0;
            long window = (long) (windowSeconds * 1e6);
            try (VideoReader reader = VideoReader.open(video)) {
                VideoFrame frame;
                while ((frame = reader.read()) != null && frame.timestampMicros() < seconds * 1e6) {
                    if (evidence == null || frame.timestampMicros() >= windowEnd) {
                        finish(evidence);
                        evidence = newEvidence();
                        windowEnd = (frame.timestampMicros() / window + 1) * window;
                    }
                    evidence.accept(frame);
                }
            }
            finish(evidence);
            out.printf(Locale.ROOT, "  %-40s %3d windows, detections so far %d, max z %.2f%n", label, windows - before, detections, maxZ);
        }

        void synthetic(int count, PrintStream out) {
            Random random = new Random(2024);
            int before = windows;
            for (int i = 0; i < count; i++) {
                Evidence evidence = newEvidence();
                int kind = i % 5;
                int w = 320 + 32 * random.nextInt(10);
                int h = 240 + 24 * random.nextInt(10);
                long seed = random.nextLong();
                for (int f = 0; f < 15; f++) {
                    evidence.accept(Synthetic.frame(kind, w, h, f, seed));
                }
                finish(evidence);
            }
            out.printf(Locale.ROOT, "  %-40s %3d windows, detections so far %d, max z %.2f%n", "synthetic", windows - before, detections, maxZ);
        }

        private Evidence newEvidence() {
            DetectOptions o = DetectOptions.DEFAULT;
            return new Evidence(o.analysisFps(), o.segmentSeconds(), o.maxSegments());
        }

        private void finish(Evidence evidence) {
            if (evidence == null || evidence.framesAnalysed() == 0) {
                return;
            }
            DetectionResult r = WatermarkDetector.decide(evidence, keys.get(windows % keys.size()), DetectOptions.DEFAULT);
            windows++;
            if (r.detected()) {
                detections++;
            }
            if (r.payload().isPresent()) {
                payloads++;
            }
            maxZ = Math.max(maxZ, r.syncScore());
        }
    }

    /** Synthetic unmarked pictures (one window shares a seed): noise, moving gradient, checkerboard, stripes, flat. */
    static final class Synthetic {
        private Synthetic() {}

        static VideoFrame frame(int kind, int w, int h, int index, long seed) {
            int period = 8 + new Random(seed).nextInt(120);
            Random r = new Random(seed + index);
            byte[] y = new byte[w * h];
            for (int row = 0; row < h; row++) {
                for (int col = 0; col < w; col++) {
                    int v = switch (kind) {
                        case 0 -> 128 + (int) (30 * r.nextGaussian());
                        case 1 -> (col + row + 4 * index) % 256;
                        case 2 -> ((col / period + row / period) % 2 == 0) ? 40 : 200;
                        case 3 -> 128 + (int) (60 * Math.sin(2 * Math.PI * (col + 0.5 * row) / period));
                        default -> 90;
                    };
                    y[row * w + col] = (byte) Math.max(0, Math.min(255, v));
                }
            }
            int chroma = ((w + 1) / 2) * ((h + 1) / 2);
            byte[] u = new byte[chroma];
            byte[] v = new byte[chroma];
            Arrays.fill(u, (byte) 128);
            Arrays.fill(v, (byte) 128);
            return new VideoFrame(w, h, y, u, v, index, index * 33_333L);
        }
    }
}
