package io.hallmark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallmark.media.Ffmpeg;
import io.hallmark.testdata.SharedData;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What other C2PA implementations make of the files we sign, both installed by .ci/run: the official Python
 * binding (c2pa-python, current c2pa-rs) on its default settings: a dev-PKI signer is not on its trust list,
 * so the best it can say is Valid with signingCredential.untrusted, never Invalid; and the independent
 * TypeScript implementation @trustnxt/c2pa-ts 0.9.4, which must find no failure. Known limits of c2pa-ts
 * 0.9.4: its ISO BMFF reader accepts only HEIC brands, so it cannot read MP4, MOV or M4A at all (it says
 * "not a readable BMFF file"), and it does not validate the chain of trust (it reports any signer trusted).
 */
class InteropTest {
    @Test
    void c2paPythonReadsOurSignedJpegAndVideoAsValid(@TempDir Path dir) throws Exception {
        Path home = dir.resolve("home");
        Path photo = dir.resolve("photo.jpg");
        Ffmpeg.run(60, "-i", SharedData.clip("mdn_flower.mp4").toString(), "-frames:v", "1", photo.toString());
        Path jpeg = dir.resolve("signed.jpg");
        Cli s = Cli.run(home, "sign", photo.toString(), "-o", jpeg.toString());
        assertEquals(0, s.exitCode(), s.toString());
        Path video = dir.resolve("generated.mp4");
        Cli g = Cli.run(home, "generate", "--prompt", "waves", "--seed", "2", "--duration", "1", "--size", "320x240",
                "--quiet", "-o", video.toString());
        assertEquals(0, g.exitCode(), g.toString());
        for (Path f : new Path[] {jpeg, video}) {
            JsonNode r = read(dir, f);
            assertEquals("Valid", r.path("state").asText(), f + ": " + r);
            assertTrue(r.path("failures").toString().equals("[\"signingCredential.untrusted\"]"), f + ": " + r);
        }
    }

    @Test
    void c2paTsFindsNoFailureInOurSignedJpegAndPng(@TempDir Path dir) throws Exception {
        Path modules = Path.of(System.getProperty("hallmark.repo", ".."), ".interop", "node_modules", "@trustnxt", "c2pa-ts");
        assumeTrue(Files.isDirectory(modules), "@trustnxt/c2pa-ts is not installed (.ci/run installs it into .interop/)");
        Path home = dir.resolve("home");
        Path photo = dir.resolve("photo.jpg");
        Ffmpeg.run(60, "-i", SharedData.clip("mdn_flower.mp4").toString(), "-frames:v", "1", photo.toString());
        Path png = dir.resolve("photo.png");
        Ffmpeg.run(60, "-i", SharedData.clip("mdn_flower.mp4").toString(), "-frames:v", "1", png.toString());
        for (Path in : new Path[] {photo, png}) {
            Path signed = dir.resolve("signed-" + in.getFileName());
            Cli s = Cli.run(home, "sign", in.toString(), "-o", signed.toString());
            assertEquals(0, s.exitCode(), s.toString());
            JsonNode r = readWithC2paTs(modules.getParent().getParent().getParent(), signed);
            assertTrue(r.path("valid").asBoolean(), signed + ": " + r);
            assertEquals("[]", r.path("failures").toString(), signed + ": " + r);
        }
    }

    static JsonNode readWithC2paTs(Path interop, Path file) throws Exception {
        Path script = interop.resolve("c2pa_ts_read.mjs");
        try (InputStream in = InteropTest.class.getResourceAsStream("/interop/c2pa_ts_read.mjs")) {
            Files.write(script, in.readAllBytes());
        }
        return runJson("c2pa-ts", "node", script.toString(), file.toString());
    }

    /** Runs a validator that prints one JSON object; exit 3 means it is not installed (the test is skipped). */
    static JsonNode runJson(String what, String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), what + " did not finish");
        assumeTrue(p.exitValue() != 3, what + " is not installed (.ci/run installs it)");
        assertEquals(0, p.exitValue(), new String(out, StandardCharsets.UTF_8));
        return new ObjectMapper().readTree(out);
    }

    static JsonNode read(Path dir, Path file) throws Exception {
        Path script = dir.resolve("c2pa_python_read.py");
        try (InputStream in = InteropTest.class.getResourceAsStream("/interop/c2pa_python_read.py")) {
            Files.write(script, in.readAllBytes());
        }
        return runJson("c2pa-python", "python3", script.toString(), file.toString());
    }
}
