package io.hallmark.provenance;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.hallmark.keys.DevPki;
import io.hallmark.keys.LocalTsa;
import io.hallmark.keys.PasswordSource;
import io.hallmark.keys.SigningAlgorithm;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A time-stamp authority that cannot be used is named, with its URL and the cause, before any work starts
 * (issue 13, item 7: every one of these read "the signing key or certificate was rejected").
 */
class TsaProbeTest {
    @TempDir
    static Path dir;

    private static final Duration SHORT = Duration.ofSeconds(2);

    private static String failure(String url) {
        TsaProbe.TsaException e = assertThrows(TsaProbe.TsaException.class, () -> TsaProbe.check(url, SHORT));
        assertTrue(e.getMessage().startsWith("time-stamp authority " + url + " "), e.getMessage());
        assertTrue(!e.getMessage().contains("certificate was rejected"), e.getMessage());
        return e.getMessage();
    }

    /** A local HTTP server answering every request with {@code status} and {@code body}, or never. */
    private static HttpServer server(int status, byte[] body, boolean answer) throws Exception {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s.createContext("/", exchange -> {
            if (!answer) {
                try {
                    Thread.sleep(10_000);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        s.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        s.start();
        return s;
    }

    private static String url(HttpServer s) {
        return "http://127.0.0.1:" + s.getAddress().getPort() + "/";
    }

    @Test
    void aWorkingTsaPasses() throws Exception {
        DevPki pki = DevPki.loadOrCreate(dir.resolve("pki"), SigningAlgorithm.ES256, PasswordSource.of("pw".toCharArray()));
        try (LocalTsa tsa = LocalTsa.start(pki, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            TsaProbe.check(tsa.url(), SHORT);
        }
    }

    @Test
    void aClosedPortIsARefusedConnection() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String m = failure("http://127.0.0.1:" + port + "/");
        assertTrue(m.contains("refused the connection"), m);
    }

    @Test
    void anHttpErrorIsNamedWithItsStatus() throws Exception {
        HttpServer s = server(500, new byte[0], true);
        try {
            assertTrue(failure(url(s)).contains("answered HTTP 500"));
        } finally {
            s.stop(0);
        }
    }

    @Test
    void garbageIsNotAnRfc3161Response() throws Exception {
        HttpServer s = server(200, "<html>hello</html>".getBytes(), true);
        try {
            assertTrue(failure(url(s)).contains("not an RFC 3161"));
        } finally {
            s.stop(0);
        }
    }

    @Test
    void silenceEndsAtTheDeadline() throws Exception {
        HttpServer s = server(200, new byte[0], false);
        try {
            String m = failure(url(s));
            assertTrue(m.contains("did not answer"), m);
        } finally {
            s.stop(0);
        }
    }

    @Test
    void aBadUrlIsSaidToBeOne() {
        assertTrue(failure("ftp://example.org/tsa").contains("not a usable URL"));
    }
}
