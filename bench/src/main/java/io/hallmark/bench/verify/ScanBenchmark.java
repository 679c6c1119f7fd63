package io.hallmark.bench.verify;

import io.hallmark.media.Ffmpeg;
import io.hallmark.media.VideoReader;
import io.hallmark.verify.Verdict;
import io.hallmark.verify.VerificationReport;
import io.hallmark.verify.Verifier;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Verifier throughput on a folder, against {@code ffmpeg -i F -f null -} decoding the same files in the
 * same run (the floor for anything that looks at every frame). Prints the verdict counts, files per
 * minute, times real time, and the ratio.
 */
public final class ScanBenchmark {
    private ScanBenchmark() {}

    public static int run(Path corpus, Verifier verifier, int threads, PrintStream out) throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        double mediaSeconds = 0;
        List<Path> videos = new ArrayList<>();
        for (Path f : files) {
            try (VideoReader r = VideoReader.open(f)) {
                mediaSeconds += r.info().durationSeconds();
                videos.add(f);
            } catch (IOException notVideo) {
                // images, junk: part of the scan, not of the decode baseline
            }
        }
        long t0 = System.nanoTime();
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<VerificationReport>> futures = new ArrayList<>();
            for (Path f : files) {
                futures.add(pool.submit(() -> verifier.verify(f)));
            }
            for (Future<VerificationReport> fu : futures) {
                counts.merge(fu.get().verdict(), 1, Integer::sum);
            }
        } finally {
            pool.shutdownNow();
        }
        double scan = (System.nanoTime() - t0) / 1e9;

        t0 = System.nanoTime();
        ExecutorService decoders = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Path f : videos) {
                futures.add(decoders.submit(() -> {
                    Ffmpeg.run(600, "-i", f.toString(), "-f", "null", "-");
                    return null;
                }));
            }
            for (Future<?> fu : futures) {
                try {
                    fu.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    // a file ffmpeg rejects still counts in the time it took to reject it
                }
            }
        } finally {
            decoders.shutdownNow();
        }
        double decode = (System.nanoTime() - t0) / 1e9;

        out.printf("files: %d (%d videos, %.0f s of video)%n", files.size(), videos.size(), mediaSeconds);
        counts.forEach((v, n) -> out.printf("  %-16s %d%n", v, n));
        out.printf("| | wall s | files/min | x real time |%n|---|---:|---:|---:|%n");
        out.printf("| hallmark scan (%d threads, isolated decoders) | %.1f | %.0f | %.1f |%n", threads, scan,
                files.size() / scan * 60, mediaSeconds / scan);
        out.printf("| ffmpeg -f null (%d at once, videos only) | %.1f | %.0f | %.1f |%n", threads, decode,
                videos.size() / decode * 60, mediaSeconds / decode);
        out.printf("ratio scan/ffmpeg-decode: %.2f%n", scan / decode);
        return 0;
    }
}
