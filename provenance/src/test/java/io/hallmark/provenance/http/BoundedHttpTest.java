package io.hallmark.provenance.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Answers from services that are not ours end at the byte limit and at the deadline, bodies included (issue 13, item 11). */
class BoundedHttpTest {
    private HttpServer server;

    private String serve(com.sun.net.httpserver.HttpHandler handler) throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", handler);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).GET().build();
    }

    @Test
    void anAnswerWithinTheLimitsIsReadWhole() throws Exception {
        String url = serve(x -> {
            x.sendResponseHeaders(200, 5);
            x.getResponseBody().write("hello".getBytes());
            x.close();
        });
        BoundedHttp.Answer a = new BoundedHttp(Duration.ofSeconds(2)).exchange(get(url), 1024, Instant.now().plusSeconds(5));
        assertEquals(200, a.status());
        assertArrayEquals("hello".getBytes(), a.body());
    }

    @Test
    void anEndlessBodyStopsAtTheByteLimit() throws Exception {
        String url = serve(x -> {
            x.sendResponseHeaders(200, 0); // chunked, no end announced
            byte[] chunk = new byte[64 * 1024];
            try (OutputStream out = x.getResponseBody()) {
                for (int i = 0; i < 32 * 1024; i++) { // 2 GiB if nobody stops reading
                    out.write(chunk);
                }
            } catch (java.io.IOException reset) {
                // the client stopped reading: expected
            }
        });
        long before = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        assertThrows(BoundedHttp.TooLarge.class,
                () -> new BoundedHttp(Duration.ofSeconds(2)).exchange(get(url), 1 << 20, Instant.now().plusSeconds(20)));
        long after = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        assertTrue(after - before < 256L << 20, "memory stayed bounded: " + (after - before) / (1 << 20) + " MiB");
    }

    @Test
    void aBodyTricklingOneByteASecondEndsAtTheDeadline() throws Exception {
        String url = serve(x -> {
            x.sendResponseHeaders(200, 614);
            try (OutputStream out = x.getResponseBody()) {
                for (int i = 0; i < 614; i++) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(1000);
                }
            } catch (Exception stopped) {
                // the client gave up: expected
            }
        });
        long start = System.nanoTime();
        assertThrows(java.net.http.HttpTimeoutException.class,
                () -> new BoundedHttp(Duration.ofSeconds(2)).exchange(get(url), 1 << 20, Instant.now().plusSeconds(2)));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 10, "ended at the deadline, not after 614 s: " + seconds + " s");
    }
}
