package io.hallmark.beam;

import io.hallmark.Hallmark;
import io.hallmark.HallmarkConfig;
import io.hallmark.HallmarkHome;
import io.hallmark.generator.GenerationRequest;
import io.hallmark.generator.pipeline.CertifiedVideo;
import io.hallmark.media.Ffmpeg;
import io.hallmark.provenance.store.ManifestStore;
import io.hallmark.provenance.store.SoftBindingServer;
import io.hallmark.verify.scan.Scan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * {@code scripts/hallmark-beam bench [--files N] [--work DIR]}: one corpus of N files (a mix of certified, stripped,
 * unmarked and garbage files, repeated under distinct names), verified by {@code hallmark scan} (the library's scan
 * engine, 2 threads) and by the Beam job on the DirectRunner, on an embedded Flink cluster at parallelism 1 and 2 and
 * on Spark local[1] and local[2], in the same run; files/min, times real time, scaling 2 vs 1, the per-file overhead against a plain
 * {@code ffmpeg -f null} decode of the same files, and peak resident memory. Prints a Markdown table.
 */
public final class BeamBench {
    private BeamBench() {}

    public static void main(String[] args) throws Exception {
        int files = 1000;
        Path work = Path.of("bench-out", "beam");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--files" -> files = Integer.parseInt(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: hallmark-beam bench [--files N] [--work DIR]");
                    System.exit(2);
                }
            }
        }
        bench(files, work);
    }

    private static void bench(int files, Path work) throws Exception {
        Files.createDirectories(work);
        Path home = work.resolve("home");
        Path corpus = work.resolve("corpus");
        List<Path> distinct = distinctFiles(home, work.resolve("distinct"));
        double videoSeconds = replicate(distinct, corpus, files);
        System.out.printf(Locale.ROOT, "corpus: %d files (%d distinct: certified, stripped, unmarked, garbage), %.0f s of video%n",
                files, distinct.size(), videoSeconds);

        double ffmpegPerFile = ffmpegSecondsPerFile(corpus, 40);
        try (ManifestStore store = ManifestStore.open(home.resolve("manifests.db"));
             SoftBindingServer storeService = SoftBindingServer.start(store, 0)) {
            List<String[]> rows = new ArrayList<>();
            rows.add(run("hallmark scan (2 threads)", files, videoSeconds, ffmpegPerFile, () -> scan(home, corpus)));
            rows.add(run("Beam DirectRunner", files, videoSeconds, ffmpegPerFile, () -> beam(home, corpus, work, storeService,
                    "direct", "--runner=DirectRunner", "--targetParallelism=2")));
            String[] flink1 = run("Beam Flink, parallelism 1", files, videoSeconds, ffmpegPerFile, () -> beam(home, corpus,
                    work, storeService, "flink1", "--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=1"));
            String[] flink2 = run("Beam Flink, parallelism 2", files, videoSeconds, ffmpegPerFile, () -> beam(home, corpus,
                    work, storeService, "flink2", "--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2"));
            rows.add(flink1);
            rows.add(flink2);
            String[] spark1 = run("Beam Spark, local[1]", files, videoSeconds, ffmpegPerFile, () -> beam(home, corpus,
                    work, storeService, "spark1", "--runner=SparkRunner", "--sparkMaster=local[1]"));
            String[] spark2 = run("Beam Spark, local[2]", files, videoSeconds, ffmpegPerFile, () -> beam(home, corpus,
                    work, storeService, "spark2", "--runner=SparkRunner", "--sparkMaster=local[2]"));
            rows.add(spark1);
            rows.add(spark2);
            System.out.println();
            System.out.println("| run | seconds | files/min | x real time | s/file | overhead vs ffmpeg decode | peak RSS MB |");
            System.out.println("|---|---|---|---|---|---|---|");
            for (String[] r : rows) {
                System.out.println("| " + String.join(" | ", r) + " |");
            }
            System.out.printf(Locale.ROOT, "%nffmpeg -f null decode: %.3f s/file (mean of 40 files)%n", ffmpegPerFile);
            System.out.printf(Locale.ROOT, "scaling 2 vs 1: Flink %.2fx, Spark %.2fx%n",
                    Double.parseDouble(flink2[2]) / Double.parseDouble(flink1[2]),
                    Double.parseDouble(spark2[2]) / Double.parseDouble(spark1[2]));
            System.out.println("Peak RSS: this JVM's high-water mark (VmHWM) after the run, runner embedded; decoder"
                    + " worker processes come on top (up to their -Xmx each).");
        }
    }

    private interface Job {
        void run() throws Exception;
    }

    private static String[] run(String name, int files, double videoSeconds, double ffmpegPerFile, Job job) throws Exception {
        System.out.println("running: " + name + " ...");
        long t0 = System.nanoTime();
        job.run();
        double seconds = (System.nanoTime() - t0) / 1e9;
        double perFile = seconds / files;
        return new String[] {name, f(seconds, 1), f(files / seconds * 60, 1), f(videoSeconds / seconds, 2), f(perFile, 3),
            f(perFile / ffmpegPerFile, 1) + "x", Long.toString(peakRssMb())};
    }

    private static void scan(Path home, Path corpus) throws IOException {
        List<Path> files;
        try (var s = Files.list(corpus)) {
            files = s.sorted().toList();
        }
        try (Hallmark h = Hallmark.open(HallmarkConfig.of(HallmarkHome.resolve(home)))) {
            Scan.Summary summary = h.scan(files, 2, Optional.empty(), (report, done, total) -> true);
            if (summary.scanned() != files.size()) {
                throw new IllegalStateException("scan verified " + summary.scanned() + " of " + files.size());
            }
        }
    }

    private static void beam(Path home, Path corpus, Path work, SoftBindingServer store, String name, String... runner) {
        List<String> args = new ArrayList<>(List.of("--input=" + corpus + "/*", "--output=" + work.resolve("out-" + name)
                + "/scan", "--hallmarkHome=" + home, "--store=" + store.url(), "--shards=2"));
        args.addAll(List.of(runner));
        PipelineOptionsFactory.register(ScanOptions.class);
        ScanOptions options = PipelineOptionsFactory.fromArgs(args.toArray(String[]::new)).as(ScanOptions.class);
        PipelineResult.State state = ScanPipeline.build(options).run().waitUntilFinish();
        if (state != PipelineResult.State.DONE) {
            throw new IllegalStateException(name + " ended " + state);
        }
    }

    /** Certified, stripped, unmarked and garbage files, made once in {@code dir}. */
    private static List<Path> distinctFiles(Path home, Path dir) throws Exception {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        try (Hallmark h = Hallmark.open(HallmarkConfig.of(HallmarkHome.resolve(home)))) {
            for (int seed = 1; seed <= 3; seed++) {
                Path certified = dir.resolve("certified-" + seed + ".mp4");
                if (!Files.exists(certified)) {
                    CertifiedVideo v = h.generate(new GenerationRequest("bench clip " + seed, seed, 2.0, 320, 240, 25), certified);
                    Ffmpeg.run(120, "-i", v.file().toString(), "-c:v", "libx264", "-crf", "23", "-map_metadata", "-1", "-an",
                            dir.resolve("stripped-" + seed + ".mp4").toString());
                }
                out.add(certified);
                out.add(dir.resolve("stripped-" + seed + ".mp4"));
            }
        }
        Path unmarked = dir.resolve("unmarked.mp4");
        if (!Files.exists(unmarked)) {
            Ffmpeg.run(120, "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25", "-t", "2", "-c:v", "libx264",
                    "-pix_fmt", "yuv420p", unmarked.toString());
        }
        out.add(unmarked);
        Path garbage = dir.resolve("garbage.mp4");
        if (!Files.exists(garbage)) {
            byte[] noise = new byte[50_000];
            new Random(1).nextBytes(noise);
            Files.write(garbage, noise);
        }
        out.add(garbage);
        return out;
    }

    /** N hard links (copies where links fail) named 00000-NAME...; returns the seconds of video in them. */
    private static double replicate(List<Path> distinct, Path corpus, int files) throws IOException {
        if (Files.isDirectory(corpus)) {
            try (var old = Files.list(corpus)) {
                for (Path p : old.toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(corpus);
        double seconds = 0;
        for (int i = 0; i < files; i++) {
            Path source = distinct.get(i % distinct.size());
            Path target = corpus.resolve(String.format(Locale.ROOT, "%05d-%s", i, source.getFileName()));
            try {
                Files.createLink(target, source);
            } catch (IOException | UnsupportedOperationException e) {
                Files.copy(source, target);
            }
            seconds += source.getFileName().toString().startsWith("garbage") ? 0 : 2.0;
        }
        return seconds;
    }

    private static double ffmpegSecondsPerFile(Path corpus, int sample) throws Exception {
        List<Path> files;
        try (var s = Files.list(corpus)) {
            files = s.sorted().limit(sample).toList();
        }
        long t0 = System.nanoTime();
        for (Path f : files) {
            try {
                Ffmpeg.run(120, "-v", "error", "-i", f.toString(), "-f", "null", "-");
            } catch (io.hallmark.media.MediaException e) {
                // garbage does not decode: its failed attempt is the decoder's cost for it
            }
        }
        return (System.nanoTime() - t0) / 1e9 / files.size();
    }

    private static long peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: unknown
        }
        return -1;
    }

    private static String f(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
