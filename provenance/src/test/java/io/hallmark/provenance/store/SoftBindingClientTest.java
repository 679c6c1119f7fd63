package io.hallmark.provenance.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A remote Soft Binding Resolution API is someone else's server: the client takes from it at most the bytes and
 * the time its limits allow, and says which limit a look-up hit.
 */
class SoftBindingClientTest {
    static final String PAYLOAD = "0123456789abcdef";
    private HttpServer server;

    private String serve(String matchesBody, byte[] manifest, boolean trickle, int status) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/matches/byBinding", x -> {
            if (trickle) {
                x.sendResponseHeaders(200, 0);
                try (OutputStream out = x.getResponseBody()) {
                    for (int i = 0; i < 600; i++) { // one byte every 100 ms: a minute for a tiny answer
                        out.write('{');
                        out.flush();
                        Thread.sleep(100);
                    }
                } catch (IOException | InterruptedException gone) {
                    // the client hung up, as it should
                }
                return;
            }
            send(x, status, matchesBody.getBytes(StandardCharsets.UTF_8));
        });
        server.createContext("/manifests/", x -> send(x, 200, manifest));
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void send(HttpExchange x, int status, byte[] body) throws IOException {
        x.sendResponseHeaders(status, body.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(body);
        }
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static String matches(String... ids) {
        StringBuilder b = new StringBuilder("{\"matches\":[");
        for (int i = 0; i < ids.length; i++) {
            b.append(i == 0 ? "" : ",").append("{\"manifestId\":\"").append(ids[i]).append("\"}");
        }
        return b.append("]}").toString();
    }

    @Test
    void aManifestWithinTheLimitsIsFetched() throws Exception {
        byte[] manifest = new byte[5000];
        manifest[0] = 42;
        String url = serve(matches("urn:c2pa:one"), manifest, false, 200);
        List<StoredManifest> found = new SoftBindingClient(url, Duration.ofSeconds(10), 4096, 5000).findByPayload(PAYLOAD);
        assertEquals(1, found.size());
        assertEquals("urn:c2pa:one", found.get(0).manifestId());
        assertArrayEquals(manifest, found.get(0).manifestStore());
    }

    @Test
    void anAnswerLargerThanTheQueryLimitIsRefused() throws Exception {
        String url = serve(matches("urn:c2pa:" + "x".repeat(5000)), new byte[10], false, 200);
        IOException e = assertThrows(IOException.class,
                () -> new SoftBindingClient(url, Duration.ofSeconds(10), 1024, 1000).findByPayload(PAYLOAD));
        assertEquals("soft binding service " + url + " answered with more than 1024 bytes", e.getMessage());
    }

    @Test
    void aManifestLargerThanTheManifestLimitIsRefused() throws Exception {
        String url = serve(matches("urn:c2pa:big"), new byte[5001], false, 200);
        IOException e = assertThrows(IOException.class,
                () -> new SoftBindingClient(url, Duration.ofSeconds(10), 4096, 5000).findByPayload(PAYLOAD));
        assertEquals("soft binding service " + url + " answered with more than 5000 bytes", e.getMessage());
    }

    @Test
    void aServerThatTricklesIsLeftAtTheDeadline() throws Exception {
        String url = serve("", new byte[0], true, 200);
        // the guard only stops a hang from blocking the suite; the deadline under test is 1 s
        IOException e = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(LookupUnavailable.class,
                () -> new SoftBindingClient(url, Duration.ofSeconds(1), 4096, 5000).findByPayload(PAYLOAD)));
        assertEquals("soft binding service " + url + " gave no complete answer within 1 s", e.getMessage());
    }

    @Test
    void aContentMatchCarriesTheResolversContentCheckAndNothingElse(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        // what the resolver's content check said decides a client's verdict (MATCH recovers, MISMATCH accuses,
        // INCONCLUSIVE neither); a value it does not know is no answer
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/matches/byContent", x -> {
            x.getRequestBody().readAllBytes();
            send(x, 200, ("{\"matches\":[{\"manifestId\":\"urn:c2pa:a\",\"similarityScore\":40,\"hallmark.method\":"
                    + "\"store-assisted\",\"hallmark.contentCheck\":\"INCONCLUSIVE\"},{\"manifestId\":\"urn:c2pa:b\","
                    + "\"hallmark.contentCheck\":\"RECOVERED!\"},{\"manifestId\":\"urn:c2pa:c\"}]}").getBytes(StandardCharsets.UTF_8));
        });
        server.start();
        java.nio.file.Path upload = java.nio.file.Files.write(dir.resolve("upload.mp4"), new byte[100]);
        List<SoftBindingClient.ContentMatch> found = new SoftBindingClient("http://127.0.0.1:" + server.getAddress().getPort(),
                Duration.ofSeconds(10), 4096, 5000).findByContent(upload, 3);
        assertEquals(3, found.size());
        assertEquals(java.util.Optional.of(io.hallmark.fingerprint.ContentComparison.Decision.INCONCLUSIVE),
                found.get(0).contentCheck());
        assertEquals("store-assisted", found.get(0).method());
        assertEquals(java.util.Optional.empty(), found.get(1).contentCheck());
        assertEquals(java.util.Optional.empty(), found.get(2).contentCheck());
    }

    @Test
    void anErrorStatusIsAnErrorNotAnEmptyResult() throws Exception {
        String url = serve("{}", new byte[0], false, 400);
        IOException e = assertThrows(IOException.class,
                () -> new SoftBindingClient(url, Duration.ofSeconds(10), 4096, 5000).findByPayload(PAYLOAD));
        assertEquals("soft binding service " + url + " answered 400", e.getMessage());
        assertFalse(e instanceof LookupUnavailable, "a refusal is not a service that could not answer now");
    }

    @Test
    void anOverloadedOrUnreachableServiceIsALookupToTryAgainNotAnAnswer() throws Exception {
        for (int status : new int[] {429, 500, 502, 503, 504}) {
            String url = serve("{}", new byte[0], false, status);
            assertThrows(LookupUnavailable.class,
                    () -> new SoftBindingClient(url, Duration.ofSeconds(10), 4096, 5000).findByPayload(PAYLOAD), "" + status);
            stop();
        }
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        assertThrows(LookupUnavailable.class, () -> new SoftBindingClient("http://127.0.0.1:" + closedPort,
                Duration.ofSeconds(10), 4096, 5000).findByPayload(PAYLOAD));
    }
}
