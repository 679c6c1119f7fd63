package io.hallmark.service;

import static io.hallmark.service.HallmarkServiceTest.get;
import static io.hallmark.service.HallmarkServiceTest.json;
import static io.hallmark.service.HallmarkServiceTest.post;
import static io.hallmark.service.HallmarkServiceTest.problem;
import static io.hallmark.service.HallmarkServiceTest.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hallmark.Hallmark;
import io.hallmark.HallmarkConfig;
import io.hallmark.HallmarkHome;
import io.hallmark.generator.GenerationRequest;
import io.hallmark.generator.pipeline.CertifiedVideo;
import io.hallmark.provenance.store.ManifestStore;
import io.hallmark.provenance.store.StoredManifest;
import io.hallmark.testdata.TcpRelay;
import io.hallmark.testdata.TestDatabases;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service as an attacker and an SRE try it: callers without a key, callers that trickle, a write key used to
 * overwrite, a database that goes away, malformed requests Jetty answers itself. Every answer is a problem the caller
 * can act on, never a stall, a server error or the service's internals.
 */
class ServiceUnderAttackTest {
    @TempDir
    static Path dir;
    static HallmarkConfig hallmark;
    static CertifiedVideo video;
    static final List<HallmarkService> started = new ArrayList<>();

    @BeforeAll
    static void publisherCertifiesAVideo() throws Exception {
        hallmark = HallmarkConfig.of(HallmarkHome.resolve(dir.resolve("home")));
        try (Hallmark h = Hallmark.open(hallmark)) {
            video = h.generate(new GenerationRequest("a quay at noon", 5, 1.0, 320, 240, 25), dir.resolve("certified.mp4"));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (HallmarkService s : started) {
            s.close();
        }
    }

    static HallmarkService start(ServiceConfig config, HallmarkConfig h) throws Exception {
        HallmarkService s = HallmarkService.start(config, h);
        started.add(s);
        return s;
    }

    static ServiceConfig loopback() {
        return ServiceConfig.DEFAULT.listeningOn("127.0.0.1", 0);
    }

    /** Writes {@code head} on a raw connection and reads the answer's status line and headers (30 s at most). */
    static List<String> rawAnswer(Socket socket, String head) throws Exception {
        socket.setSoTimeout(30_000);
        if (!head.isEmpty()) {
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        List<String> lines = new ArrayList<>();
        for (String line; (line = in.readLine()) != null && !line.isEmpty(); ) {
            lines.add(line);
        }
        StringBuilder body = new StringBuilder();
        for (int c; in.ready() && (c = in.read()) >= 0; ) {
            body.append((char) c);
        }
        lines.add(body.toString());
        return lines;
    }

    static Socket connect(HallmarkService s) throws Exception {
        URI u = URI.create(s.url());
        return new Socket(u.getHost(), u.getPort());
    }

    static String keys(String... lines) throws Exception {
        return String.join("\n", lines) + "\n";
    }

    @Test
    void aCallerWithoutAKeyIsRefusedBeforeItsBodyIsRead() throws Exception {
        String[] verifier = ApiKeys.create("newsroom", Set.of(ApiKeys.VERIFY));
        Path file = Files.writeString(dir.resolve("keys-refused.txt"), keys(verifier[1]));
        HallmarkService s = start(loopback().withApiKeys(file, false), hallmark);
        try (Socket socket = connect(s)) {
            // a body of 100,000 bytes declared and never sent: the answer must not wait for it
            List<String> answer = rawAnswer(socket, "POST /v1/verifications HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Length: 100000\r\n\r\nxyz");
            assertTrue(answer.get(0).contains(" 401 "), answer.toString());
            assertTrue(answer.stream().anyMatch(h -> h.equalsIgnoreCase("Connection: close")), answer.toString());
        }
    }

    @Test
    void aCallerMayHaveOnlySoManyUploadsArrivingAtOnce() throws Exception {
        HallmarkService s = start(loopback().withUploadLimits(ServiceConfig.UploadLimits.DEFAULT.withConcurrency(8, 1)),
                hallmark);
        try (Socket first = connect(s)) {
            OutputStream out = first.getOutputStream();
            out.write("POST /v1/verifications HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100000\r\n\r\nabc"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // the first upload is arriving (slowly); a second one from the same address is refused at once
            JsonNode tooMany = null;
            for (int i = 0; i < 100 && tooMany == null; i++) {
                HttpResponse<byte[]> r = post(s, "/v1/verifications", video.file(), null);
                if (r.statusCode() == 429) {
                    tooMany = problem(r, 429);
                    assertTrue(r.headers().firstValue("Retry-After").isPresent());
                } else {
                    Thread.sleep(50); // the first request's handler had not started yet
                }
            }
            assertTrue(tooMany != null && tooMany.path("detail").asText().contains("at once"), String.valueOf(tooMany));
        }
        // once it is gone, the address may upload again
        HttpResponse<byte[]> after = null;
        for (int i = 0; i < 100 && (after == null || after.statusCode() == 429); i++) {
            Thread.sleep(50);
            after = post(s, "/v1/verifications", video.file(), null);
        }
        assertEquals(200, after.statusCode(), new String(after.body(), StandardCharsets.UTF_8));
    }

    @Test
    void anUploadCutShortIsTheClientsError() throws Exception {
        HallmarkService s = start(loopback(), hallmark);
        try (Socket socket = connect(s)) {
            socket.getOutputStream().write("POST /matches/byContent HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1000\r\n\r\n0123456789"
                    .getBytes(StandardCharsets.US_ASCII));
            socket.shutdownOutput();
            List<String> answer = rawAnswer(socket, "");
            assertTrue(answer.get(0).contains(" 400 "), answer.toString());
            assertFalse(answer.get(answer.size() - 1).contains("Exception"), answer.toString());
        }
    }

    @Test
    void whatJettyAnswersItselfIsAProblemWithoutItsInternals() throws Exception {
        HallmarkService s = start(loopback(), hallmark);
        try (Socket socket = connect(s)) {
            List<String> answer = rawAnswer(socket, "GET /health?" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertTrue(answer.get(0).contains(" 414 ") || answer.get(0).contains(" 431 "), answer.toString());
            assertTrue(answer.stream().anyMatch(h -> h.equalsIgnoreCase("Content-Type: application/problem+json")), answer.toString());
            assertFalse(String.join("\n", answer).toLowerCase(java.util.Locale.ROOT).contains("jetty"), answer.toString());
        }
        try (Socket socket = connect(s)) {
            List<String> answer = rawAnswer(socket, "GET /health HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                    + "b".repeat(20_000) + "\r\n\r\n");
            assertTrue(answer.get(0).contains(" 431 "), answer.toString());
            assertTrue(answer.stream().anyMatch(h -> h.equalsIgnoreCase("Content-Type: application/problem+json")), answer.toString());
        }
    }

    /** A registration body for {@code m}. */
    static HttpRequest.Builder registration(HallmarkService s, String key, String manifestId, byte[] manifestStore,
                                           String payloadHex) {
        ObjectNode body = HallmarkServiceTest.JSON.createObjectNode().put("manifestId", manifestId)
                .put("manifestStore", Base64.getEncoder().encodeToString(manifestStore));
        if (payloadHex != null) {
            body.put("payloadHex", payloadHex);
        }
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(s.url() + "/v1/manifests"))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        return key == null ? r : r.header("Authorization", "Bearer " + key);
    }

    @Test
    void aWriteKeyCanNeitherRegisterGarbageNorReplaceAGenuineManifest() throws Exception {
        StoredManifest genuine;
        try (ManifestStore home = ManifestStore.open(hallmark.home().manifestStore())) {
            genuine = home.findById(video.manifestId()).orElseThrow();
        }
        String[] writer = ApiKeys.create("publisher", Set.of(ApiKeys.WRITE_MANIFESTS));
        Path file = Files.writeString(dir.resolve("keys-writer.txt"), keys(writer[1]));
        HallmarkService central = start(loopback().withApiKeys(file, true),
                hallmark.withStore(dir.resolve("central.db").toString()));

        // random bytes are no manifest store
        byte[] random = new byte[4096];
        new java.util.Random(1).nextBytes(random);
        problem(send(registration(central, writer[0], "urn:uuid:0f0e0d0c-0b0a-4908-8706-050403020100", random, null)), 422);
        // a genuine manifest store under another id, or with another payload, is refused too
        problem(send(registration(central, writer[0], "urn:uuid:0f0e0d0c-0b0a-4908-8706-050403020100",
                genuine.manifestStore(), genuine.payloadHex())), 422);
        problem(send(registration(central, writer[0], genuine.manifestId(), genuine.manifestStore(), "0123456789abcdef")), 422);

        assertEquals(201, send(registration(central, writer[0], genuine.manifestId(), genuine.manifestStore(),
                genuine.payloadHex())).statusCode());
        assertEquals(200, send(registration(central, writer[0], genuine.manifestId(), genuine.manifestStore(),
                genuine.payloadHex())).statusCode(), "the same registration again changes nothing");
        byte[] other = genuine.manifestStore().clone();
        other[other.length / 2] ^= 1;
        HttpResponse<byte[]> overwrite = send(registration(central, writer[0], genuine.manifestId(), other, genuine.payloadHex()));
        assertTrue(overwrite.statusCode() == 409 || overwrite.statusCode() == 422, overwrite.statusCode() + "");

        HttpResponse<byte[]> kept = get(central, "/manifests/" + URLEncoder.encode(genuine.manifestId(), StandardCharsets.UTF_8), null);
        assertTrue(java.util.Arrays.equals(genuine.manifestStore(), kept.body()), "the genuine manifest is still served");

        try (ManifestStore centralStore = ManifestStore.open(dir.resolve("central.db"))) {
            long apart = Math.abs(genuine.signedAt().getEpochSecond()
                    - centralStore.findById(genuine.manifestId()).orElseThrow().signedAt().getEpochSecond());
            assertTrue(apart < 120, "the manifest's own time is kept, " + apart + " s from the signer's record");
        }

        // another signer's valid manifest that claims the genuine watermark payload (a registrar diverting the
        // recovery of someone else's copies, with a date in the future to be listed first) is refused
        HallmarkConfig otherPublisher = HallmarkConfig.of(HallmarkHome.resolve(dir.resolve("other-home")));
        ObjectNode extra = HallmarkServiceTest.JSON.createObjectNode();
        // well formed (C2PA 8.2: each block has a scope and a value; c2pa-rs 0.91 refuses one without a scope)
        ObjectNode block = extra.putArray("assertions").addObject().put("label", "c2pa.soft-binding").putObject("data")
                .put("alg", "io.hallmark.watermark.1").putArray("blocks").addObject();
        block.putObject("scope").putObject("timespan").put("start", 0).put("end", 1000);
        block.put("value", genuine.payloadHex());
        io.hallmark.SignedAsset forged;
        try (Hallmark h = Hallmark.open(otherPublisher)) {
            forged = h.sign(video.file(), dir.resolve("forged.mp4"), java.util.Optional.of(extra));
        }
        byte[] forgedStore;
        try (ManifestStore otherStore = ManifestStore.open(otherPublisher.home().manifestStore())) {
            forgedStore = otherStore.findById(forged.manifestId()).orElseThrow().manifestStore();
        }
        ObjectNode divert = HallmarkServiceTest.JSON.createObjectNode().put("manifestId", forged.manifestId())
                .put("manifestStore", Base64.getEncoder().encodeToString(forgedStore))
                .put("payloadHex", genuine.payloadHex()).put("signedAt", "2099-01-01T00:00:00Z");
        JsonNode refused = problem(send(HttpRequest.newBuilder(URI.create(central.url() + "/v1/manifests"))
                .header("Authorization", "Bearer " + writer[0]).POST(HttpRequest.BodyPublishers.ofString(divert.toString()))), 409);
        assertTrue(refused.path("detail").asText().contains(genuine.manifestId()), refused.toString());
    }

    @Test
    void theStoreRefusesToReplaceAManifestEvenWhenAskedDirectly() throws Exception {
        try (ManifestStore store = ManifestStore.open(dir.resolve("append-only.db"))) {
            StoredManifest m = new StoredManifest("urn:uuid:1", "0123456789abcdef", "io.hallmark.watermark.1", "a",
                    java.time.Instant.EPOCH, new byte[] {1, 2, 3}, "{}", null);
            store.put(m);
            store.put(m);
            ManifestStore.ManifestExists e = org.junit.jupiter.api.Assertions.assertThrows(ManifestStore.ManifestExists.class,
                    () -> store.put(new StoredManifest("urn:uuid:1", "fedcba9876543210", "io.hallmark.watermark.1", "b",
                            java.time.Instant.EPOCH, new byte[] {9}, "{}", null)));
            assertEquals("urn:uuid:1", e.manifestId());
            assertEquals("0123456789abcdef", store.findById("urn:uuid:1").orElseThrow().payloadHex());
        }
    }

    @Test
    void aDatabaseOutageIsA503WithRetryAfterSoonAndNamesNoInternals() throws Exception {
        assumeTrue(TestDatabases.names().contains("postgresql"), "needs " + TestDatabases.POSTGRES);
        String url = TestDatabases.fresh("postgresql", dir);
        URI target = URI.create(url.substring("jdbc:".length()));
        try (TcpRelay relay = new TcpRelay(target.getHost(), target.getPort())) {
            String relayed = url.replace("//" + target.getHost() + ":" + target.getPort() + "/", "//127.0.0.1:" + relay.port() + "/");
            try (ManifestStore home = ManifestStore.open(hallmark.home().manifestStore());
                 ManifestStore shared = ManifestStore.open(relayed)) {
                shared.put(home.findById(video.manifestId()).orElseThrow());
            }
            HallmarkService s = start(loopback(), hallmark.withStore(relayed));
            String manifest = "/manifests/" + URLEncoder.encode("urn:uuid:2", StandardCharsets.UTF_8);
            assertEquals(404, get(s, manifest, null).statusCode());
            Path stripped = dir.resolve("outage-stripped.mp4");
            io.hallmark.media.Ffmpeg.run(120, "-i", video.file().toString(), "-c:v", "libx264", "-crf", "23",
                    "-map_metadata", "-1", "-an", stripped.toString());
            assertEquals("RECOVERED", json(post(s, "/v1/verifications", stripped, null)).path("verdict").asText());

            relay.cut();
            for (String path : List.of("/health", manifest)) {
                long t0 = System.nanoTime();
                HttpResponse<byte[]> r = get(s, path, null);
                double seconds = (System.nanoTime() - t0) / 1e9;
                assertEquals(503, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
                assertTrue(r.headers().firstValue("Retry-After").isPresent(), path);
                String body = new String(r.body(), StandardCharsets.UTF_8).toLowerCase(java.util.Locale.ROOT);
                for (String internal : List.of("hikari", "null", "exception", "postgres", "jdbc", "connection is not")) {
                    assertFalse(body.contains(internal), path + " names '" + internal + "': " + body);
                }
                // bounded by the store's connection time-out (2 s), with room for a loaded machine
                assertTrue(seconds < ManifestStore.CONNECTION_TIMEOUT.toSeconds() * 10, path + " took " + seconds + " s");
            }
            // a stripped copy whose manifest cannot be looked up now gets no verdict, never "no provenance"
            HttpResponse<byte[]> during = post(s, "/v1/verifications", stripped, null);
            assertEquals(503, during.statusCode(), new String(during.body(), StandardCharsets.UTF_8));
            assertTrue(json(during).path("retryable").asBoolean(), json(during).toString());
            assertEquals("ERROR", json(during).path("verdict").asText(), json(during).toString());
            problem(post(s, "/matches/byContent", stripped, null), 503); // never an empty list of matches
            relay.restore();
            HttpResponse<byte[]> back = null;
            for (int i = 0; i < 50 && (back == null || back.statusCode() != 404); i++) {
                back = get(s, manifest, null);
                Thread.sleep(200);
            }
            assertEquals(404, back.statusCode(), "the store is used again once the database is back");
        }
    }

    @Test
    void keysAddedOrRevokedInTheKeyFileTakeEffectWithoutARestart() throws Exception {
        String[] first = ApiKeys.create("first", Set.of(ApiKeys.VERIFY));
        String[] second = ApiKeys.create("second", Set.of(ApiKeys.VERIFY));
        Path file = Files.writeString(dir.resolve("keys-live.txt"), keys(first[1]));
        HallmarkService s = start(loopback().withApiKeys(file, false), hallmark);
        assertEquals(200, post(s, "/v1/verifications", video.file(), first[0]).statusCode());
        problem(post(s, "/v1/verifications", video.file(), second[0]), 401);

        Files.writeString(file, keys(second[1])); // the first key revoked, the second added
        HttpResponse<byte[]> revoked = null;
        for (int i = 0; i < 100 && (revoked == null || revoked.statusCode() != 401); i++) {
            Thread.sleep(100);
            revoked = post(s, "/v1/verifications", video.file(), first[0]);
        }
        assertEquals(401, revoked.statusCode(), "a revoked key stops working");
        assertEquals(200, post(s, "/v1/verifications", video.file(), second[0]).statusCode(), "an added key works");

        Files.writeString(file, "not a key file\n");
        Thread.sleep(ApiKeyFile.CHECK_NANOS / 1_000_000 + 200);
        problem(post(s, "/v1/verifications", video.file(), second[0]), 503); // fails closed, never open
        assertEquals("UP", json(get(s, "/health", null)).path("status").asText(), "health still answers load balancers");
    }

    @Test
    void aWatermarkKeyCreatedAfterTheStartTurnsByContentOn() throws Exception {
        HallmarkConfig empty = HallmarkConfig.of(HallmarkHome.resolve(dir.resolve("empty-home")));
        HallmarkService s = start(loopback(), empty);
        assertEquals(501, post(s, "/matches/byContent", video.file(), null).statusCode(), "no key: byContent cannot answer");
        Files.createDirectories(empty.watermarkKeyFile().getParent());
        Files.copy(hallmark.watermarkKeyFile(), empty.watermarkKeyFile());
        HttpResponse<byte[]> r = post(s, "/matches/byContent", video.file(), null);
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertEquals(video.manifestId(), json(r).path("matches").path(0).path("manifestId").asText(), json(r).toString());
    }

    @Test
    void withKeysHealthSaysOnlyUpOrDownToStrangersAndMetricsNeedTheirScope() throws Exception {
        String[] scraper = ApiKeys.create("prometheus", Set.of(ApiKeys.READ_METRICS));
        Path file = Files.writeString(dir.resolve("keys-metrics.txt"), keys(scraper[1]));
        HallmarkService s = start(loopback().withApiKeys(file, false), hallmark);
        JsonNode stranger = json(get(s, "/health", null));
        assertEquals("UP", stranger.path("status").asText());
        assertEquals(1, stranger.size(), stranger.toString());
        assertTrue(json(get(s, "/health", scraper[0])).has("analysis"), "a key holder sees the details");
        problem(get(s, "/metrics", null), 401);
        HttpResponse<byte[]> metrics = get(s, "/metrics", scraper[0]);
        assertEquals(200, metrics.statusCode());
        assertEquals("nosniff", metrics.headers().firstValue("X-Content-Type-Options").orElse(""));
    }

    @Test
    void theReportPageMayLoadNothingFromAnywhere() throws Exception {
        HallmarkService s = start(loopback(), hallmark);
        HttpResponse<byte[]> r = post(s, "/v1/verifications", video.file(), null);
        HttpResponse<byte[]> page = get(s, r.headers().firstValue("Location").orElseThrow() + "/report.html", null);
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").startsWith("default-src 'none'"));
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
    }
}
