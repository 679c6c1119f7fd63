package io.hallmark.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hallmark.Hallmark;
import io.hallmark.HallmarkConfig;
import io.hallmark.provenance.store.ManifestStore;
import io.hallmark.provenance.store.SoftBindingResponder;
import io.hallmark.verify.VerificationReport;
import io.hallmark.verify.render.ReportHtml;
import io.hallmark.verify.render.ReportJson;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code hallmark serve}: the verification service. Endpoints ({@link #ROUTES}, also in {@code /openapi.json}):
 * <ul>
 *   <li>{@code POST /v1/verifications}: the file as the body; answers the {@code hallmark.verify/2} JSON of
 *       {@code verify --json}, or 202 with a {@code Location} to poll for uploads over the async threshold;
 *       {@code GET /v1/verifications/{id}}, {@code .../report.html}, {@code .../thumbnail.jpg};</li>
 *   <li>the C2PA Soft Binding Resolution API ({@link SoftBindingResponder}): {@code GET|POST /matches/byBinding},
 *       {@code POST /matches/byContent}, {@code POST /matches/byReference} (allowed URLs only, {@link ReferenceFetcher}),
 *       {@code GET /manifests/{manifestId}}, {@code GET /services/supportedAlgorithms};</li>
 *   <li>the web page at {@code /} ({@link WebPage}), {@code GET /health}, {@code GET /metrics},
 *       {@code GET /openapi.json}.</li>
 * </ul>
 * Errors are RFC 9457 problem details. Uploads stream to private temp files and are deleted after analysis; videos
 * are decoded in isolated worker processes ({@link HallmarkConfig#isolateDecoding()}). Thread-safe; {@link #close}
 * finishes the analyses already accepted.
 */
public final class HallmarkService implements AutoCloseable {
    /**
     * One endpoint: method, path (Javalin syntax), the scope a key needs (null: open to all).
     *
     * @param method HTTP method
     * @param path   path pattern, e.g. {@code /v1/verifications/{id}}
     * @param scope  the API key scope it needs, or null
     */
    public record Route(String method, String path, String scope) {
    }

    private static final String SBR_READ = "sbr-read"; // fetch:manifests, unless reads are public
    /** Every endpoint this service answers; the OpenAPI document lists the same. */
    public static final List<Route> ROUTES = List.of(
            new Route("POST", "/v1/verifications", ApiKeys.VERIFY),
            new Route("GET", "/v1/verifications/{id}", ApiKeys.VERIFY),
            new Route("GET", "/v1/verifications/{id}/report.html", ApiKeys.VERIFY),
            new Route("GET", "/v1/verifications/{id}/thumbnail.jpg", ApiKeys.VERIFY),
            new Route("GET", "/v1/verifications/{id}/frames.jpg", ApiKeys.VERIFY),
            new Route("GET", "/matches/byBinding", SBR_READ),
            new Route("POST", "/matches/byBinding", SBR_READ),
            new Route("POST", "/matches/byContent", ApiKeys.VERIFY),
            new Route("POST", "/matches/byReference", ApiKeys.VERIFY),
            new Route("GET", "/manifests/{manifestId}", SBR_READ),
            new Route("GET", "/services/supportedAlgorithms", SBR_READ),
            new Route("POST", "/v1/manifests", ApiKeys.WRITE_MANIFESTS),
            new Route("GET", "/", null),
            new Route("GET", "/web/{asset}", null),
            new Route("GET", "/health", null),
            new Route("GET", "/metrics", ApiKeys.READ_METRICS),
            new Route("GET", "/openapi.json", null));

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The printable report: its own inline style and a data: thumbnail, nothing else, from nowhere else. */
    static final String REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:;"
            + " form-action 'none'; frame-ancestors 'none'; base-uri 'none'";
    private final ServiceConfig config;
    private final HallmarkConfig hallmarkConfig;
    private final Optional<ApiKeyFile> keys;
    private final Hallmark hallmark;
    private final ManifestStore store;
    /** byContent's resolver and the SBR responder over it: replaced once, when a watermark key appears after start. */
    private volatile Optional<KeyedContentResolver> contentResolver;
    private volatile SoftBindingResponder sbr;
    private final UploadGate uploads;
    private final Registrations registrations;
    private final Verifications verifications;
    private final io.micrometer.prometheusmetrics.PrometheusMeterRegistry metrics =
            new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT);
    private final RateLimits rateLimits;
    private final Optional<ReferenceFetcher> references;
    private final Javalin app;

    private HallmarkService(ServiceConfig config, HallmarkConfig hallmarkConfig) throws IOException {
        this.config = config;
        this.hallmarkConfig = hallmarkConfig;
        this.keys = config.apiKeys().isPresent() ? Optional.of(new ApiKeyFile(config.apiKeys().get())) : Optional.empty();
        if (hallmarkConfig.remoteStore()) {
            throw new IllegalArgumentException("the service keeps its manifests in a local store, not at "
                    + hallmarkConfig.store().get());
        }
        this.hallmark = Hallmark.open(hallmarkConfig.withDecoderWorkers(config.analysisThreads()));
        this.store = ManifestStore.open(hallmarkConfig.store().orElse(hallmarkConfig.home().manifestStore().toString()));
        // byContent needs a watermark key: only a key holder can answer it (never create one here)
        if (hallmarkConfig.watermarkKey().isPresent() && !Files.isRegularFile(hallmarkConfig.watermarkKeyFile())) {
            throw new IllegalArgumentException("no watermark key file at " + hallmarkConfig.watermarkKeyFile());
        }
        boolean holdsKey = Files.isRegularFile(hallmarkConfig.watermarkKeyFile());
        this.contentResolver = KeyedContentResolver.open(holdsKey ? Optional.of(hallmark) : Optional.empty(),
                hallmarkConfig, config.publisherKeys());
        this.sbr = new SoftBindingResponder(store, contentResolver.map(r -> r));
        if (contentResolver.isEmpty()) {
            System.err.println("hallmark serve: no watermark key at " + hallmarkConfig.watermarkKeyFile() + ": byContent"
                    + " answers 501 until a key is created there (looked for again on each byContent request)");
        }
        this.uploads = new UploadGate(config.uploads().maxConcurrent(), config.uploads().maxPerCaller());
        this.registrations = new Registrations(store, hallmarkConfig);
        this.verifications = new Verifications(hallmark, config.analysisThreads(), config.queueCapacity(),
                config.resultsKept(), metrics);
        this.rateLimits = new RateLimits(config.requestsPerMinute());
        this.references = config.byReference().enabled() ? Optional.of(new ReferenceFetcher(config.byReference()))
                : Optional.empty();
        io.micrometer.core.instrument.Gauge.builder("hallmark.analysis.waiting", verifications, Verifications::waiting)
                .description("uploads waiting for an analysis thread").register(metrics);
        io.micrometer.core.instrument.Gauge.builder("hallmark.analysis.running", verifications, Verifications::running)
                .description("analyses running").register(metrics);
        this.app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            // one JSON line per request on stderr (never a body, a query string or a key), and its metrics
            c.requestLogger.http((ctx, ms) -> {
                io.javalin.router.Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
                String route = endpoint == null ? "unmatched" : endpoint.path;
                metrics.timer("hallmark.http.requests", "method", ctx.method().name(), "route", route,
                        "status", Integer.toString(ctx.statusCode())).record((long) (ms * 1e6), TimeUnit.NANOSECONDS);
                ObjectNode line = JSON.createObjectNode().put("time", java.time.Instant.now().toString())
                        .put("method", ctx.method().name()).put("path", ctx.path()).put("route", route)
                        .put("status", ctx.statusCode()).put("ms", Math.round(ms * 10) / 10.0)
                        .put("caller", java.util.Objects.toString(ctx.attribute(CALLER), "-"));
                System.err.println(line);
            });
            c.jetty.host = config.host();
            c.jetty.port = config.port();
            // what Jetty answers itself (a request line or headers too long, a malformed request) is a problem too
            c.jetty.modifyServer(server -> server.setErrorHandler(new JettyProblems()));
            c.routes.before(ctx -> ctx.header("X-Content-Type-Options", "nosniff"));
            // multipart parts go to disk (never whole files in memory), each and all within the upload limit
            c.jetty.multipartConfig.maxInMemoryFileSize(64, io.javalin.config.SizeUnit.KB);
            c.jetty.multipartConfig.maxFileSize(config.maxUploadBytes(), io.javalin.config.SizeUnit.BYTES);
            c.jetty.multipartConfig.maxTotalRequestSize(config.maxUploadBytes() + (1 << 20), io.javalin.config.SizeUnit.BYTES);
            config.tlsKeystore().ifPresent(keystore -> c.jetty.modifyServer(server -> {
                // HTTPS only: the one connector speaks TLS with the configured key and chain
                org.eclipse.jetty.util.ssl.SslContextFactory.Server tls = new org.eclipse.jetty.util.ssl.SslContextFactory.Server();
                tls.setKeyStorePath(keystore.toString());
                tls.setKeyStoreType("PKCS12");
                tls.setKeyStorePassword(tlsPassword());
                org.eclipse.jetty.server.ServerConnector https = new org.eclipse.jetty.server.ServerConnector(server, tls);
                https.setHost(config.host());
                https.setPort(config.port());
                server.setConnectors(new org.eclipse.jetty.server.Connector[] {https});
            }));
            for (Route r : ROUTES) {
                c.routes.addHttpHandler(r.method().equals("POST") ? HandlerType.POST : HandlerType.GET, r.path(), guarded(r, handler(r)));
            }
            c.routes.exception(Problem.class, (e, ctx) -> e.answer(ctx));
            c.routes.exception(IllegalArgumentException.class, (e, ctx) -> Problem.badRequest(e.getMessage()).answer(ctx));
            c.routes.exception(Exception.class, (e, ctx) -> Problem.of(e).answer(ctx));
            c.routes.error(404, "*", ctx -> {
                if (!"application/problem+json".equals(ctx.res().getContentType())) {
                    Problem.notFound("no endpoint " + ctx.method() + " " + ctx.path() + " (see /openapi.json)").answer(ctx);
                }
            });
            c.routes.error(405, "*", ctx -> new Problem(405, "method-not-allowed", "Method not allowed",
                    ctx.method() + " is not allowed on " + ctx.path()).answer(ctx));
        });
    }

    /**
     * Starts the service.
     *
     * @param config         how it listens and what it accepts
     * @param hallmarkConfig keys, store, trust and decoding of the verifications
     * @return the running service; close it to stop
     * @throws IOException              when the key file or the store cannot be read
     * @throws IllegalArgumentException for a remote store or a bad key file
     */
    public static HallmarkService start(ServiceConfig config, HallmarkConfig hallmarkConfig) throws IOException {
        HallmarkService s = new HallmarkService(config, hallmarkConfig);
        s.app.start();
        return s;
    }

    /** @return the base URL, e.g. {@code http://127.0.0.1:8480} ({@code https} with TLS) */
    public String url() {
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        int port = ((org.eclipse.jetty.server.ServerConnector) app.jettyServer().server().getConnectors()[0]).getLocalPort();
        return (config.tlsKeystore().isPresent() ? "https://" : "http://") + host + ":" + port;
    }

    private static String tlsPassword() {
        // the environment for a deployment; the system property for a JVM that embeds the service (and tests)
        String password = System.getenv("HALLMARK_TLS_PASSWORD");
        if (password == null) {
            password = System.getProperty("hallmark.tls.password");
        }
        if (password == null) {
            throw new IllegalArgumentException("set HALLMARK_TLS_PASSWORD to the TLS keystore's password");
        }
        return password;
    }

    private Handler handler(Route r) {
        return switch (r.method() + " " + r.path()) {
            case "POST /v1/verifications" -> this::verify;
            case "GET /v1/verifications/{id}" -> ctx -> answerReport(ctx, job(ctx));
            case "GET /v1/verifications/{id}/report.html" -> ctx -> ctx.contentType("text/html; charset=utf-8")
                    .header("Content-Security-Policy", REPORT_POLICY).header("Referrer-Policy", "no-referrer")
                    .result(ReportHtml.page(List.of(finished(job(ctx)))));
            case "GET /v1/verifications/{id}/thumbnail.jpg" -> ctx -> ctx.contentType("image/jpeg").result(
                    finished(job(ctx)).thumbnailJpeg().orElseThrow(() -> Problem.notFound("this file has no thumbnail")));
            case "GET /v1/verifications/{id}/frames.jpg" -> ctx -> ctx.contentType("image/jpeg").result(
                    finished(job(ctx)).frameStripJpeg().orElseThrow(() -> Problem.notFound("this file has no frame strip")));
            case "GET /matches/byBinding" -> ctx -> send(ctx, sbr.byBinding(query(ctx), null));
            case "POST /matches/byBinding" -> ctx -> send(ctx, sbr.byBinding(query(ctx),
                    smallBody(ctx, SoftBindingResponder.MAX_BINDING_BODY)));
            case "POST /matches/byContent" -> this::byContent;
            case "POST /matches/byReference" -> this::byReference;
            case "GET /manifests/{manifestId}" -> ctx -> send(ctx, sbr.manifest(ctx.pathParam("manifestId"), query(ctx)));
            case "GET /services/supportedAlgorithms" -> ctx -> send(ctx, sbr.supportedAlgorithms());
            case "POST /v1/manifests" -> ctx -> registrations.register(ctx,
                    smallBody(ctx, (int) Math.min(Registrations.MAX_BODY, config.maxUploadBytes())));
            case "GET /" -> WebPage::index;
            case "GET /web/{asset}" -> WebPage::asset;
            case "GET /health" -> this::health;
            case "GET /metrics" -> ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(metrics.scrape());
            case "GET /openapi.json" -> ctx -> ctx.contentType("application/json").result(openApi());
            default -> throw new IllegalStateException("no handler for " + r);
        };
    }

    /**
     * Checks the caller's key for the route's scope before the handler runs, and before any of the body is read: a
     * caller without a key (or without the scope) is refused at once, whatever it is still sending.
     */
    private Handler guarded(Route r, Handler h) {
        String scope = SBR_READ.equals(r.scope()) ? (config.publicReads() ? null : ApiKeys.FETCH_MANIFESTS) : r.scope();
        if (scope == null || keys.isEmpty()) {
            // open, or no keys configured (loopback only: ServiceConfig refuses otherwise): limited per address
            return scope == null ? h : ctx -> {
                ctx.attribute(CALLER, "ip:" + ctx.ip());
                rateLimits.take("ip:" + ctx.ip());
                h.handle(ctx);
            };
        }
        return ctx -> {
            Optional<ApiKeys.Caller> caller = keys.get().caller(ctx.header("Authorization"));
            if (caller.isEmpty()) {
                ctx.header("WWW-Authenticate", "Bearer");
                throw refused(ctx, new Problem(401, "unauthorized", "An API key is needed",
                        "send Authorization: Bearer KEY with a key that has the '" + scope + "' scope"));
            }
            ctx.attribute(CALLER, caller.get().name());
            if (!caller.get().scopes().contains(scope)) {
                throw refused(ctx, new Problem(403, "forbidden", "The API key lacks a scope",
                        "the key '" + caller.get().name() + "' does not have the '" + scope + "' scope"));
            }
            rateLimits.take(caller.get().name());
            h.handle(ctx);
        };
    }

    /** The request attribute naming who called: an API key's name, or {@code ip:ADDRESS} without keys. */
    static final String CALLER = "hallmark.caller";

    /**
     * A refusal before the body is read. Only what has already arrived is read and discarded, for at most
     * {@link ServiceConfig.UploadLimits#refusedDrain()} and 1 MiB (never waiting on a client that trickles, which
     * would hold a thread for as long as it likes); the connection is then closed, so nothing more is read from it.
     */
    private Problem refused(Context ctx, Problem p) {
        long declared = ctx.req().getContentLengthLong();
        if (declared == 0) {
            return p.closing(); // nothing to read (a GET)
        }
        long until = System.nanoTime() + config.uploads().refusedDrain().toNanos();
        try {
            InputStream in = ctx.req().getInputStream();
            byte[] buffer = new byte[1 << 16];
            long left = declared > 0 ? Math.min(declared, 1L << 20) : 1L << 20;
            while (left > 0 && System.nanoTime() < until) {
                int available = in.available();
                if (available <= 0) {
                    Thread.sleep(10);
                    continue;
                }
                int r = in.read(buffer, 0, (int) Math.min(buffer.length, Math.min(available, left)));
                if (r < 0) {
                    break;
                }
                left -= r;
            }
        } catch (IOException | RuntimeException e) {
            // the client went away: nothing more to read
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return p.closing();
    }

    /** Who is uploading, for the {@link UploadGate}. */
    private static String caller(Context ctx) {
        return java.util.Objects.toString(ctx.attribute(CALLER), "ip:" + ctx.ip());
    }

    /** Admits one upload of this caller, or refuses it (429/503) without reading its body. */
    private UploadGate.Pass admit(Context ctx) {
        try {
            return uploads.admit(caller(ctx));
        } catch (Problem p) {
            throw refused(ctx, p);
        }
    }

    /**
     * Receives an upload within the service's limits: admitted by the {@link UploadGate} (per caller and in total),
     * then streamed to a private temp file within the byte limit, the time limit and the least rate.
     *
     * @throws Problem 429/503 when too many uploads arrive at once (the body is not read), 413, 408, 400
     */
    private Path receive(Context ctx, InputStream body, long declaredLength) throws IOException {
        try (UploadGate.Pass pass = admit(ctx)) {
            ServiceConfig.UploadLimits limits = config.uploads();
            return Uploads.receive(body, declaredLength, config.maxUploadBytes(), limits.timeout().toNanos(),
                    limits.minBytesPerSecond(), ServiceConfig.UploadLimits.RATE_GRACE.toNanos());
        }
    }

    /**
     * The file a request carries: the body itself, or a multipart form's part named {@code file} (a browser form,
     * {@code curl -F file=@clip.mp4}). Either way it is received within the upload limits ({@link #receive}).
     *
     * @return the file and the name the form gave it (null for a raw body)
     */
    private Map.Entry<Path, String> uploadedFile(Context ctx) throws IOException {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
            return new java.util.AbstractMap.SimpleImmutableEntry<>(
                    receive(ctx, ctx.bodyInputStream(), ctx.req().getContentLengthLong()), null);
        }
        if (ctx.req().getContentLengthLong() > config.maxUploadBytes()) {
            throw refused(ctx, new Problem(413, "upload-too-large", "The upload is larger than this service accepts",
                    "uploads are limited to " + config.maxUploadBytes() + " bytes"));
        }
        io.javalin.http.UploadedFile part;
        try (UploadGate.Pass pass = admit(ctx)) {
            part = ctx.uploadedFile("file");
        } catch (Problem p) {
            throw p;
        } catch (Exception e) { // Jetty's parser: a malformed form, or a part over the limit when sent chunked
            throw Problem.badRequest("the multipart form could not be read (at most " + config.maxUploadBytes()
                    + " bytes in a part named 'file')");
        }
        if (part == null) {
            throw Problem.badRequest("a multipart upload needs a part named 'file'");
        }
        try (InputStream in = part.content()) {
            return new java.util.AbstractMap.SimpleImmutableEntry<>(Uploads.receive(in, part.size(),
                    config.maxUploadBytes(), config.uploads().timeout().toNanos(), 0, 0), part.filename());
        }
    }

    /**
     * A small body (an SBR query, a registration), received within the upload limits and at most {@code max} bytes.
     *
     * @return the body; empty when there is none
     */
    private byte[] smallBody(Context ctx, int max) throws IOException {
        long declared = ctx.req().getContentLengthLong();
        if (declared > max) {
            throw refused(ctx, new Problem(413, "upload-too-large", "The request body is larger than this endpoint"
                    + " accepts", "at most " + max + " bytes"));
        }
        if (declared == 0) {
            return new byte[0];
        }
        Path file;
        try (UploadGate.Pass pass = admit(ctx)) {
            file = Uploads.receive(ctx.bodyInputStream(), declared, max, config.uploads().timeout().toNanos(),
                    config.uploads().minBytesPerSecond(), ServiceConfig.UploadLimits.RATE_GRACE.toNanos());
        } catch (Problem p) {
            if (p.status() == 400 && declared < 0) {
                return new byte[0];
            }
            throw p;
        }
        try {
            return Files.readAllBytes(file);
        } finally {
            Uploads.delete(file);
        }
    }

    /**
     * Whether byContent answers: a key was there at start, or has been created since (it is looked for again on each
     * call until then, and the resolver is then opened once).
     */
    private boolean answersByContent() throws IOException {
        if (sbr.answersByContent() || config.publisherKeys().isPresent()
                || !Files.isRegularFile(hallmarkConfig.watermarkKeyFile())) {
            return sbr.answersByContent();
        }
        synchronized (this) {
            if (!sbr.answersByContent()) {
                contentResolver = KeyedContentResolver.open(Optional.of(hallmark), hallmarkConfig, Optional.empty());
                sbr = new SoftBindingResponder(store, contentResolver.map(r -> r));
                System.err.println("hallmark serve: the watermark key " + hallmarkConfig.watermarkKeyFile()
                        + " now exists: byContent answers");
            }
        }
        return sbr.answersByContent();
    }

    private void verify(Context ctx) throws Exception {
        Map.Entry<Path, String> received = uploadedFile(ctx);
        Path upload = received.getKey();
        String name = ctx.queryParam("filename") == null && received.getValue() != null ? uploadName(received.getValue())
                : uploadName(ctx);
        long size = Files.size(upload);
        Verifications.Job job = verifications.submit(upload, name, size);
        String location = "/v1/verifications/" + job.id();
        ctx.header("Location", location);
        if (size > config.asyncAboveBytes() || "true".equals(ctx.queryParam("async"))) {
            pending(ctx.status(202), job);
            return;
        }
        try {
            sendReport(ctx, job.report().get(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            throw new Problem(504, "analysis-timeout", "The analysis did not finish in time",
                    "still running after " + config.requestTimeout().toSeconds() + " s: poll " + location);
        }
    }

    private void byContent(Context ctx) throws Exception {
        Map<String, String> q = query(ctx);
        if (!answersByContent()) {
            send(ctx, sbr.byContent(null, q));
            return;
        }
        sendMatches(ctx, q, uploadedFile(ctx).getKey());
    }

    /** byContent's answer for a received asset, which is deleted afterwards whatever happens. */
    private void sendMatches(Context ctx, Map<String, String> q, Path asset) throws IOException {
        try {
            send(ctx, sbr.byContent(asset, q));
        } finally {
            Uploads.delete(asset);
        }
    }

    /** {@code POST /matches/byReference}: byContent over an asset this service downloads from an allowed URL. */
    private void byReference(Context ctx) throws Exception {
        Map<String, String> q = query(ctx);
        if (references.isEmpty()) {
            throw refused(ctx, new Problem(501, "by-reference-off", "byReference is off on this service",
                    "its operator allows no reference URLs (hallmark serve --by-reference-allow PREFIX); upload the"
                            + " file to /matches/byContent instead"));
        }
        if (!answersByContent()) {
            send(ctx, sbr.byContent(null, q));
            return;
        }
        ReferenceFetcher.Query reference = ReferenceFetcher.parse(smallBody(ctx, 64 << 10));
        sendMatches(ctx, q, references.get().fetch(reference, config.maxUploadBytes(),
                System.nanoTime() + config.uploads().timeout().toNanos()));
    }

    /**
     * {@code GET /health}: open to all, for load balancers (200 UP, 503 DOWN when the store cannot be reached). With
     * API keys configured, the details (manifest count, analysis queue, watermark key ids) are for callers with a valid
     * key only: key ids name the publishers a resolver serves.
     */
    private void health(Context ctx) {
        ObjectNode body = JSON.createObjectNode();
        boolean storeOk;
        long manifests = -1;
        try {
            manifests = store.count();
            storeOk = true;
        } catch (IOException | RuntimeException e) {
            System.err.println("hallmark serve: health: the manifest store cannot be read: " + e.getMessage());
            storeOk = false;
        }
        body.put("status", storeOk ? "UP" : "DOWN");
        if (!storeOk) {
            body.put("store", "unavailable");
        }
        boolean details;
        try {
            details = keys.isEmpty() || keys.get().caller(ctx.header("Authorization")).isPresent();
        } catch (Problem keyFileBroken) {
            details = false; // keyed requests are refused; health still answers load balancers
        }
        if (details) {
            if (storeOk) {
                body.put("manifests", manifests);
            }
            body.putObject("analysis").put("running", verifications.running()).put("waiting", verifications.waiting())
                    .put("queueCapacity", config.queueCapacity());
            body.putObject("uploads").put("arriving", uploads.arriving())
                    .put("maxConcurrent", config.uploads().maxConcurrent());
            body.put("byContent", sbr.answersByContent());
            Optional<KeyedContentResolver> resolver = contentResolver;
            if (resolver.isPresent()) {
                com.fasterxml.jackson.databind.node.ArrayNode ids = body.putArray("watermarkKeys");
                resolver.get().keyIds().forEach(ids::add);
            }
        }
        if (!storeOk) {
            ctx.header("Retry-After", "10");
        }
        ctx.status(storeOk ? 200 : 503).contentType("application/json").result(body.toString());
    }

    /** The {@code filename} query parameter's last path segment, else "upload": never a path on this server. */
    private static String uploadName(Context ctx) {
        return uploadName(query(ctx).getOrDefault("filename", "upload"));
    }

    private static String uploadName(String given) {
        String name = given.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        return name.isEmpty() || name.equals("..") || name.equals(".") ? "upload" : name;
    }

    /** The job named by the {@code id} path parameter (a UUID; anything else is 404 before any look-up). */
    private Verifications.Job job(Context ctx) {
        String id = ctx.pathParam("id");
        if (!id.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
            throw Problem.notFound("no verification " + id);
        }
        return verifications.find(id).orElseThrow(() -> Problem.notFound("no verification " + id
                + " (finished verifications are kept for the last " + config.resultsKept() + ")"));
    }

    private void answerReport(Context ctx, Verifications.Job job) {
        if (!job.report().isDone()) {
            pending(ctx.status(202), job);
        } else {
            sendReport(ctx, finished(job));
        }
    }

    /**
     * A finished report; one without a verdict because a look-up could not be made then ({@code "retryable": true})
     * is a 503 with Retry-After, so that clients and proxies retry it rather than take it as an answer.
     */
    private static void sendReport(Context ctx, VerificationReport report) {
        if (report.retryable()) {
            ctx.status(503).header("Retry-After", "10");
        }
        ctx.contentType("application/json").result(ReportJson.toJson(report).toString());
    }

    private static VerificationReport finished(Verifications.Job job) {
        if (!job.report().isDone()) {
            throw new Problem(409, "not-finished", "The verification is still running", "poll /v1/verifications/"
                    + job.id() + " until it answers 200").retryAfter(2);
        }
        try {
            return job.report().get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("a finished verification has a report", e);
        }
    }

    private void pending(Context ctx, Verifications.Job job) {
        ObjectNode body = JSON.createObjectNode().put("id", job.id()).put("status", "running")
                .put("location", "/v1/verifications/" + job.id()).put("stage", job.stage())
                .put("elapsedSeconds", Math.round(job.elapsedSeconds() * 10) / 10.0);
        verifications.estimatedPercent(job).ifPresent(p -> body.put("estimatedPercent", p));
        ctx.header("Retry-After", "2").contentType("application/json").result(body.toString());
    }

    private static void send(Context ctx, SoftBindingResponder.Answer a) {
        ctx.status(a.status()).contentType(a.contentType()).result(a.body());
    }

    /** The query string decoded, as {@link SoftBindingResponder} takes it; malformed escapes are a 400. */
    private static Map<String, String> query(Context ctx) {
        return io.hallmark.provenance.store.SoftBindingServer.query(ctx.queryString());
    }

    /** @return the OpenAPI 3.1 document of this service */
    public static String openApi() {
        try (InputStream in = HallmarkService.class.getResourceAsStream("openapi.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops accepting requests, finishes the analyses already accepted, closes the store and the workers. */
    @Override
    public void close() throws IOException {
        app.stop();
        verifications.close();
        Optional<KeyedContentResolver> resolver = contentResolver;
        if (resolver.isPresent()) {
            resolver.get().close();
        }
        registrations.close();
        store.close();
        hallmark.close();
    }
}
