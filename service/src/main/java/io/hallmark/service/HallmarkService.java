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
            new Route("GET", "/metrics", null),
            new Route("GET", "/openapi.json", null));

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ServiceConfig config;
    private final Optional<ApiKeys> keys;
    private final Hallmark hallmark;
    private final ManifestStore store;
    private final Optional<KeyedContentResolver> contentResolver;
    private final SoftBindingResponder sbr;
    private final Verifications verifications;
    private final io.micrometer.prometheusmetrics.PrometheusMeterRegistry metrics =
            new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT);
    private final RateLimits rateLimits;
    private final Optional<ReferenceFetcher> references;
    private final Javalin app;

    private HallmarkService(ServiceConfig config, HallmarkConfig hallmarkConfig) throws IOException {
        this.config = config;
        this.keys = config.apiKeys().isPresent() ? Optional.of(ApiKeys.load(config.apiKeys().get())) : Optional.empty();
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
                        .put("caller", java.util.Objects.toString(ctx.attribute("hallmark.caller"), "-"));
                System.err.println(line);
            });
            c.jetty.host = config.host();
            c.jetty.port = config.port();
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
            c.routes.exception(Exception.class, (e, ctx) -> new Problem(500, "internal-error",
                    "The service failed", e.getClass().getSimpleName() + ": " + e.getMessage()).answer(ctx));
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
                    .result(ReportHtml.page(List.of(finished(job(ctx)))));
            case "GET /v1/verifications/{id}/thumbnail.jpg" -> ctx -> ctx.contentType("image/jpeg").result(
                    finished(job(ctx)).thumbnailJpeg().orElseThrow(() -> Problem.notFound("this file has no thumbnail")));
            case "GET /v1/verifications/{id}/frames.jpg" -> ctx -> ctx.contentType("image/jpeg").result(
                    finished(job(ctx)).frameStripJpeg().orElseThrow(() -> Problem.notFound("this file has no frame strip")));
            case "GET /matches/byBinding" -> ctx -> send(ctx, sbr.byBinding(query(ctx), null));
            case "POST /matches/byBinding" -> ctx -> send(ctx, sbr.byBinding(query(ctx),
                    ctx.bodyInputStream().readNBytes(SoftBindingResponder.MAX_BINDING_BODY)));
            case "POST /matches/byContent" -> this::byContent;
            case "POST /matches/byReference" -> this::byReference;
            case "GET /manifests/{manifestId}" -> ctx -> send(ctx, sbr.manifest(ctx.pathParam("manifestId"), query(ctx)));
            case "GET /services/supportedAlgorithms" -> ctx -> send(ctx, sbr.supportedAlgorithms());
            case "POST /v1/manifests" -> this::register;
            case "GET /" -> WebPage::index;
            case "GET /web/{asset}" -> WebPage::asset;
            case "GET /health" -> this::health;
            case "GET /metrics" -> ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(metrics.scrape());
            case "GET /openapi.json" -> ctx -> ctx.contentType("application/json").result(openApi());
            default -> throw new IllegalStateException("no handler for " + r);
        };
    }

    /** Checks the caller's key for the route's scope before the handler runs. */
    private Handler guarded(Route r, Handler h) {
        String scope = SBR_READ.equals(r.scope()) ? (config.publicReads() ? null : ApiKeys.FETCH_MANIFESTS) : r.scope();
        if (scope == null || keys.isEmpty()) {
            // open, or no keys configured (loopback only: ServiceConfig refuses otherwise): limited per address
            return scope == null ? h : ctx -> {
                rateLimits.take("ip:" + ctx.ip());
                h.handle(ctx);
            };
        }
        return ctx -> {
            Optional<ApiKeys.Caller> caller = keys.get().caller(ctx.header("Authorization"));
            caller.ifPresent(c -> ctx.attribute("hallmark.caller", c.name()));
            if (caller.isEmpty()) {
                drain(ctx);
                ctx.header("WWW-Authenticate", "Bearer");
                throw new Problem(401, "unauthorized", "An API key is needed",
                        "send Authorization: Bearer KEY with a key that has the '" + scope + "' scope");
            }
            if (!caller.get().scopes().contains(scope)) {
                drain(ctx);
                throw new Problem(403, "forbidden", "The API key lacks a scope",
                        "the key '" + caller.get().name() + "' does not have the '" + scope + "' scope");
            }
            rateLimits.take(caller.get().name());
            h.handle(ctx);
        };
    }

    /**
     * Reads and discards an unread request body (up to the upload limit) before an early refusal: a client still
     * sending its upload when the server closes may lose the answer itself (the connection is reset under it).
     */
    private long uploadDeadline() {
        return System.nanoTime() + config.requestTimeout().toNanos();
    }

    private void drain(Context ctx) {
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] buffer = new byte[1 << 16];
            long left = config.maxUploadBytes();
            for (int r; left > 0 && (r = in.read(buffer)) > 0; ) {
                left -= r;
            }
        } catch (IOException | RuntimeException e) {
            // the client went away: nothing to answer
        }
    }

    private void verify(Context ctx) throws Exception {
        Path upload;
        String name = uploadName(ctx);
        String type = ctx.contentType();
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
            // a browser form or curl -F file=@clip.mp4: the part named "file"
            if (ctx.req().getContentLengthLong() > config.maxUploadBytes()) {
                throw new Problem(413, "upload-too-large", "The upload is larger than this service accepts",
                        "uploads are limited to " + config.maxUploadBytes() + " bytes");
            }
            io.javalin.http.UploadedFile part;
            try {
                part = ctx.uploadedFile("file");
            } catch (Exception e) { // Jetty's parser: a malformed form, or a part over the limit when sent chunked
                throw Problem.badRequest("the multipart form could not be read (at most " + config.maxUploadBytes()
                        + " bytes): " + e.getMessage());
            }
            if (part == null) {
                throw Problem.badRequest("a multipart upload needs a part named 'file'");
            }
            try (InputStream in = part.content()) {
                upload = Uploads.receive(in, part.size(), config.maxUploadBytes(), uploadDeadline());
            }
            if (ctx.queryParam("filename") == null && part.filename() != null) {
                name = uploadName(part.filename());
            }
        } else {
            upload = Uploads.receive(ctx.bodyInputStream(), ctx.req().getContentLengthLong(), config.maxUploadBytes(),
                    uploadDeadline());
        }
        long size = Files.size(upload);
        Verifications.Job job = verifications.submit(upload, name, size);
        String location = "/v1/verifications/" + job.id();
        ctx.header("Location", location);
        if (size > config.asyncAboveBytes() || "true".equals(ctx.queryParam("async"))) {
            pending(ctx.status(202), job);
            return;
        }
        try {
            VerificationReport report = job.report().get(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
            ctx.contentType("application/json").result(ReportJson.toJson(report).toString());
        } catch (TimeoutException e) {
            throw new Problem(504, "analysis-timeout", "The analysis did not finish in time",
                    "still running after " + config.requestTimeout().toSeconds() + " s: poll " + location);
        }
    }

    private void byContent(Context ctx) throws Exception {
        Map<String, String> q = query(ctx);
        if (!sbr.answersByContent()) {
            send(ctx, sbr.byContent(null, q));
            return;
        }
        sendMatches(ctx, q, Uploads.receive(ctx.bodyInputStream(), ctx.req().getContentLengthLong(),
                config.maxUploadBytes(), uploadDeadline()));
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
            drain(ctx);
            throw new Problem(501, "by-reference-off", "byReference is off on this service",
                    "its operator allows no reference URLs (hallmark serve --by-reference-allow PREFIX); upload the"
                            + " file to /matches/byContent instead");
        }
        if (!sbr.answersByContent()) {
            send(ctx, sbr.byContent(null, q));
            return;
        }
        ReferenceFetcher.Query reference = ReferenceFetcher.parse(ctx.bodyInputStream().readNBytes(64 << 10));
        sendMatches(ctx, q, references.get().fetch(reference, config.maxUploadBytes(), uploadDeadline()));
    }

    /**
     * A publisher's signing pipeline registers what it signed ({@code certify/generate --store URL}): the manifest
     * store must be one c2pa-rs can read, the payload 16 hex digits when given, the fingerprint decodable.
     */
    private void register(Context ctx) throws Exception {
        byte[] raw = ctx.bodyInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 16, config.maxUploadBytes() + 1));
        if (raw.length > config.maxUploadBytes()) {
            throw new Problem(413, "upload-too-large", "The upload is larger than this service accepts",
                    "a registration is limited to " + config.maxUploadBytes() + " bytes");
        }
        com.fasterxml.jackson.databind.JsonNode body;
        try {
            body = JSON.readTree(raw);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw Problem.badRequest("the body must be JSON: manifestId, manifestStore (base64), payloadHex, "
                    + "algorithm, title, signedAt, fingerprint");
        }
        String id = body.path("manifestId").asText("");
        if (!id.matches("urn:(c2pa|uuid):[0-9A-Za-z:._-]{1,200}")) {
            throw Problem.badRequest("manifestId must be a C2PA manifest label (urn:c2pa:... or urn:uuid:...)");
        }
        byte[] manifestStore;
        try {
            manifestStore = java.util.Base64.getDecoder().decode(body.path("manifestStore").asText(""));
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("manifestStore must be base64");
        }
        String payload = body.path("payloadHex").isTextual() ? body.path("payloadHex").asText() : null;
        if (manifestStore.length == 0 || payload != null && !payload.matches("[0-9a-f]{16}")) {
            throw Problem.badRequest("manifestStore is required, and payloadHex is 16 lower-case hex digits");
        }
        String fingerprint = body.path("fingerprint").isTextual() ? body.path("fingerprint").asText() : null;
        if (fingerprint != null) {
            try {
                io.hallmark.fingerprint.VideoFingerprint.decode(fingerprint);
            } catch (RuntimeException e) {
                throw Problem.badRequest("fingerprint is not a " + io.hallmark.fingerprint.VideoFingerprint.ALGORITHM
                        + " value");
            }
        }
        java.time.Instant signedAt;
        try {
            signedAt = body.path("signedAt").isTextual() ? java.time.Instant.parse(body.path("signedAt").asText())
                    : java.time.Instant.now();
        } catch (java.time.format.DateTimeParseException e) {
            throw Problem.badRequest("signedAt must be an ISO-8601 instant");
        }
        store.put(new io.hallmark.provenance.store.StoredManifest(id, payload, body.path("algorithm")
                .asText(io.hallmark.provenance.store.SoftBindingApi.ALGORITHM), body.path("title").asText(null),
                signedAt, manifestStore, body.path("reportJson").isTextual() ? body.path("reportJson").asText() : "{}",
                fingerprint));
        ctx.status(201).header("Location", "/manifests/" + java.net.URLEncoder.encode(id, StandardCharsets.UTF_8))
                .contentType("application/json").result(JSON.createObjectNode().put("manifestId", id).toString());
    }

    private void health(Context ctx) {
        ObjectNode body = JSON.createObjectNode();
        boolean storeOk;
        try {
            body.put("manifests", store.count());
            storeOk = true;
        } catch (IOException | RuntimeException e) {
            body.put("storeError", String.valueOf(e.getMessage()));
            storeOk = false;
        }
        body.put("status", storeOk ? "UP" : "DOWN");
        body.putObject("analysis").put("running", verifications.running()).put("waiting", verifications.waiting())
                .put("queueCapacity", config.queueCapacity());
        body.put("byContent", sbr.answersByContent());
        if (contentResolver.isPresent()) {
            com.fasterxml.jackson.databind.node.ArrayNode ids = body.putArray("watermarkKeys");
            contentResolver.get().keyIds().forEach(ids::add);
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
            ctx.contentType("application/json").result(ReportJson.toJson(finished(job)).toString());
        }
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
        if (contentResolver.isPresent()) {
            contentResolver.get().close();
        }
        store.close();
        hallmark.close();
    }
}
