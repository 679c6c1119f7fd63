package io.hallmark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.hallmark.HallmarkConfig;
import io.hallmark.HallmarkHome;
import io.hallmark.c2pa.Builder;
import io.hallmark.c2pa.C2paStream;
import io.hallmark.c2pa.Context;
import io.hallmark.c2pa.Reader;
import io.hallmark.c2pa.Settings;
import io.hallmark.c2pa.Signer;
import io.hallmark.keys.DevPki;
import io.hallmark.keys.PasswordSource;
import io.hallmark.keys.SigningAlgorithm;
import io.hallmark.provenance.ClaimSigner;
import io.hallmark.provenance.ClaimSigners;
import io.hallmark.provenance.TrustSettings;
import io.hallmark.service.HallmarkService;
import io.hallmark.service.ServiceConfig;
import io.hallmark.testdata.SharedData;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verification is offline on every surface: a picture whose manifest store is served by a loopback stub (its URL
 * in the file, nothing embedded) reads "cannot be verified" through {@code verify}, {@code scan} and the service,
 * and the stub is never asked; with c2pa-rs's fetching on, the same file does ask it, so the check can fail. Every
 * surface reads through {@code ProvenanceReader} with {@link TrustSettings#toNative()}, the one place that turns
 * fetching off.
 */
class RemoteManifestSurfacesTest {
    private static final String MANIFEST = """
            {"claim_generator_info":[{"name":"hallmark-test","version":"0"}],"title":"remote.jpg","format":"image/jpeg",
             "assertions":[{"label":"c2pa.actions.v2","data":{"actions":[{"action":"c2pa.created",
               "digitalSourceType":"http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture"}]}}]}
            """;

    @TempDir
    Path dir;
    private HttpServer stub;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile byte[] served = new byte[0];

    @BeforeEach
    void start() throws Exception {
        stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        stub.createContext("/", x -> {
            requests.incrementAndGet();
            x.sendResponseHeaders(200, served.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(served);
            }
        });
        stub.start();
    }

    @AfterEach
    void stop() {
        stub.stop(0);
    }

    private Path remotelySigned(Path folder) throws Exception {
        DevPki pki = DevPki.loadOrCreate(dir.resolve("pki"), SigningAlgorithm.ES256, PasswordSource.of("pw".toCharArray()));
        ClaimSigner key = ClaimSigners.of(pki.signer());
        Path out = Files.createDirectories(folder).resolve("remote.jpg");
        String url = "http://127.0.0.1:" + stub.getAddress().getPort() + "/manifest.c2pa";
        try (Settings settings = TrustSettings.NONE.toNative(); Context context = Context.of(settings);
             Signer signer = Signer.create(key::sign, key.algorithm(), key.certificateChainPem(), null);
             Builder builder = Builder.create(context, MANIFEST).remoteUrl(url).noEmbed();
             C2paStream in = C2paStream.openRead(SharedData.c2paFixture("c2pa-rs/image/no_manifest.jpg"));
             C2paStream dest = C2paStream.openReadWrite(out)) {
            served = builder.sign("image/jpeg", in, dest, signer);
        }
        return out;
    }

    @Test
    void verifyScanAndTheServiceNeverFetchARemoteManifest() throws Exception {
        Path file = remotelySigned(dir.resolve("inbox"));
        Path home = dir.resolve("home");
        ObjectMapper json = new ObjectMapper();

        Cli verify = Cli.run(home, "verify", "--json", file.toString());
        assertEquals(ExitCodes.UNVERIFIABLE, verify.exitCode(), verify.toString());
        assertTrue(json.readTree(verify.out()).path("sentence").asText().contains("stored remotely"), verify.out());

        Path jsonl = dir.resolve("scan.jsonl");
        Cli scan = Cli.run(home, "scan", dir.resolve("inbox").toString(), "--jsonl", jsonl.toString());
        assertEquals(ExitCodes.UNVERIFIABLE, scan.exitCode(), scan.toString());
        assertTrue(Files.readString(jsonl).contains("\"UNVERIFIABLE\""), Files.readString(jsonl));

        try (HallmarkService service = HallmarkService.start(ServiceConfig.DEFAULT.listeningOn("127.0.0.1", 0),
                HallmarkConfig.of(HallmarkHome.resolve(home)))) {
            HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(service.url() + "/v1/verifications?filename=remote.jpg"))
                    .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, r.statusCode(), new String(r.body()));
            JsonNode report = json.readTree(r.body());
            assertEquals("UNVERIFIABLE", report.path("verdict").asText(), report.toString());
        }
        assertEquals(0, requests.get(), "no surface asked the stub for the remote manifest");
    }

    @Test
    void theStubWouldHaveBeenAskedHadFetchingBeenOn() throws Exception {
        Path file = remotelySigned(dir.resolve("inbox"));
        try (Settings settings = TrustSettings.NONE.toNative().set("verify.remote_manifest_fetch", "true");
             Context context = Context.of(settings)) {
            String json = Reader.readJson(context, file);
            assertTrue(json.contains("remote.jpg"), json);
        }
        assertTrue(requests.get() > 0, "c2pa-rs fetched the remote manifest");
    }
}
