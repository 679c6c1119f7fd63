package io.hallmark.cli;

import io.hallmark.HallmarkConfig;
import io.hallmark.media.OutputFiles;
import io.hallmark.service.ApiKeys;
import io.hallmark.service.HallmarkService;
import io.hallmark.service.ServiceConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true, subcommands = ServeCommand.AddKey.class,
        description = {"Run the verification service: uploads verified over HTTP, and the C2PA Soft Binding Resolution API.",
            "POST /v1/verifications (the file as the body) answers verify's JSON; GET /matches/byBinding, POST /matches/byContent,",
            "GET /manifests/{id}, GET /services/supportedAlgorithms; GET /health; GET /openapi.json describes it all.",
            "Without --api-keys it listens on loopback only. With keys, /health answers everyone UP or DOWN (details with a key),",
            "/metrics needs the read:metrics scope. Ctrl-C (SIGTERM) finishes the analyses already accepted, then stops."})
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8480", description = "Port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--max-upload", defaultValue = "512m", paramLabel = "SIZE", description = "Largest upload (default: ${DEFAULT-VALUE}).")
    String maxUpload;

    @Option(names = "--threads", defaultValue = "2", description = "Files verified at once (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--queue", defaultValue = "16", description = "Uploads that may wait for a thread before 503 (default: ${DEFAULT-VALUE}).")
    int queue;

    @Option(names = "--async-above", defaultValue = "64m", paramLabel = "SIZE",
            description = "Larger uploads answer 202 with a Location to poll (default: ${DEFAULT-VALUE}).")
    String asyncAbove;

    @Option(names = "--api-keys", paramLabel = "FILE", description = "API key hashes and scopes (see 'serve add-key'); required off loopback.")
    Path apiKeys;

    @Option(names = "--public-reads", description = "The Soft Binding Resolution API's reads need no key.")
    boolean publicReads;

    @Option(names = "--tls-keystore", paramLabel = "FILE.p12",
            description = "Serve HTTPS only, with this PKCS#12 key and certificate chain (password from HALLMARK_TLS_PASSWORD).")
    Path tlsKeystore;

    @Option(names = "--rate-limit", defaultValue = "600", paramLabel = "N",
            description = "Requests per minute per API key (per address without keys) (default: ${DEFAULT-VALUE}).")
    int rateLimit;

    @Option(names = "--by-reference-allow", paramLabel = "URL-PREFIX",
            description = {"Let POST /matches/byReference download assets whose https URL starts with this prefix,"
                    + " e.g. https://uploads.example.com/incoming/ (repeatable). Off by default: the service then"
                    + " fetches nothing on a caller's behalf."})
    List<java.net.URI> byReferenceAllow = new ArrayList<>();

    @Option(names = "--by-reference-ca", paramLabel = "FILE.pem",
            description = "CA certificates to trust, besides the JDK's, for the servers byReference downloads from.")
    Path byReferenceCa;

    @Option(names = "--publisher-keys", paramLabel = "DIR",
            description = {"Publishers' watermark keys, one <keyId>.key file each, that byContent tries besides this"
                    + " service's own (a resolver several publishers trust; keep a rotated-out key here as long as its"
                    + " files should resolve). Each key costs one more analysis per upload."})
    Path publisherKeys;

    @Option(names = "--upload-timeout", defaultValue = "600", paramLabel = "SECONDS",
            description = "How long one upload may take to arrive in full; then 408 (default: ${DEFAULT-VALUE}).")
    long uploadTimeout;

    @Option(names = "--min-upload-rate", defaultValue = "8k", paramLabel = "SIZE",
            description = {"The least average rate an upload must keep after its first 10 s, per second; slower is cut"
                    + " off with 408, so a client that trickles cannot hold a thread (default: ${DEFAULT-VALUE}; 0: none)."})
    String minUploadRate;

    @Option(names = "--max-uploads", defaultValue = "64", paramLabel = "N",
            description = "Uploads arriving at once over all callers; more are refused with 503 before their body is"
                    + " read (default: ${DEFAULT-VALUE}).")
    int maxUploads;

    @Option(names = "--max-uploads-per-caller", defaultValue = "16", paramLabel = "N",
            description = "Uploads arriving at once per API key (per address without keys); more are refused with 429"
                    + " before their body is read (default: ${DEFAULT-VALUE}).")
    int maxUploadsPerCaller;

    @Option(names = "--analysis-timeout", defaultValue = "600", paramLabel = "SECONDS",
            description = "How long a synchronous POST /v1/verifications waits for its analysis; then 504 with the"
                    + " location to poll (default: ${DEFAULT-VALUE}).")
    long analysisTimeout;

    @Mixin
    VerifierOptions verification;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ServiceConfig config = ServiceConfig.DEFAULT.listeningOn(host, port).withMaxUpload(size(maxUpload, "--max-upload"))
                .withAnalysis(threads, queue).withAsyncAbove(size(asyncAbove, "--async-above")).withRateLimit(rateLimit)
                .withRequestTimeout(seconds(analysisTimeout, "--analysis-timeout"))
                .withUploadLimits(ServiceConfig.UploadLimits.DEFAULT.withTimeout(seconds(uploadTimeout, "--upload-timeout"))
                        .withMinRate("0".equals(minUploadRate.strip()) ? 0 : size(minUploadRate, "--min-upload-rate"))
                        .withConcurrency(maxUploads, maxUploadsPerCaller));
        if (apiKeys != null) {
            config = config.withApiKeys(apiKeys, publicReads);
        }
        if (tlsKeystore != null) {
            config = config.withTls(tlsKeystore);
        }
        if (!byReferenceAllow.isEmpty()) {
            config = config.withByReference(new ServiceConfig.ByReference(byReferenceAllow, Optional.ofNullable(byReferenceCa)));
        } else if (byReferenceCa != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--by-reference-ca needs --by-reference-allow");
        }
        if (publisherKeys != null) {
            config = config.withPublisherKeys(publisherKeys);
        }
        HallmarkConfig hallmark = verification.config();
        HallmarkService service = HallmarkService.start(config, hallmark);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                service.close();
            } catch (Exception e) {
                System.err.println("hallmark serve: " + e.getMessage());
            }
            stopped.countDown();
        }));
        spec.commandLine().getOut().println("Hallmark service at " + service.url() + " (API: " + service.url()
                + "/openapi.json" + (apiKeys == null ? "; no API keys: loopback only" : "") + "). Ctrl-C to stop.");
        spec.commandLine().getOut().flush();
        stopped.await();
        return ExitCodes.OK;
    }

    private static java.time.Duration seconds(long n, String option) {
        if (n < 1) {
            throw new IllegalArgumentException(option + " must be at least 1 second");
        }
        return java.time.Duration.ofSeconds(n);
    }

    /** "512m", "64k", "1g" or bytes. */
    static long size(String text, String option) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        long unit = t.endsWith("k") ? 1L << 10 : t.endsWith("m") ? 1L << 20 : t.endsWith("g") ? 1L << 30 : 1;
        try {
            long n = Long.parseLong(unit == 1 ? t : t.substring(0, t.length() - 1));
            if (n < 1) {
                throw new NumberFormatException();
            }
            return Math.multiplyExact(n, unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(option + " must be a size like 512m, 64k or 1g, not " + text);
        }
    }

    @Command(name = "add-key", mixinStandardHelpOptions = true,
            description = {"Make an API key: prints it once and adds its hash to the key file (the key itself is never stored).",
                "Scopes: verify (upload files), fetch:manifests (Soft Binding Resolution API reads), write:manifests",
                "(register signed manifests), read:metrics (GET /metrics, for a Prometheus scraper).",
                "The service re-reads the key file when it changes: a key added or removed takes effect within a second."})
    static final class AddKey implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME", description = "Who the key is for (no spaces).")
        String name;

        @Option(names = "--scope", required = true, paramLabel = "SCOPE", description = "A scope the key allows; repeatable.")
        List<String> scopes;

        @Option(names = "--keys", required = true, paramLabel = "FILE", description = "The key file 'serve --api-keys' reads.")
        Path keys;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            String[] made = ApiKeys.create(name, new LinkedHashSet<>(scopes));
            String existing = Files.exists(keys) ? Files.readString(keys) : "# sha256(key) name scopes\n";
            OutputFiles.writeString(keys, existing + (existing.endsWith("\n") ? "" : "\n") + made[1] + "\n");
            spec.commandLine().getOut().println(made[0]);
            spec.commandLine().getErr().println("key for '" + name + "' added to " + keys
                    + "; it is shown once, here: keep it secret");
            return ExitCodes.OK;
        }
    }
}
