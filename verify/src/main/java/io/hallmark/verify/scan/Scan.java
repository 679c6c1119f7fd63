package io.hallmark.verify.scan;

import io.hallmark.verify.Verdict;
import io.hallmark.verify.VerificationReport;
import io.hallmark.verify.Verifier;
import io.hallmark.verify.render.ReportJson;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Verifies many files in parallel and reports each as it finishes.
 *
 * <p>With a JSONL file the scan is resumable: files already in it are skipped, and every finished file's line
 * ({@link ReportJson}, schema {@code hallmark.verify/2}) is appended and flushed before the next, so an interrupted
 * scan loses at most the files in flight. One bad file never stops the scan: whatever the verifier throws becomes
 * that file's {@link Verdict#ERROR} report.
 *
 * <p>Thread safety: one {@code Scan} runs on the calling thread plus {@code threads} pool threads; the
 * {@link Listener} is called on the calling thread only, in completion order. Cancellation: interrupting the
 * calling thread, or a listener returning false, stops the scan (pending files are not started; the JSONL keeps
 * what finished) and throws {@link CancellationException}.
 */
public final class Scan {
    /** Receives each file's report as it finishes; return false to stop the scan. */
    @FunctionalInterface
    public interface Listener {
        boolean finished(VerificationReport report, int done, int total);
    }

    /**
     * What a scan did.
     *
     * @param counts  reports per verdict, every verdict present (0 when none)
     * @param scanned files verified in this run
     * @param skipped files skipped because the JSONL already had them
     * @param seconds wall-clock time of this run
     */
    public record Summary(Map<Verdict, Integer> counts, int scanned, int skipped, double seconds) {
        public Summary {
            counts = Collections.unmodifiableMap(new EnumMap<>(counts));
        }

        /** Files per minute over this run. */
        public double filesPerMinute() {
            return scanned / Math.max(seconds, 1e-9) * 60;
        }
    }

    private final Verifier verifier;
    private final int threads;
    private final Optional<Path> jsonl;

    /**
     * @param verifier used from {@code threads} threads at once ({@link Verifier} is thread-safe); not closed here
     * @param threads  files verified at once, 1..64
     * @param jsonl    results file to append to and resume from, or empty to keep no file
     * @throws IllegalArgumentException when {@code threads} is outside 1..64
     */
    public Scan(Verifier verifier, int threads, Optional<Path> jsonl) {
        checkThreads(threads);
        this.verifier = verifier;
        this.threads = threads;
        this.jsonl = jsonl;
    }

    /**
     * Verifies the files of {@code files} that the JSONL does not report yet ({@link ScanTargets#pending}).
     *
     * @throws IOException           when the JSONL cannot be read or written
     * @throws CancellationException when cancelled (see the class comment)
     */
    public Summary run(List<Path> files, Listener listener) throws IOException {
        List<Path> todo = ScanTargets.pending(files, jsonl);
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            counts.put(v, 0);
        }
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (BufferedWriter sink = jsonl.isEmpty() ? null : Files.newBufferedWriter(jsonl.get(), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            // Reports (thumbnails included) are handed on and dropped as they finish: nothing keeps them.
            ExecutorCompletionService<VerificationReport> completion = new ExecutorCompletionService<>(pool);
            for (Path f : todo) {
                completion.submit(() -> safeVerify(f));
            }
            for (int i = 0; i < todo.size(); i++) {
                VerificationReport r = completion.take().get();
                counts.merge(r.verdict(), 1, Integer::sum);
                if (sink != null) {
                    sink.write(ReportJson.toJson(r).toString());
                    sink.newLine();
                    sink.flush(); // each finished file is durable: an interrupted scan resumes after it
                }
                if (!listener.finished(r, i + 1, todo.size())) {
                    throw new CancellationException("scan stopped after " + (i + 1) + " of " + todo.size() + " files");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("scan interrupted");
        } catch (ExecutionException e) {
            throw new IllegalStateException("unreachable: safeVerify catches everything", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new Summary(counts, todo.size(), files.size() - todo.size(), (System.nanoTime() - started) / 1e9);
    }

    /** @throws IllegalArgumentException when {@code threads} is outside 1..64 */
    public static void checkThreads(int threads) {
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException("--threads must be within 1..64");
        }
    }

    private VerificationReport safeVerify(Path file) {
        try {
            return verifier.verify(file);
        } catch (RuntimeException | Error e) {
            // Whatever a hostile file does to a library, the scan goes on and says so.
            return VerificationReport.error(file, String.valueOf(e));
        }
    }
}
