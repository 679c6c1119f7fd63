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
    /**
     * One upload's verification.
     *
     * @param id      its id
     * @param bytes   the upload's size
     * @param started when its analysis began ({@link System#nanoTime()}), 0 while it waits for a thread
     * @param report  completes with the report
     */
    record Job(String id, long bytes, java.util.concurrent.atomic.AtomicLong started,
               CompletableFuture<VerificationReport> report) {
        /** @return "queued" or "analysing" */
        String stage() {
            return started.get() == 0 ? "queued" : "analysing";
        }

        /** @return seconds since the analysis began, 0 while queued */
        double elapsedSeconds() {
            long t = started.get();
            return t == 0 ? 0 : (System.nanoTime() - t) / 1e9;
        }
    }

    /** Smallest size the time model counts: a tiny file still costs a decoder start and a C2PA read. */
    private static final long MIN_MODEL_BYTES = 256 << 10;
    /** Seconds of analysis per byte, averaged over recent files (exponentially, weight 0.2); 0 before any. */
    private volatile double secondsPerByte;

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
     * @param bytes  the upload's size, for the progress estimate
     * @throws Problem 503 with Retry-After when the queue is full
     */
    Job submit(Path upload, String name, long bytes) {
        Job job = new Job(UUID.randomUUID().toString(), bytes, new java.util.concurrent.atomic.AtomicLong(),
                new CompletableFuture<>());
        try {
            pool.execute(() -> {
                long started = System.nanoTime();
                job.started().set(started);
                VerificationReport report;
                try {
                    report = hallmark.verify(upload).withFile(Path.of(name));
                } catch (Exception | Error e) {
                    report = VerificationReport.error(Path.of(name), String.valueOf(e));
                } finally {
                    Uploads.delete(upload);
                }
                long took = System.nanoTime() - started;
                metrics.timer("hallmark.analysis", "verdict", report.verdict().name()).record(took, TimeUnit.NANOSECONDS);
                double rate = took / 1e9 / Math.max(MIN_MODEL_BYTES, job.bytes());
                secondsPerByte = secondsPerByte == 0 ? rate : 0.8 * secondsPerByte + 0.2 * rate;
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

    /**
     * How far a running analysis has probably got: its time so far against what files of its size took recently. An
     * estimate (never 100 before it ends), for people watching a progress bar.
     *
     * @param job a job
     * @return percent 0..99, empty while queued or before any file was analysed
     */
    java.util.OptionalInt estimatedPercent(Job job) {
        double rate = secondsPerByte;
        if (rate == 0 || job.started().get() == 0) {
            return java.util.OptionalInt.empty();
        }
        double expected = rate * Math.max(MIN_MODEL_BYTES, job.bytes());
        return java.util.OptionalInt.of((int) Math.min(99, Math.round(100 * job.elapsedSeconds() / expected)));
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
