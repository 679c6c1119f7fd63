package io.hallmark.provenance.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SBR server answers every client, and bad input with 400 (issue 13, item 11). */
class SoftBindingServerTest {
    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                .send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aClientThatSendsHalfARequestBlocksNobodyElse(@TempDir Path dir) throws Exception {
        try (ManifestStore store = ManifestStore.open(dir.resolve("m.db"));
             SoftBindingServer server = SoftBindingServer.start(store, 0)) {
            store.put(ManifestStoreTest.manifest("urn:a", "00000000000000aa", Instant.parse("2026-01-01T00:00:00Z")));
            URI base = URI.create(server.url());
            try (Socket slow = new Socket(base.getHost(), base.getPort())) {
                OutputStream out = slow.getOutputStream();
                out.write("GET /matches/byBinding?alg=io.hallmark.watermark.1&va".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                // the half request stays open while others are served
                HttpResponse<String> r = get(server.url() + "/services/supportedAlgorithms");
                assertEquals(200, r.statusCode(), r.body());
                HttpResponse<String> m = get(server.url() + "/matches/byBinding?alg=io.hallmark.watermark.1&value="
                        + SoftBindingApi.valueOf("00000000000000aa"));
                assertTrue(m.body().contains("urn:a"), m.body());
            }
        }
    }

    @Test
    void badQueriesAreAnswered400NotDropped(@TempDir Path dir) throws Exception {
        try (ManifestStore store = ManifestStore.open(dir.resolve("m.db"));
             SoftBindingServer server = SoftBindingServer.start(store, 0)) {
            String binding = server.url() + "/matches/byBinding?alg=";
            for (String bad : new String[] {
                binding + "io.hallmark.watermark.1&value=AAAAAAAAAAA%3D&maxResults=abc",
                binding + "io.hallmark.watermark.1&value=AAAAAAAAAAA%3D&maxResults=0",
                binding + "io.hallmark.watermark.1&value=%25%25not-base64",
                binding + "io.hallmark.fingerprint.pdq-video.1&value=bm90IGEgZmluZ2VycHJpbnQ%3D",
            }) {
                HttpResponse<String> r = get(bad);
                assertEquals(400, r.statusCode(), bad + " -> " + r.body());
                assertTrue(r.body().contains("error"), r.body());
            }
            HttpResponse<String> post = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(server.url() + "/matches/byBinding")).POST(HttpRequest.BodyPublishers.ofString("{not json"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, post.statusCode(), post.body());
        }
    }
}
