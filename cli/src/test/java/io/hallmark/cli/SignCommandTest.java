package io.hallmark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallmark.media.Ffmpeg;
import io.hallmark.testdata.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hallmark sign} decides the format from the content, and names the output after it (issue 13, item 5). */
class SignCommandTest {
    @TempDir
    static Path dir;

    private static JsonNode verify(Path home, Path file) throws Exception {
        Cli v = Cli.run(home, "verify", "--json", file.toString());
        return new ObjectMapper().readTree(v.out());
    }

    @Test
    void anAacOnlyM4aIsSignedAndReadsSigned() throws Exception {
        Path home = dir.resolve("home-a");
        Path m4a = dir.resolve("voice.m4a");
        Ffmpeg.run(60, "-f", "lavfi", "-i", "sine=frequency=440:duration=1", "-c:a", "aac", m4a.toString());
        Path signed = dir.resolve("voice-signed.m4a");
        Cli r = Cli.run(home, "sign", m4a.toString(), "-o", signed.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        assertEquals("SIGNED", verify(home, signed).path("verdict").asText());
    }

    @Test
    void aFileWithoutAnExtensionIsSignedByItsContent() throws Exception {
        Path home = dir.resolve("home-b");
        Path upload = dir.resolve("upload");
        Files.copy(SharedData.c2paFixture("c2pa-rs/image/libpng-test.png"), upload);
        Path signed = dir.resolve("upload-signed.png");
        Cli r = Cli.run(home, "sign", upload.toString(), "-o", signed.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        assertEquals("SIGNED", verify(home, signed).path("verdict").asText());
    }

    @Test
    void theSignedCopysNameMustSayItsFormat() throws Exception {
        Path out = dir.resolve("signed.png");
        Cli r = Cli.run(dir.resolve("home-c"), "sign", SharedData.c2paFixture("c2pa-rs/image/C.jpg").toString(), "-o", out.toString());
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.toString());
        assertTrue(r.err().contains(".jpg"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aTimeStampAuthorityThatIsDownIsNamedBeforeAnyWork() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/";
        Path out = dir.resolve("with-tsa.jpg");
        Cli r = Cli.run(dir.resolve("home-d"), "sign", "--tsa", url, SharedData.c2paFixture("c2pa-rs/image/C.jpg").toString(),
                "-o", out.toString());
        assertEquals(ExitCodes.ERROR, r.exitCode(), r.toString());
        assertTrue(r.err().contains("time-stamp authority " + url) && r.err().contains("refused the connection"), r.err());
        assertFalse(r.err().contains("certificate was rejected"), r.err());
        assertFalse(Files.exists(out));
    }
}
