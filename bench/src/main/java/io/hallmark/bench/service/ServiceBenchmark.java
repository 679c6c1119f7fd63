package io.hallmark.bench.service;

import io.hallmark.Hallmark;
import io.hallmark.HallmarkConfig;
import io.hallmark.service.HallmarkService;
import io.hallmark.service.ServiceConfig;
import io.hallmark.verify.scan.Scan;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * {@code hallmark bench service}: bounded load on loopback only. A fixed number of uploads of a mixed corpus
 * (certified, stripped, unmarked and garbage files) at 4, 16 and 64 concurrent clients against an in-process
 * {@code hallmark serve}, against {@code hallmark scan} of the same files in the same run (files/min); p50/p99
 * latency; errors (anything but 200, and 503 that the bounded queue answers by design); resident memory before and
 * after; optionally a soak of fixed length with resident memory and open file descriptors sampled.
 */
public final class ServiceBenchmark {
    private ServiceBenchmark() {}

    /**
     * @param corpus      folder of files to upload (walked)
     * @param hallmark    keys and store of the service (and of the scan it is compared with)
     * @param threads     analysis threads of the service and of the scan
     * @param requests    uploads per concurrency level
     * @param soakMinutes length of the soak at 16 clients, 0 for none
     * @param out         where the table goes
     * @return 0, or 1 when a request failed other than by design
     * @throws Exception when the service cannot start or a file cannot be read
     */
    public static int run(Path corpus, HallmarkConfig hallmark, int threads, int requests, int soakMinutes,
                          PrintStream out) throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(corpus + " holds no files");
        }
        // every level uploads whole rounds of the corpus, so each mix of files weighs as in the scan
        int perLevel = Math.max(1, (requests + files.size() - 1) / files.size()) * files.size();
        Scan.Summary scan;
        double scanPerMinute;
        try (Hallmark h = Hallmark.open(hallmark)) {
            h.scan(files, threads, Optional.empty(), (r, done, total) -> true); // warm-up: JIT, worker processes
            long scanStart = System.nanoTime();
            scan = h.scan(files, threads, Optional.empty(), (r, done, total) -> true);
            scanPerMinute = files.size() / ((System.nanoTime() - scanStart) / 1e9) * 60;
        }

        ServiceConfig config = ServiceConfig.DEFAULT.listeningOn("127.0.0.1", 0).withAnalysis(threads, 64)
                .withRateLimit(1_000_000)
                // throughput, not admission, is measured here: every client may be uploading at once
                .withUploadLimits(ServiceConfig.UploadLimits.DEFAULT.withConcurrency(128, 128));
        int failures = 0;
        try (HallmarkService service = HallmarkService.start(config, hallmark)) {
            long rssBefore = residentKb();
            load(service.url(), files, threads, files.size(), Duration.ZERO); // warm-up, as for the scan
            out.printf("%d files (%d verdict kinds), scan of the same files (warm): %.1f files/min with %d threads%n%n",
                    files.size(), scan.counts().values().stream().filter(c -> c > 0).count(), scanPerMinute, threads);
            out.println("| clients | requests | files/min | vs scan | p50 | p99 | 503 (designed) | errors |");
            out.println("|---|---|---|---|---|---|---|---|");
            for (int clients : new int[] {4, 16, 64}) {
                Load load = load(service.url(), files, clients, perLevel, Duration.ZERO);
                failures += load.errors;
                out.printf("| %d | %d | %.1f | %.2fx | %.2f s | %.2f s | %d | %d |%n", clients, perLevel, load.perMinute(),
                        load.perMinute() / scanPerMinute, load.percentile(50), load.percentile(99), load.busy, load.errors);
            }
            long rssAfter = residentKb();
            out.printf("%nresident memory (this JVM: service and clients): %d MB before, %d MB after%n",
                    rssBefore / 1024, rssAfter / 1024);
            if (soakMinutes > 0) {
                out.printf("%nsoak: 16 clients for %d min (RSS counts the Java heap, which the JVM grows and rarely "
                        + "returns; live heap after a full GC shows what is kept)%n| minute | requests | RSS MB | live heap MB "
                        + "| open fds |%n|---|---|---|---|---|%n", soakMinutes);
                for (int m = 1; m <= soakMinutes; m++) {
                    Load load = load(service.url(), files, 16, Integer.MAX_VALUE, Duration.ofMinutes(1));
                    failures += load.errors;
                    out.printf("| %d | %d | %d | %d | %d |%n", m, load.latencies.size(), residentKb() / 1024, liveHeapMb(),
                            openFiles());
                }
            }
        }
        return failures == 0 ? 0 : 1;
    }

    private static final class Load {
        final List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        int busy;
        int errors;
        double seconds;

        double perMinute() {
            return latencies.size() / seconds * 60;
        }

        double percentile(int p) {
            List<Double> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
        }
    }

    /** One client for the whole run: each HttpClient holds a selector thread and its descriptors until collected. */
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** {@code requests} uploads (or as many as fit in {@code duration}, when not zero) from {@code clients} threads. */
    private static Load load(String url, List<Path> files, int clients, int requests, Duration duration) throws Exception {
        HttpClient http = HTTP;
        Load load = new Load();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger busy = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime();
        long end = duration.isZero() ? Long.MAX_VALUE : start + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                running.add(pool.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < requests && System.nanoTime() < end; ) {
                        Path f = files.get(i % files.size());
                        long t = System.nanoTime();
                        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url + "/v1/verifications"))
                                .timeout(Duration.ofMinutes(10)).POST(HttpRequest.BodyPublishers.ofFile(f)).build(),
                                HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() == 200) {
                            load.latencies.add((System.nanoTime() - t) / 1e9);
                        } else if (r.statusCode() == 503) {
                            busy.incrementAndGet();
                            Thread.sleep(200);
                        } else {
                            errors.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        load.seconds = (System.nanoTime() - start) / 1e9;
        load.busy = busy.get();
        load.errors = errors.get();
        return load;
    }

    private static long residentKb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", ""));
            }
        }
        return -1;
    }

    private static long liveHeapMb() {
        System.gc();
        return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }

    private static long openFiles() throws Exception {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }
}
