package io.hallmark.beam;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hallmark.Hallmark;
import io.hallmark.HallmarkConfig;
import io.hallmark.HallmarkHome;
import io.hallmark.verify.VerificationReport;
import io.hallmark.verify.Verdict;
import io.hallmark.verify.VerifierLimits;
import io.hallmark.verify.Verifier;
import io.hallmark.verify.isolation.InspectionWorker;
import io.hallmark.verify.isolation.WorkerLauncher;
import io.hallmark.verify.render.ReportJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Verifies one file per element. Each worker instance opens the Hallmark library once ({@link Setup}: natives, trust
 * lists, the store connection, one decoder process) and closes it in {@link Teardown}. Decoding runs in an isolated
 * worker process with the per-file time limit, so a file that crashes or hangs the decoder costs that file (reported
 * as not decodable), never the Beam worker. Emits the {@code hallmark.verify/2} JSON of {@code scan --jsonl} to
 * {@link #REPORTS}; a file that cannot be read at all goes to {@link #DEAD_LETTERS} with the reason, never lost.
 * Beam metrics: a counter per verdict ({@code verdict_SIGNED}, ...), {@code bytesRead}, {@code deadLetters}, and the
 * distribution {@code analysisMillis}.
 */
public final class VerifyFn extends DoFn<MatchResult.Metadata, String> {
    /** The reports, one JSON line per file. */
    public static final TupleTag<String> REPORTS = new TupleTag<>("reports") {};
    /** The files {@link MatchFn} found. */
    static final TupleTag<MatchResult.Metadata> FILES = new TupleTag<>("files") {};
    /** Files that could not be verified at all: {@code {"file", "reason"}}. */
    public static final TupleTag<String> DEAD_LETTERS = new TupleTag<>("deadLetters") {};
    /** Tries of a file whose recovery look-up could not be made (store or resolver unreachable): 3. */
    static final int LOOKUP_ATTEMPTS = 3;
    /** The pause before the second try, doubled before each further one: 2 s. */
    static final java.time.Duration LOOKUP_RETRY_PAUSE = java.time.Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What every worker needs to open the library; serializable, shipped with the function.
     *
     * @param home           the Hallmark folder, or null for the worker's default
     * @param store          the shared manifest store URL, or null for none
     * @param resolvers      resolver service URLs
     * @param timeoutSeconds per-file decode time limit
     * @param lookupTimeoutSeconds deadline of one look-up at the store or a resolver ({@code VerifierLimits.lookupDeadline})
     * @param maxFileBytes   largest remote file copied to the worker
     * @param workerCommand  the command line that starts a decoder worker (a container's entry point), or empty to
     *                       start this JVM's {@code java} with its class path ({@code WorkerLauncher.sameJvm()})
     */
    public record Settings(String home, String store, List<String> resolvers, int timeoutSeconds,
                           int lookupTimeoutSeconds, long maxFileBytes, List<String> workerCommand) implements Serializable {
        public Settings {
            if (timeoutSeconds < 1 || lookupTimeoutSeconds < 1) {
                throw new IllegalArgumentException("time limits must be at least 1 second");
            }
            resolvers = List.copyOf(resolvers);
            workerCommand = List.copyOf(workerCommand);
        }
    }

    private final Settings settings;
    private final Map<Verdict, Counter> verdicts = new EnumMap<>(Verdict.class);
    private final Counter bytesRead = Metrics.counter(VerifyFn.class, "bytesRead");
    private final Counter deadLetters = Metrics.counter(VerifyFn.class, "deadLetters");
    private final Distribution analysisMillis = Metrics.distribution(VerifyFn.class, "analysisMillis");
    private transient Hallmark hallmark;
    private transient Verifier verifier;
    /** A folder holding a link to the job jar, when the jar's own path cannot stand in a class path. */
    private transient Path jobJarLink;

    public VerifyFn(Settings settings) {
        this.settings = settings;
        for (Verdict v : Verdict.values()) {
            verdicts.put(v, Metrics.counter(VerifyFn.class, "verdict_" + v.name()));
        }
    }

    @Setup
    public void setup() throws IOException {
        HallmarkConfig config = HallmarkConfig.of(HallmarkHome.resolve(settings.home() == null ? null : Path.of(settings.home())))
                .withIsolatedDecoding(true)
                .withLimits(VerifierLimits.DEFAULT.withDecodeTimeout(Duration.ofSeconds(settings.timeoutSeconds()))
                        .withLookupDeadline(Duration.ofSeconds(settings.lookupTimeoutSeconds())))
                .withResolvers(settings.resolvers());
        if (settings.store() != null) {
            config = config.withStore(settings.store());
        }
        if (!settings.workerCommand().isEmpty()) {
            List<String> command = settings.workerCommand();
            config = config.withWorkerLauncher((mainClass, maxHeap) -> command);
        } else {
            Path jobJar = jobJar();
            if (jobJar != null) {
                if (jobJar.toString().contains(java.io.File.pathSeparator)) {
                    // Flink's task managers keep jobs' jars under /tmp/tm_HOST:PORT-ID/blobStorage: a ':' splits a
                    // class path, so the workers get a link to it
                    jobJarLink = Files.createTempDirectory("hallmark-beam-job-");
                    jobJar = Files.createSymbolicLink(jobJarLink.resolve("job.jar"), jobJar);
                }
                config = config.withWorkerLauncher(withJobJar(WorkerLauncher.sameJvm(), jobJar));
            }
        }
        hallmark = Hallmark.open(config);
        verifier = hallmark.newVerifier(1);
    }

    @ProcessElement
    public void process(@Element MatchResult.Metadata file, MultiOutputReceiver out) {
        String name = file.resourceId().toString();
        Path local = null;
        boolean copied = false;
        try {
            if ("file".equals(file.resourceId().getScheme())) {
                local = Path.of(name);
            } else {
                local = copyToWorker(file);
                copied = true;
            }
            long started = System.nanoTime();
            VerificationReport report = verifier.verify(local).withFile(Path.of(name));
            // a look-up that could not be made now (store or resolver unreachable, overloaded) is tried again after
            // a pause; still so after the last try, the file is a dead letter, never a verdict it did not earn
            for (int attempt = 1; report.retryable() && attempt < LOOKUP_ATTEMPTS; attempt++) {
                Thread.sleep(LOOKUP_RETRY_PAUSE.toMillis() << (attempt - 1));
                report = verifier.verify(local).withFile(Path.of(name));
            }
            analysisMillis.update((System.nanoTime() - started) / 1_000_000);
            if (report.retryable()) {
                throw new IOException("no verdict after " + LOOKUP_ATTEMPTS + " tries: " + report.error().orElse(""));
            }
            bytesRead.inc(file.sizeBytes());
            verdicts.get(report.verdict()).inc();
            out.get(REPORTS).output(ReportJson.toJson(report).toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while verifying " + name, e);
        } catch (IOException | RuntimeException e) {
            deadLetters.inc();
            ObjectNode letter = JSON.createObjectNode().put("file", name)
                    .put("reason", e.getClass().getSimpleName() + ": " + e.getMessage());
            out.get(DEAD_LETTERS).output(letter.toString());
        } finally {
            if (copied && local != null) {
                try {
                    Files.deleteIfExists(local);
                } catch (IOException e) {
                    // a temp file left behind is the worker's to clean; the result stands
                }
            }
        }
    }

    /**
     * The jar this job was loaded from when the worker JVM's own class path does not hold Hallmark: a job jar that a
     * cluster loads into a class loader of its own (Flink's task managers from their blob cache, FlinkClusterIT; a
     * jar given to spark-submit would be the same, untested). Null when the class path holds Hallmark (the script, the embedded runners) or when
     * {@code -Dhallmark.worker.classpath} says where it is.
     */
    static Path jobJar() {
        if (System.getProperty(WorkerLauncher.CLASS_PATH_PROPERTY) != null
                || ClassLoader.getSystemClassLoader().getResource(WORKER_CLASS) != null) {
            return null;
        }
        try {
            java.security.CodeSource source = InspectionWorker.class.getProtectionDomain().getCodeSource();
            Path jar = source == null || source.getLocation() == null ? null : Path.of(source.getLocation().toURI());
            return jar != null && Files.exists(jar) ? jar : null;
        } catch (java.net.URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }

    private static final String WORKER_CLASS = InspectionWorker.class.getName().replace('.', '/') + ".class";

    /**
     * The decoder worker's command with the job jar put first on its class path; the rest of it is the worker JVM's
     * own class path (a Flink {@code lib/}: the jars with native code the job jar leaves out).
     */
    static WorkerLauncher withJobJar(WorkerLauncher launcher, Path jobJar) {
        return (mainClass, maxHeap) -> {
            List<String> command = new java.util.ArrayList<>(launcher.command(mainClass, maxHeap));
            int cp = command.indexOf("-cp");
            if (cp < 0 || cp + 1 >= command.size()) {
                throw new IllegalStateException("a decoder worker command without -cp: " + command);
            }
            command.set(cp + 1, jobJar + java.io.File.pathSeparator + command.get(cp + 1));
            return command;
        };
    }

    /** A remote file (gs://, s3://, ...) copied to a private temp file, within the size limit. */
    private Path copyToWorker(MatchResult.Metadata file) throws IOException {
        if (file.sizeBytes() > settings.maxFileBytes()) {
            throw new IOException("larger than maxFileBytes (" + file.sizeBytes() + " > " + settings.maxFileBytes() + ")");
        }
        Path temp = Files.createTempFile("hallmark-beam-", ".upload");
        try (InputStream in = Channels.newInputStream(FileSystems.open(file.resourceId()))) {
            long copied = Files.copy(in, temp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            if (copied > settings.maxFileBytes()) {
                throw new IOException("grew past maxFileBytes while copied");
            }
            return temp;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    @Teardown
    public void teardown() throws IOException {
        if (verifier != null) {
            verifier.close();
        }
        if (hallmark != null) {
            hallmark.close();
        }
        if (jobJarLink != null) {
            Files.deleteIfExists(jobJarLink.resolve("job.jar"));
            Files.deleteIfExists(jobJarLink);
        }
    }
}
