package io.hallmark.service;

import io.hallmark.Hallmark;
import io.hallmark.verify.VerificationReport;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The analysis queue: a fixed pool of threads over a bounded queue (full: 503 with Retry-After), and the finished
 * verifications kept for a while by id (oldest dropped). Uploads are deleted once analysed. Thread-safe.
 */
final class Verifications implements AutoCloseable {
    /** One upload's verification. @param id its id @param report completes with the report */
    record Job(String id, CompletableFuture<VerificationReport> report) {
    }

    private final Hallmark hallmark;
    private final io.micrometer.core.instrument.MeterRegistry metrics;
    private final ThreadPoolExecutor pool;
    private final Map<String, Job> kept;

    Verifications(Hallmark hallmark, int threads, int queueCapacity, int resultsKept,
                  io.micrometer.core.instrument.MeterRegistry metrics) {
        this.hallmark = hallmark;
        this.metrics = metrics;
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queueCapacity),
                r -> {
                    Thread t = new Thread(r, "verification");
                    t.setDaemon(true);
                    return t;
                });
        this.kept = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Job> eldest) {
                return size() > resultsKept;
            }
        };
    }

    /**
     * Queues {@code upload} for verification; the upload is deleted when it is done.
     *
     * @param upload the received file
     * @param name   what the report calls it (never the temp path)
     * @throws Problem 503 with Retry-After when the queue is full
     */
    Job submit(Path upload, String name) {
        Job job = new Job(UUID.randomUUID().toString(), new CompletableFuture<>());
        try {
            pool.execute(() -> {
                long started = System.nanoTime();
                VerificationReport report;
                try {
                    report = hallmark.verify(upload).withFile(Path.of(name));
                } catch (Exception | Error e) {
                    report = VerificationReport.error(Path.of(name), String.valueOf(e));
                } finally {
                    Uploads.delete(upload);
                }
                metrics.timer("hallmark.analysis", "verdict", report.verdict().name())
                        .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                job.report().complete(report);
            });
        } catch (RejectedExecutionException e) {
            Uploads.delete(upload);
            throw new Problem(503, "busy", "The analysis queue is full", "every analysis thread is busy and "
                    + pool.getQueue().size() + " uploads are waiting: try again shortly").retryAfter(5);
        }
        synchronized (kept) {
            kept.put(job.id(), job);
        }
        return job;
    }

    /** @param id a job id @return the job, while it is kept */
    Optional<Job> find(String id) {
        synchronized (kept) {
            return Optional.ofNullable(kept.get(id));
        }
    }

    /** @return uploads waiting for a thread */
    int waiting() {
        return pool.getQueue().size();
    }

    /** @return analyses running now */
    int running() {
        return pool.getActiveCount();
    }

    /** Finishes the analyses already accepted (up to a minute), then stops. */
    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(60, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
