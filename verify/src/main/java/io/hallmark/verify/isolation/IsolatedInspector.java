package io.hallmark.verify.isolation;

import io.hallmark.verify.VideoInspector;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Decodes untrusted videos in child JVMs ({@link InspectionWorker}) with a heap limit and a per-file
 * time limit. A worker that crashes (a native decoder fault), hangs or runs out of memory is killed and
 * replaced; that file is reported as "could not be decoded", and the verifier carries on. Workers are
 * reused across files, so the JVM start-up is paid once per worker, not per file.
 */
public final class IsolatedInspector implements VideoInspector {
    private final Path keyFile;
    private final long timeoutSeconds;
    private final String maxHeap;
    private final WorkerLauncher launcher;
    private final BlockingQueue<Worker> idle;
    private final List<Worker> all = new ArrayList<>();
    private final ExecutorService reader = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "inspection-reader");
        t.setDaemon(true);
        return t;
    });

    /** The worker's key, read from its file now (it may be created after start); empty when unreadable. */
    @Override
    public java.util.Optional<io.hallmark.watermark.WatermarkKey> watermarkKey() {
        try {
            return java.util.Optional.of(io.hallmark.watermark.WatermarkKey.load(keyFile));
        } catch (java.io.IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * @param workers        processes at most (one per verifying thread)
     * @param timeoutSeconds time limit for one file
     * @param maxHeap        the worker's -Xmx, e.g. "1g"
     */
    public IsolatedInspector(Path keyFile, int workers, long timeoutSeconds, String maxHeap) {
        this(keyFile, workers, timeoutSeconds, maxHeap, WorkerLauncher.sameJvm());
    }

    /**
     * @param launcher how a worker process is started (see {@link WorkerLauncher#sameJvm()} for the default)
     */
    public IsolatedInspector(Path keyFile, int workers, long timeoutSeconds, String maxHeap, WorkerLauncher launcher) {
        this.launcher = launcher;
        this.keyFile = keyFile;
        this.timeoutSeconds = timeoutSeconds;
        this.maxHeap = maxHeap;
        this.idle = new ArrayBlockingQueue<>(workers);
        for (int i = 0; i < workers; i++) {
            idle.add(new Worker(null));
        }
    }

    @Override
    public Inspection inspect(Path video) {
        return ask(InspectionCodec.request(InspectionCodec.Op.INSPECT, video.toAbsolutePath().toString()),
                Inspection::failed, InspectionCodec::decode);
    }

    @Override
    public Audit audit(Path video, io.hallmark.fingerprint.Reorientation reorientation) {
        return ask(InspectionCodec.request(InspectionCodec.Op.AUDIT, video.toAbsolutePath().toString(), reorientation),
                Audit::failed, InspectionCodec::decodeAudit);
    }

    private interface Decoder<T> {
        T decode(String line) throws IOException;
    }

    /** Sends one request line to an idle worker and decodes its answer; a crash or time-out costs that worker. */
    private <T> T ask(String request, java.util.function.Function<String, T> failed, Decoder<T> decoder) {
        Worker worker;
        try {
            worker = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed.apply("interrupted");
        }
        try {
            if (worker.process == null || !worker.process.isAlive()) {
                worker = start();
            }
            Worker w = worker;
            w.stdin.write(request);
            w.stdin.newLine();
            w.stdin.flush();
            Future<String> answer = reader.submit(w.stdout::readLine);
            String line;
            try {
                line = answer.get(timeoutSeconds, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                answer.cancel(true);
                kill(w);
                worker = new Worker(null);
                return failed.apply("decoding took longer than " + timeoutSeconds + " s: stopped");
            }
            if (line == null) {
                int code = w.process.waitFor(5, TimeUnit.SECONDS) ? w.process.exitValue() : -1;
                String why = w.lastError(); // read before kill() deletes it
                kill(w);
                worker = new Worker(null);
                return failed.apply("the decoder crashed on this file (worker exit code " + code + ")"
                        + (why.isEmpty() ? "" : ": " + why));
            }
            return decoder.decode(line);
        } catch (Exception e) {
            kill(worker);
            worker = new Worker(null);
            return failed.apply("decoder worker failed: " + e.getMessage());
        } finally {
            idle.add(worker);
        }
    }

    private Worker start() throws IOException {
        List<String> command = launcher.command(InspectionWorker.class.getName(), maxHeap);
        // The worker's stderr goes to a file of its own: the last lines say why a decoder crashed.
        Path errors = Files.createTempFile("hallmark-worker", ".err");
        Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        Worker worker = new Worker(process, errors);
        worker.stdin.write(InspectionCodec.request(InspectionCodec.Op.KEY, keyFile.toAbsolutePath().toString()));
        worker.stdin.newLine();
        worker.stdin.flush();
        synchronized (all) {
            all.add(worker);
        }
        return worker;
    }

    /** Stops a worker for good and forgets it (a replaced worker must not stay listed). */
    private void kill(Worker w) {
        if (w != null && w.process != null) {
            w.process.destroyForcibly();
            w.deleteErrors();
            synchronized (all) {
                all.remove(w);
            }
        }
    }

    @Override
    public void close() {
        synchronized (all) {
            for (Worker w : List.copyOf(all)) {
                try {
                    w.stdin.close();
                } catch (IOException ignored) {
                    // it is being killed anyway
                }
                try {
                    if (!w.process.waitFor(2, TimeUnit.SECONDS)) {
                        w.process.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    w.process.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
                w.deleteErrors();
            }
        }
        reader.shutdownNow();
    }

    private static final class Worker {
        /** The most of a worker's stderr quoted in an error. */
        static final int ERROR_TAIL_BYTES = 600;
        final Process process;
        final Path errors;
        final BufferedWriter stdin;
        final BufferedReader stdout;

        Worker(Process process) {
            this(process, null);
        }

        Worker(Process process, Path errors) {
            this.process = process;
            this.errors = errors;
            this.stdin = process == null ? null
                    : new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
            this.stdout = process == null ? null
                    : new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        /**
         * The last non-empty line the worker wrote to stderr that is not a stack frame (at most ERROR_TAIL_BYTES
         * read), or "": for a Java error, the line naming it.
         */
        String lastError() {
            if (errors == null) {
                return "";
            }
            try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(errors.toFile(), "r")) {
                long start = Math.max(0, f.length() - ERROR_TAIL_BYTES);
                byte[] tail = new byte[(int) (f.length() - start)];
                f.seek(start);
                f.readFully(tail);
                String[] lines = new String(tail, StandardCharsets.UTF_8).strip().split("\\R");
                // a Java stack trace ends in frames: the line that says what went wrong is the last one above them
                for (int i = lines.length - 1; i >= 0; i--) {
                    String line = lines[i].strip();
                    if (!line.isEmpty() && !line.startsWith("at ") && !line.matches("\\.\\.\\. \\d+ more")) {
                        return line;
                    }
                }
                return "";
            } catch (IOException e) {
                return "";
            }
        }

        void deleteErrors() {
            if (errors != null) {
                try {
                    Files.deleteIfExists(errors);
                } catch (IOException ignored) {
                    // a temp file; the OS cleans its temp folder
                }
            }
        }
    }
}
