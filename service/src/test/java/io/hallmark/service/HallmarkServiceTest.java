package io.hallmark.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hallmark.Hallmark;
import io.hallmark.HallmarkConfig;
import io.hallmark.HallmarkHome;
import io.hallmark.generator.GenerationRequest;
import io.hallmark.generator.pipeline.CertifiedVideo;
import io.hallmark.media.Ffmpeg;
import io.hallmark.provenance.store.SoftBindingApi;
import io.hallmark.testdata.TestDatabases;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service through real HTTP (the JDK client), as a newsroom's or a platform's code would call it. */
class HallmarkServiceTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    static Path dir;
    static HallmarkConfig hallmark;
    static CertifiedVideo video;
    static HallmarkService open;
    static final List<HallmarkService> started = new ArrayList<>();

    @BeforeAll
    static void publisherCertifiesAVideo() throws Exception {
        hallmark = HallmarkConfig.of(HallmarkHome.resolve(dir.resolve("home")));
        try (Hallmark h = Hallmark.open(hallmark)) {
            video = h.generate(new GenerationRequest("a harbour at dawn", 3, 3.0, 640, 360, 25), dir.resolve("certified.mp4"));
        }
        open = start(ServiceConfig.DEFAULT.listeningOn("127.0.0.1", 0), hallmark);
    }

    static HallmarkService start(ServiceConfig config, HallmarkConfig h) throws Exception {
        HallmarkService s = HallmarkService.start(config, h);
        started.add(s);
        return s;
    }

    @AfterAll
    static void stop() throws Exception {
        for (HallmarkService s : started) {
            s.close();
        }
    }

    static HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<byte[]> post(HallmarkService s, String path, Path file, String key) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(s.url() + path)).POST(HttpRequest.BodyPublishers.ofFile(file));
        return send(key == null ? r : r.header("Authorization", "Bearer " + key));
    }

    static HttpResponse<byte[]> get(HallmarkService s, String path, String key) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(s.url() + path)).GET();
        return send(key == null ? r : r.header("Authorization", "Bearer " + key));
    }

    /** Sends a request line the JDK client would refuse to build, and returns the status. */
    static int rawStatus(HallmarkService s, String requestLine) throws Exception {
        URI u = URI.create(s.url());
        try (java.net.Socket socket = new java.net.Socket(u.getHost(), u.getPort())) {
            socket.getOutputStream().write((requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    static JsonNode json(HttpResponse<byte[]> r) throws Exception {
        return JSON.readTree(r.body());
    }

    /** An RFC 9457 problem with this status. */
    static JsonNode problem(HttpResponse<byte[]> r, int status) throws Exception {
        assertEquals(status, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
        JsonNode p = json(r);
        assertEquals(status, p.path("status").asInt());
        assertTrue(p.path("type").asText().startsWith(Problem.TYPE_BASE), p.toString());
        assertFalse(p.path("detail").asText().isBlank(), p.toString());
        return p;
    }

    @Test
    void anUploadIsVerifiedAndItsReportThumbnailAndPageCanBeFetchedAgain() throws Exception {
        HttpResponse<byte[]> r = post(open, "/v1/verifications?filename=..%2Fcertified.mp4", video.file(), null);
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        JsonNode report = json(r);
        assertEquals("certified.mp4", report.path("file").asText(), "the uploader's name, never the temp path");
        assertEquals("hallmark.verify/2", report.path("schema").asText(), report.toString());
        assertEquals("SIGNED", report.path("verdict").asText(), report.toString());
        assertEquals(video.payloadHex(), report.path("watermark").path("payload").asText());
        String location = r.headers().firstValue("Location").orElseThrow();
        assertEquals("SIGNED", json(get(open, location, null)).path("verdict").asText());
        HttpResponse<byte[]> page = get(open, location + "/report.html", null);
        assertEquals(200, page.statusCode());
        assertTrue(new String(page.body(), StandardCharsets.UTF_8).contains("SIGNED"));
        HttpResponse<byte[]> thumbnail = get(open, location + "/thumbnail.jpg", null);
        assertEquals(200, thumbnail.statusCode());
        assertEquals((byte) 0xFF, thumbnail.body()[0], "a JPEG");
    }

    static final String BOUNDARY = "----hallmark-test-boundary";

    /** A multipart form whose part "file" carries {@code file} under {@code name}. */
    static byte[] multipart(Path file, String name) throws Exception {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\n"
                + "Content-Type: video/mp4\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.write(Files.readAllBytes(file));
        body.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }

    @Test
    void aMultipartFormUploadIsVerifiedUnderItsOwnName() throws Exception {
        HttpResponse<byte[]> r = send(HttpRequest.newBuilder(URI.create(open.url() + "/v1/verifications"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(video.file(), "from-a-form.mp4"))));
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("SIGNED", json(r).path("verdict").asText());
        assertEquals("from-a-form.mp4", json(r).path("file").asText());
    }

    @Test
    void aLargeUploadAnswers202AndIsPolledUntilItsReportIsReady() throws Exception {
        HallmarkService s = start(ServiceConfig.DEFAULT.listeningOn("127.0.0.1", 0).withAsyncAbove(1), hallmark);
        HttpResponse<byte[]> r = post(s, "/v1/verifications", video.file(), null);
        assertEquals(202, r.statusCode());
        String location = r.headers().firstValue("Location").orElseThrow();
        assertEquals("running", json(r).path("status").asText());
        JsonNode report = null;
        for (int i = 0; i < 600 && report == null; i++) {
            HttpResponse<byte[]> poll = get(s, location, null);
            if (poll.statusCode() == 200) {
                report = json(poll);
            } else {
                assertEquals(202, poll.statusCode());
                Thread.sleep(100);
            }
        }
        assertEquals("SIGNED", report.path("verdict").asText());
    }

    @Test
    void anUploadOverTheLimitIsA413ProblemAndLeavesNoTempFile() throws Exception {
        HallmarkService s = start(ServiceConfig.DEFAULT.listeningOn("127.0.0.1", 0).withMaxUpload(1000), hallmark);
        Set<Path> before = uploads();
        JsonNode p = problem(post(s, "/v1/verifications", video.file(), null), 413);
        assertEquals(Problem.TYPE_BASE + "upload-too-large", p.path("type").asText());
        assertEquals("/v1/verifications", p.path("instance").asText());
        problem(send(HttpRequest.newBuilder(URI.create(s.url() + "/v1/verifications"))
                .POST(HttpRequest.BodyPublishers.noBody())), 400);
        String boundary = "b";
        byte[] big = new byte[5000];
        byte[] form = ("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.mp4\"\r\n\r\n"
                + new String(big, StandardCharsets.ISO_8859_1) + "\r\n--b--\r\n").getBytes(StandardCharsets.ISO_8859_1);
        problem(send(HttpRequest.newBuilder(URI.create(s.url() + "/v1/verifications"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(form))), 413);
        Set<Path> left = uploads();
        left.removeAll(before); // another test's background job may finish meanwhile; none of ours may stay
        assertEquals(Set.of(), left, "no upload left in the temp folder");
    }

    static Set<Path> uploads() throws Exception {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return new HashSet<>(files.filter(f -> f.getFileName().toString().startsWith("hallmark-upload-")).toList());
        }
    }

    @Test
    void apiKeysAreCheckedForTheRightScope() throws Exception {
        String[] verifier = ApiKeys.create("newsroom", Set.of(ApiKeys.VERIFY));
        String[] reader = ApiKeys.create("platform", Set.of(ApiKeys.FETCH_MANIFESTS));
        Path keys = Files.writeString(dir.resolve("keys.txt"), "# name scopes\n" + verifier[1] + "\n" + reader[1] + "\n");
        assertFalse(Files.readString(keys).contains(verifier[0]), "only the hash is stored");
        HallmarkService s = start(ServiceConfig.DEFAULT.listeningOn("127.0.0.1", 0).withApiKeys(keys, false), hallmark);

        JsonNode missing = problem(post(s, "/v1/verifications", video.file(), null), 401);
        assertTrue(missing.path("detail").asText().contains("verify"), missing.toString());
        problem(post(s, "/v1/verifications", video.file(), "hmk_not-a-key"), 401);
        JsonNode wrongScope = problem(post(s, "/v1/verifications", video.file(), reader[0]), 403);
        assertTrue(wrongScope.path("detail").asText().contains("platform"), wrongScope.toString());
        assertEquals(200, post(s, "/v1/verifications", video.file(), verifier[0]).statusCode());

        problem(get(s, "/services/supportedAlgorithms", verifier[0]), 403);
        problem(send(HttpRequest.newBuilder(URI.create(s.url() + "/v1/manifests")).header("Authorization", "Bearer " + verifier[0])
                .POST(HttpRequest.BodyPublishers.ofString("{}"))), 403);
        assertEquals(200, get(s, "/services/supportedAlgorithms", reader[0]).statusCode());
        assertEquals(200, get(s, "/health", null).statusCode(), "health needs no key");
    }

    @Test
    void theSoftBindingApiFindsTheManifestByWatermarkIdAndAStrippedCopyByContent() throws Exception {
        String value = URLEncoder.encode(SoftBindingApi.valueOf(video.payloadHex()), StandardCharsets.UTF_8);
        JsonNode byBinding = json(get(open, "/matches/byBinding?alg=" + SoftBindingApi.ALGORITHM + "&value=" + value, null));
        assertEquals(video.manifestId(), byBinding.path("matches").path(0).path("manifestId").asText(), byBinding.toString());
        HttpResponse<byte[]> manifest = get(open, "/manifests/" + URLEncoder.encode(video.manifestId(), StandardCharsets.UTF_8), null);
        assertEquals(200, manifest.statusCode());
        assertEquals("application/c2pa", manifest.headers().firstValue("Content-Type").orElse(""));
        HttpResponse<byte[]> active = get(open, "/manifests/" + URLEncoder.encode(video.manifestId(), StandardCharsets.UTF_8)
                + "?returnActiveManifest=true", null);
        assertEquals(200, active.statusCode());
        assertEquals(List.of(video.manifestId()), io.hallmark.provenance.internal.JumbfManifestStore.manifestLabels(active.body()),
                "the store cut to its active manifest");
        problem(get(open, "/manifests/" + URLEncoder.encode(video.manifestId(), StandardCharsets.UTF_8)
                + "?returnActiveManifest=yes", null), 400);

        // a platform's flow: the file was stripped and re-encoded; the key holder's service still finds its manifest
        Path stripped = dir.resolve("stripped.mp4");
        Ffmpeg.run(120, "-i", video.file().toString(), "-c:v", "libx264", "-crf", "23", "-map_metadata", "-1", "-an",
                stripped.toString());
        JsonNode byContent = json(post(open, "/matches/byContent", stripped, null));
        assertEquals(video.manifestId(), byContent.path("matches").path(0).path("manifestId").asText(), byContent.toString());
        // found through the mark (its ID read, or the store's IDs near the decoder's guess), not a mere resemblance
        assertTrue(List.of("watermark", "store-assisted").contains(byContent.path("matches").path(0)
                .path("hallmark.method").asText()), byContent.toString());
        // the same file sent as a form (curl -F file=@copy.mp4) is read as the form's file, not as the envelope
        JsonNode byForm = json(send(HttpRequest.newBuilder(URI.create(open.url() + "/matches/byContent"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(stripped, "copy.mp4")))));
        assertEquals(video.manifestId(), byForm.path("matches").path(0).path("manifestId").asText(), byForm.toString());
    }

    @Test
    void aNewsroomWithoutTheKeyAsksTheResolverAndNeverMakesUpAKey() throws Exception {
        Path stripped = dir.resolve("stripped-for-newsroom.mp4");
        Ffmpeg.run(120, "-i", video.file().toString(), "-c:v", "libx264", "-crf", "23", "-map_metadata", "-1", "-an",
                stripped.toString());
        HallmarkHome newsroom = HallmarkHome.resolve(dir.resolve("newsroom"));
        // without a resolver: the mark cannot be checked here, and the report says so
        try (Hallmark h = Hallmark.open(HallmarkConfig.of(newsroom))) {
            io.hallmark.verify.VerificationReport alone = h.verify(stripped);
            assertEquals(io.hallmark.verify.Verdict.NO_PROVENANCE, alone.verdict(), alone.sentence());
            assertTrue(alone.notes().stream().anyMatch(n -> n.contains("holds no watermark key")), alone.notes().toString());
            assertTrue(alone.watermark().isEmpty(), "no detection is reported from a throw-away key");
        }
        // with the publisher's service as resolver: recovered, and confirmed by the content check
        try (Hallmark h = Hallmark.open(HallmarkConfig.of(newsroom).withResolvers(List.of(open.url())))) {
            io.hallmark.verify.VerificationReport r = h.verify(stripped);
            assertEquals(io.hallmark.verify.Verdict.RECOVERED, r.verdict(), r.sentence() + " " + r.notes());
            assertEquals(video.manifestId(), r.recoveredManifestId().orElseThrow());
            assertTrue(r.sentence().contains("recovered through " + open.url()), r.sentence());
        }
        assertFalse(Files.exists(newsroom.watermarkKey()), "verification never creates a watermark key");
    }

    @Test
    void aCopiedMarkReadsTheSameWithTheKeyAndThroughTheResolver() throws Exception {
        // the strongest forgery: the certified video's ID embedded with the real key into other footage
        Path forged = dir.resolve("forged-for-newsroom.mp4");
        io.hallmark.verify.VerificationReport withKey;
        try (Hallmark publisher = Hallmark.open(hallmark)) {
            publisher.embed(io.hallmark.testdata.SharedData.clip("sam2_04_coffee.mp4"), forged,
                    io.hallmark.watermark.Payload.fromHex(video.payloadHex()), 18, (stage, done, total) -> true);
            withKey = publisher.verify(forged);
        }
        assertEquals(io.hallmark.verify.Verdict.MARK_MISMATCH, withKey.verdict(), withKey.sentence() + " " + withKey.notes());
        assertEquals(Optional.of(video.manifestId()), withKey.markManifestId());
        // the service says so in byContent, and a keyless newsroom reaches the same verdict through it
        JsonNode byContent = json(post(open, "/matches/byContent", forged, null));
        JsonNode match = byContent.path("matches").path(0);
        assertEquals("MISMATCH", match.path("hallmark.contentCheck").asText(), byContent.toString());
        assertEquals(0, match.path("similarityScore").asInt(), byContent.toString());
        HallmarkHome newsroom = HallmarkHome.resolve(dir.resolve("newsroom-forged"));
        try (Hallmark h = Hallmark.open(HallmarkConfig.of(newsroom).withResolvers(List.of(open.url())))) {
            io.hallmark.verify.VerificationReport keyless = h.verify(forged);
            assertEquals(withKey.verdict(), keyless.verdict(), keyless.sentence() + " " + keyless.notes());
        }
    }

    @Test
    void aMirroredCopyReadsTheSameWithTheKeyAndThroughTheResolver() throws Exception {
        // issue 23: the page (key holder) said RECOVERED and the keyless tools MARK_MISMATCH for a plain mirror
        Path mirrored = dir.resolve("mirrored-for-newsroom.mp4");
        Ffmpeg.run(120, "-i", video.file().toString(), "-vf", "hflip", "-c:v", "libx264", "-crf", "23",
                "-map_metadata", "-1", "-an", mirrored.toString());
        io.hallmark.verify.VerificationReport withKey;
        try (Hallmark publisher = Hallmark.open(hallmark)) {
            withKey = publisher.verify(mirrored);
        }
        assertEquals(io.hallmark.verify.Verdict.RECOVERED, withKey.verdict(), withKey.sentence() + " " + withKey.notes());
        HallmarkHome newsroom = HallmarkHome.resolve(dir.resolve("newsroom-mirror"));
        try (Hallmark h = Hallmark.open(HallmarkConfig.of(newsroom).withResolvers(List.of(open.url())))) {
            io.hallmark.verify.VerificationReport keyless = h.verify(mirrored);
            assertEquals(withKey.verdict(), keyless.verdict(), keyless.sentence() + " " + keyless.notes());
            assertEquals(withKey.recoveredManifestId(), keyless.recoveredManifestId());
        }
    }

    @Test
    void aResolverHoldingSeveralPublishersKeysNamesTheKeyThatReadTheMark() throws Exception {
        // two publishers' keys (one of them rotated in), none of the service's own
        Path keys = Files.createDirectories(dir.resolve("publisher-keys"));
        HallmarkHome otherPublisher = HallmarkHome.resolve(dir.resolve("other-publisher"));
        try (Hallmark other = Hallmark.open(HallmarkConfig.of(otherPublisher))) {
            other.watermarkKey(); // made on first use
        }
        Files.copy(otherPublisher.watermarkKey(), keys.resolve("acme-2025.key"));
        Files.copy(hallmark.home().watermarkKey(), keys.resolve("acme-2026.key"));
        HallmarkConfig resolverHome = HallmarkConfig.of(HallmarkHome.resolve(dir.resolve("resolver")))
                .withStore(hallmark.home().manifestStore().toString());
        HallmarkService resolver = start(ServiceConfig.DEFAULT.listeningOn("127.0.0.1", 0).withPublisherKeys(keys),
                resolverHome);
        JsonNode health = json(get(resolver, "/health", null));
        assertEquals("[\"acme-2025\",\"acme-2026\"]", health.path("watermarkKeys").toString(), health.toString());

        Path stripped = dir.resolve("stripped-for-resolver.mp4");
        Ffmpeg.run(120, "-i", video.file().toString(), "-c:v", "libx264", "-crf", "23", "-map_metadata", "-1", "-an",
                stripped.toString());
        JsonNode match = json(post(resolver, "/matches/byContent", stripped, null)).path("matches").path(0);
        assertEquals(video.manifestId(), match.path("manifestId").asText(), match.toString());
        assertEquals("acme-2026", match.path("hallmark.keyId").asText(), match.toString());
        assertFalse(Files.exists(dir.resolve("resolver").resolve("watermark.key")), "no key of its own was made");

        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> HallmarkService.start(
                ServiceConfig.DEFAULT.listeningOn("127.0.0.1", 0), hallmark.withWatermarkKey(dir.resolve("gone.key"))));
        assertTrue(missing.getMessage().contains("gone.key"), missing.getMessage());
    }

    static List<String> databases() {
        return TestDatabases.names();
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("databases")
    void aPublisherRegistersWhatItSignsWithTheCentralService(String database) throws Exception {
        // the service keeps its own store (SQLite, or PostgreSQL for a shared deployment); the publisher signs on its
        // machine and records through the API
        HallmarkService central = start(ServiceConfig.DEFAULT.listeningOn("127.0.0.1", 0),
                hallmark.withStore(TestDatabases.fresh(database, dir)));
        CertifiedVideo other;
        try (Hallmark publisher = Hallmark.open(hallmark.withStore(central.url()))) {
            other = publisher.generate(new GenerationRequest("a lighthouse in fog", 9, 1.0, 320, 240, 25),
                    dir.resolve("registered-" + database + ".mp4"));
        }
        String value = URLEncoder.encode(SoftBindingApi.valueOf(other.payloadHex()), StandardCharsets.UTF_8);
        JsonNode found = json(get(central, "/matches/byBinding?alg=" + SoftBindingApi.ALGORITHM + "&value=" + value, null));
        assertEquals(other.manifestId(), found.path("matches").path(0).path("manifestId").asText(), found.toString());
        assertEquals(200, get(central, "/manifests/" + URLEncoder.encode(other.manifestId(), StandardCharsets.UTF_8),
                null).statusCode());

        problem(send(HttpRequest.newBuilder(URI.create(central.url() + "/v1/manifests"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"manifestId\":\"../../etc\",\"manifestStore\":\"AA==\"}"))), 400);
        problem(send(HttpRequest.newBuilder(URI.create(central.url() + "/v1/manifests"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"manifestId\":\"urn:c2pa:x\",\"manifestStore\":\"AA==\","
                        + "\"payloadHex\":\"not hex\"}"))), 400);
    }

    @Test
    void malformedQueriesAndIdsAreProblemsNeverServerErrors() throws Exception {
        problem(get(open, "/matches/byBinding?value=x", null), 400);
        problem(get(open, "/matches/byBinding?alg=" + SoftBindingApi.ALGORITHM + "&value=AAAAAAAAAAA%3D&maxResults=abc", null), 400);
        assertEquals(400, rawStatus(open, "GET /matches/byBinding?alg=%ZZ HTTP/1.1"), "a malformed escape");
        problem(send(HttpRequest.newBuilder(URI.create(open.url() + "/matches/byBinding"))
                .POST(HttpRequest.BodyPublishers.ofString("{not json"))), 400);
        problem(get(open, "/v1/verifications/..%2F..%2Fetc%2Fpasswd", null), 404);
        problem(get(open, "/v1/verifications/00000000-0000-0000-0000-000000000000", null), 404);
        assertEquals(404, get(open, "/manifests/..%2F..%2Fmanifests.db", null).statusCode());
        problem(get(open, "/no/such/endpoint", null), 404);
    }

    @Test
    void aClientThatTricklesItsUploadIsCutOffAtTheTimeLimit() throws Exception {
        HallmarkService s = start(ServiceConfig.DEFAULT.listeningOn("127.0.0.1", 0)
                .withUploadLimits(ServiceConfig.UploadLimits.DEFAULT.withTimeout(Duration.ofSeconds(1)).withMinRate(0)), hallmark);
        URI u = URI.create(s.url());
        try (java.net.Socket socket = new java.net.Socket(u.getHost(), u.getPort())) {
            socket.setSoTimeout(30_000);
            var out = socket.getOutputStream();
            out.write(("POST /v1/verifications HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String status = null;
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            // one byte every 100 ms: 100,000 bytes would take almost three hours
            for (int i = 0; i < 100 && status == null; i++) {
                try {
                    out.write('x');
                    out.flush();
                } catch (java.io.IOException closed) {
                    break;
                }
                Thread.sleep(100);
                if (socket.getInputStream().available() > 0) {
                    status = in.readLine();
                }
            }
            if (status == null) {
                status = in.readLine();
            }
            assertTrue(status != null && status.contains(" 408 "), "the trickling upload is cut off: " + status);
        }
    }

    @Test
    void aFullQueueAnswers503WithRetryAfter() throws Exception {
        HallmarkService s = start(ServiceConfig.DEFAULT.listeningOn("127.0.0.1", 0).withAnalysis(1, 1).withAsyncAbove(1),
                hallmark);
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<byte[]> last = null;
        for (int i = 0; i < 4; i++) {
            last = post(s, "/v1/verifications", video.file(), null);
            statuses.add(last.statusCode());
        }
        assertEquals(List.of(202, 202), statuses.subList(0, 2), "one running, one waiting");
        assertTrue(statuses.contains(503), statuses.toString());
        HttpResponse<byte[]> busy = post(s, "/v1/verifications", video.file(), null);
        if (busy.statusCode() == 503) {
            problem(busy, 503);
            assertEquals("5", busy.headers().firstValue("Retry-After").orElse(""));
        }
    }

    @Test
    void aDecoderThatCrashesCostsOneFilesDetectionNotTheService() throws Exception {
        HallmarkConfig crashing = hallmark.withWorkerLauncher((mainClass, heap) -> List.of("sh", "-c", "exit 134"));
        HallmarkService s = start(ServiceConfig.DEFAULT.listeningOn("127.0.0.1", 0), crashing);
        JsonNode report = json(post(s, "/v1/verifications", video.file(), null));
        assertEquals("SIGNED", report.path("verdict").asText(), "the C2PA part is still checked: " + report);
        assertTrue(report.path("notes").toString().contains("could not be decoded"), report.toString());
        assertEquals(200, get(s, "/health", null).statusCode());
        assertEquals("SIGNED", json(post(s, "/v1/verifications", video.file(), null)).path("verdict").asText());
    }

    @Test
    void metricsCountRequestsAndVerdictsInThePrometheusFormat() throws Exception {
        post(open, "/v1/verifications", video.file(), null);
        get(open, "/health", null);
        String metrics = new String(get(open, "/metrics", null).body(), StandardCharsets.UTF_8);
        assertTrue(metrics.contains("hallmark_http_requests_seconds_count{method=\"POST\",route=\"/v1/verifications\",status=\"200\"}"),
                metrics);
        assertTrue(metrics.contains("hallmark_analysis_seconds_count{verdict=\"SIGNED\"}"), metrics);
        assertTrue(metrics.contains("hallmark_analysis_waiting"), metrics);
    }

    @Test
    void requestsOverTheRateLimitAre429WithRetryAfter() throws Exception {
        HallmarkService s = start(ServiceConfig.DEFAULT.listeningOn("127.0.0.1", 0).withRateLimit(2), hallmark);
        String value = URLEncoder.encode(SoftBindingApi.valueOf(video.payloadHex()), StandardCharsets.UTF_8);
        String query = "/matches/byBinding?alg=" + SoftBindingApi.ALGORITHM + "&value=" + value;
        assertEquals(200, get(s, query, null).statusCode());
        assertEquals(200, get(s, query, null).statusCode());
        HttpResponse<byte[]> third = get(s, query, null);
        problem(third, 429);
        assertTrue(Integer.parseInt(third.headers().firstValue("Retry-After").orElse("0")) >= 1);
        assertEquals(200, get(s, "/health", null).statusCode(), "health is never limited");
    }

    @Test
    void withAKeystoreTheServiceSpeaksHttpsOnly() throws Exception {
        Path keystore = selfSignedKeystore(dir.resolve("tls.p12"));
        System.setProperty("hallmark.tls.password", "test-password");
        HallmarkService s;
        try {
            s = start(ServiceConfig.DEFAULT.listeningOn("127.0.0.1", 0).withTls(keystore), hallmark);
        } finally {
            System.clearProperty("hallmark.tls.password");
        }
        assertTrue(s.url().startsWith("https://127.0.0.1:"), s.url());
        // a client that trusts this server's own certificate
        java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keystore)) {
            ks.load(in, "test-password".toCharArray());
        }
        java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", ks.getCertificate("hallmark"));
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        javax.net.ssl.SSLContext ssl = javax.net.ssl.SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        HttpClient https = HttpClient.newBuilder().sslContext(ssl).build();
        HttpResponse<String> health = https.send(HttpRequest.newBuilder(URI.create(s.url() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode(), health.body());
        String plain = s.url().replace("https://", "http://");
        assertThrows(java.io.IOException.class, () -> HTTP.send(HttpRequest.newBuilder(URI.create(plain + "/health"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()), "no plain HTTP");
    }

    /** A PKCS#12 keystore (password "test-password", alias "hallmark") for 127.0.0.1, made by the JDK's keytool. */
    static Path selfSignedKeystore(Path keystore) throws Exception {
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "hallmark", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "test-password").redirectErrorStream(true).start();
        keytool.getInputStream().readAllBytes();
        assertEquals(0, keytool.waitFor());
        return keystore;
    }

    @Test
    void byReferenceDownloadsOnlyFromAllowedHttpsPrefixesAndFindsTheManifest() throws Exception {
        // a platform's own object store: HTTPS under a certificate of its private CA
        Path keystore = selfSignedKeystore(dir.resolve("objects.p12"));
        java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keystore)) {
            ks.load(in, "test-password".toCharArray());
        }
        Path ca = Files.writeString(dir.resolve("objects-ca.pem"), "-----BEGIN CERTIFICATE-----\n"
                + java.util.Base64.getMimeEncoder().encodeToString(ks.getCertificate("hallmark").getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        javax.net.ssl.KeyManagerFactory kmf = javax.net.ssl.KeyManagerFactory.getInstance(
                javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "test-password".toCharArray());
        javax.net.ssl.SSLContext serverTls = javax.net.ssl.SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), null, null);
        com.sun.net.httpserver.HttpsServer objects = com.sun.net.httpserver.HttpsServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        objects.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(serverTls));
        List<String> fetched = java.util.Collections.synchronizedList(new ArrayList<>());
        objects.createContext("/", ex -> {
            fetched.add(ex.getRequestURI().getRawPath());
            if (ex.getRequestURI().getPath().equals("/incoming/moved.mp4")) {
                ex.getResponseHeaders().add("Location", "/private/clip.mp4");
                ex.sendResponseHeaders(302, -1);
            } else {
                byte[] clip = Files.readAllBytes(video.file());
                ex.sendResponseHeaders(200, clip.length);
                ex.getResponseBody().write(clip);
            }
            ex.close();
        });
        objects.start();
        try {
            String base = "https://127.0.0.1:" + objects.getAddress().getPort();
            HallmarkService s = start(ServiceConfig.DEFAULT.listeningOn("127.0.0.1", 0).withByReference(
                    new ServiceConfig.ByReference(List.of(URI.create(base + "/incoming/")), java.util.Optional.of(ca))), hallmark);
            long length = Files.size(video.file());
            JsonNode found = json(byReference(s, base + "/incoming/clip.mp4", length, "video/mp4"));
            assertEquals(video.manifestId(), found.path("matches").path(0).path("manifestId").asText(), found.toString());

            problem(byReference(s, base + "/private/clip.mp4", length, null), 403);
            problem(byReference(s, base + "/incoming/../private/clip.mp4", length, null), 403);
            problem(byReference(s, base + "/incoming/%2e%2e/private/clip.mp4", length, null), 403);
            problem(byReference(s, "https://user@127.0.0.1:" + objects.getAddress().getPort() + "/incoming/clip.mp4", length, null), 403);
            problem(byReference(s, base.replace("https:", "http:") + "/incoming/clip.mp4", length, null), 400);
            problem(byReference(s, base + "/incoming/clip.mp4", 1000, null), 413);
            problem(byReference(s, base + "/incoming/clip.mp4", length, "image/jpeg"), 415);
            problem(byReference(s, base + "/incoming/moved.mp4", length, null), 502);
            assertFalse(fetched.stream().anyMatch(p -> p.startsWith("/private") || p.contains("..") || p.contains("%2e")),
                    "nothing outside the prefix was asked for, redirects not followed: " + fetched);
            assertEquals(501, problem(byReference(open, base + "/incoming/clip.mp4", length, null), 501).path("status").asInt(),
                    "off unless prefixes are allowed");
        } finally {
            objects.stop(0);
        }
    }

    static HttpResponse<byte[]> byReference(HallmarkService s, String url, long length, String type) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("referenceUrl", url).put("assetLength", length);
        if (type != null) {
            body.put("assetType", type);
        }
        return send(HttpRequest.newBuilder(URI.create(s.url() + "/matches/byReference"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    @Test
    void theOpenApiDocumentListsExactlyTheEndpoints() throws Exception {
        JsonNode doc = json(get(open, "/openapi.json", null));
        assertEquals("3.1.0", doc.path("openapi").asText());
        Set<String> documented = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> p = paths.next();
            p.getValue().fieldNames().forEachRemaining(m -> documented.add(m.toUpperCase() + " " + p.getKey()));
        }
        Set<String> served = new HashSet<>();
        for (HallmarkService.Route r : HallmarkService.ROUTES) {
            served.add(r.method() + " " + r.path());
            if (r.scope() != null) {
                String scope = doc.path("paths").path(r.path()).path(r.method().toLowerCase()).path("x-hallmark-scope").asText();
                assertTrue(scope.equals(r.scope()) || r.scope().equals("sbr-read") && scope.equals(ApiKeys.FETCH_MANIFESTS),
                        r + " documents scope " + scope);
            }
        }
        assertEquals(served, documented);
    }
}
