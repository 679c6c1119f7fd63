package io.hallmark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallmark.media.Ffmpeg;
import io.hallmark.testdata.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The user's journeys through the CLI, on real files: generate, verify, strip, recover, tamper. */
/** Each test reads the generated video made once in {@link #generate}; none depends on another having run. */
class EndToEndTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path home;
    static Path generated;
    static String payload;

    @BeforeAll
    static void generate() {
        home = dir.resolve("home");
        generated = dir.resolve("generated.mp4");
        Cli r = Cli.run(home, "generate", "--prompt", "clouds over hills", "--seed", "5", "--duration", "3",
                "--size", "640x360", "--quiet", "-o", generated.toString());
        assertEquals(0, r.exitCode(), r.toString());
        payload = r.out().replaceAll("(?s).*watermark payload ([0-9a-f]{16}).*", "$1").strip();
        assertEquals(16, payload.length(), r.out());
    }

    /** What a platform does to the generated video: scale to 720p, re-encode, drop all metadata (and the C2PA box). */
    static synchronized Path reuploaded() throws Exception {
        Path stripped = dir.resolve("reuploaded.mp4");
        if (!Files.exists(stripped)) {
            Ffmpeg.run(120, "-i", generated.toString(), "-vf", "scale=1280:720", "-c:v", "libx264", "-crf", "28",
                    "-map_metadata", "-1", "-an", stripped.toString());
        }
        return stripped;
    }

    /** A heavy blur takes the mark's frequencies away; the picture's coarse structure, which the fingerprint hashes, stays. */
    static synchronized Path blurred() throws Exception {
        Path blurred = dir.resolve("blurred.mp4");
        if (!Files.exists(blurred)) {
            Ffmpeg.run(120, "-i", generated.toString(), "-vf", "gblur=sigma=5", "-c:v", "libx264", "-crf", "30",
                    "-map_metadata", "-1", "-an", blurred.toString());
        }
        return blurred;
    }

    static JsonNode verifyJson(Path file, int expectedExit) throws Exception {
        Cli r = Cli.run(home, "verify", "--json", file.toString());
        assertEquals(expectedExit, r.exitCode(), r.toString());
        return JSON.readTree(r.out());
    }

    @Test
    void aGeneratedVideoVerifiesSignedTrustedAndAiGeneratedWithItsWatermark() throws Exception {
        // By default only the C2PA trust list is trusted: a file signed with this machine's development root is
        // a valid signature by a signer nobody vouches for.
        JsonNode plain = verifyJson(generated, ExitCodes.OK);
        assertEquals("Valid", plain.path("c2pa").path("state").asText(), plain.toPrettyString());
        assertTrue(plain.path("trustedBy").isEmpty(), plain.path("trustedBy").toString());
        assertTrue(plain.path("sentence").asText().contains("signer not on your trust lists"), plain.path("sentence").asText());
        assertTrue(plain.path("sentence").asText().contains("the signer's own date, not time-stamped"), plain.path("sentence").asText());

        Cli r = Cli.run(home, "verify", "--json", "--trust-local-root", generated.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        JsonNode v = JSON.readTree(r.out());
        assertEquals("this machine's development root", v.path("trustedBy").path(0).asText(), v.toPrettyString());
        assertTrue(v.path("sentence").asText().contains("trusted: this machine's development root"), v.path("sentence").asText());
        assertEquals("SIGNED", v.path("verdict").asText());
        assertTrue(v.path("c2pa").path("present").asBoolean());
        assertEquals("Trusted", v.path("c2pa").path("state").asText());
        assertTrue(v.path("c2pa").path("digitalSourceType").asText().endsWith("trainedAlgorithmicMedia"));
        assertEquals("Hallmark Development", v.path("c2pa").path("signer").asText());
        assertTrue(v.path("watermark").path("detected").asBoolean());
        assertEquals(payload, v.path("watermark").path("payload").asText());
        assertEquals(payload, v.path("c2pa").path("softBinding").path("value").asText());
        assertTrue(v.path("bindingMatches").asBoolean());
        assertFalse(v.path("recovered").asBoolean());
        assertTrue(v.path("c2pa").path("failures").isArray());
        assertTrue(v.path("sentence").asText().startsWith("AI-generated"), v.path("sentence").asText());
    }

    @Test
    void aReencodedCopyWithoutMetadataIsRecoveredFromTheStoreThroughTheWatermark() throws Exception {
        Path stripped = reuploaded();
        JsonNode v = verifyJson(stripped, ExitCodes.OK);
        assertFalse(v.path("c2pa").path("present").asBoolean());
        assertEquals("RECOVERED", v.path("verdict").asText(), v.toPrettyString());
        assertTrue(v.path("recovered").asBoolean());
        assertEquals(payload, v.path("watermark").path("payload").asText());
        assertEquals(payload, v.path("recoveredManifest").path("softBinding").path("value").asText());
        assertEquals("MATCH", v.path("contentCheck").path("decision").asText(), v.toPrettyString());
    }

    @Test
    void anUnmarkedClipHasNoProvenance() throws Exception {
        JsonNode v = verifyJson(SharedData.clip("intel_asl_book.mkv"), ExitCodes.NO_PROVENANCE);
        assertEquals("NO_PROVENANCE", v.path("verdict").asText());
        assertFalse(v.path("watermark").path("detected").asBoolean());
        assertTrue(v.path("watermark").path("payload").isNull());
    }

    @Test
    void aSignedVideoChangedAfterSigningIsTampered() throws Exception {
        Path tampered = dir.resolve("tampered.mp4");
        Files.copy(generated, tampered);
        io.hallmark.testdata.Tampering.flipByteFromEnd(tampered, 5000); // inside mdat, which comes last (faststart)
        JsonNode v = verifyJson(tampered, ExitCodes.TAMPERED);
        assertEquals("TAMPERED", v.path("verdict").asText());
        assertEquals("Invalid", v.path("c2pa").path("state").asText());
        assertTrue(v.path("c2pa").path("failures").toString().contains("assertion.bmffHash.mismatch"), v.toString());
    }

    @Test
    void anythingElseIsACleanNotSupportedResult() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.mp4"), "not a video");
        JsonNode v = verifyJson(text, ExitCodes.ERROR);
        assertEquals("ERROR", v.path("verdict").asText());
        assertTrue(v.path("error").asText().contains("not a supported media file"));
    }

    @Test
    void hostileFilesNeverCrashTheVerifier() throws Exception {
        Path random = dir.resolve("random.mp4");
        byte[] bytes = new byte[200_000];
        new java.util.Random(3).nextBytes(bytes);
        System.arraycopy("\0\0\0\u0018ftypisom".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, bytes, 0, 12);
        Files.write(random, bytes);
        Path truncated = dir.resolve("truncated.mp4");
        Files.write(truncated, java.util.Arrays.copyOf(Files.readAllBytes(generated), 20_000));
        for (Path f : new Path[] {random, truncated, SharedData.c2paFixture("c2pa-rs/video/nested_moov_1000.mp4")}) {
            Cli r = Cli.run(home, "verify", "--json", f.toString());
            JsonNode v = JSON.readTree(r.out());
            assertTrue(r.exitCode() == ExitCodes.ERROR || r.exitCode() == ExitCodes.UNVERIFIABLE
                    || r.exitCode() == ExitCodes.DAMAGED || r.exitCode() == ExitCodes.NO_PROVENANCE, f + ": " + r);
            assertFalse(v.path("verdict").asText().equals("TAMPERED"), f + ": unreadable is not tampered");
            assertFalse(v.path("verdict").asText().equals("SIGNED"), f.toString());
        }
    }

    @Test
    void filesThatCannotBeCheckedHereAreUnverifiableNeverTampered() throws Exception {
        String[][] cases = {
            {"c2pa-rs/image/cloud.jpg", "stored remotely"},
            {"c2pa-rs/image/prerelease.jpg", "pre-release"},
            {"c2pa-rs/image/no_alg.jpg", "algorithm"},
        };
        // legacy.mp4: signed by a certificate without an organization; c2pa-rs 0.90 said claimSignature.mismatch
        // (c2pa-rs issue 2262), 0.91 reads it as every other implementation does: valid, by an untrusted signer
        JsonNode legacy = verifyJson(SharedData.c2paFixture("c2pa-rs/video/legacy.mp4"), ExitCodes.OK);
        assertEquals("SIGNED", legacy.path("verdict").asText(), legacy.toString());
        assertEquals("Valid", legacy.path("c2pa").path("state").asText(), legacy.path("c2pa").toString());
        for (String[] c : cases) {
            JsonNode v = verifyJson(SharedData.c2paFixture(c[0]), ExitCodes.UNVERIFIABLE);
            assertEquals("UNVERIFIABLE", v.path("verdict").asText(), c[0]);
            assertTrue(v.path("sentence").asText().startsWith("Cannot be verified: "), v.toString());
            assertTrue(v.path("sentence").asText().contains(c[1]), c[0] + ": " + v.path("sentence"));
            assertTrue(v.path("c2pa").path("state").isNull(), "c2pa-rs gave no state: " + v.path("c2pa"));
            assertTrue(v.path("c2pa").path("failures").isEmpty(), "no invented codes: " + v.path("c2pa"));
        }
    }

    @Test
    void detectReportsThePayloadAndExit3WhenAbsent() throws Exception {
        Cli found = Cli.run(home, "detect", "--json", generated.toString());
        assertEquals(0, found.exitCode(), found.toString());
        assertEquals(payload, JSON.readTree(found.out()).path("payload").asText());
        Cli absent = Cli.run(home, "detect", "--json", SharedData.clip("mdn_stream-of-water.webm").toString());
        assertEquals(ExitCodes.NOT_DETECTED, absent.exitCode(), absent.toString());
    }

    @Test
    void htmlReportHasTheVerdictThumbnailAndPlot() throws Exception {
        Path html = dir.resolve("report.html");
        Cli r = Cli.run(home, "verify", "--html", html.toString(), generated.toString());
        assertEquals(0, r.exitCode(), r.toString());
        String page = Files.readString(html);
        assertTrue(page.contains("AI-generated"));
        assertTrue(page.contains("data:image/jpeg;base64,"));
        assertTrue(page.contains("<svg"));
    }

    @Test
    void aRemoteSoftBindingServiceRecoversTheManifestToo() throws Exception {
        Path stripped = reuploaded();
        try (var store = io.hallmark.provenance.store.ManifestStore.open(home.resolve("manifests.db"));
             var server = io.hallmark.provenance.store.SoftBindingServer.start(store, 0)) {
            Cli r = Cli.run(home, "verify", "--json", "--store", server.url(), stripped.toString());
            assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
            JsonNode v = JSON.readTree(r.out());
            assertEquals("RECOVERED", v.path("verdict").asText(), v.toPrettyString());
            assertEquals(payload, v.path("recoveredManifest").path("softBinding").path("value").asText());
            assertEquals("Hallmark Development", v.path("recoveredManifest").path("signer").asText());
        }
    }

    @Test
    void aWatermarkCopiedOntoOtherFootageIsAMarkMismatchNeverRecovered() throws Exception {
        // The strongest copy there is: the generated video's exact ID embedded with the real key into real footage.
        Path forged = dir.resolve("forged.mp4");
        Cli e = Cli.run(home, "embed", SharedData.clip("sam2_04_coffee.mp4").toString(), "-o", forged.toString(),
                "--payload", payload, "--quiet");
        assertEquals(0, e.exitCode(), e.toString());
        JsonNode v = verifyJson(forged, ExitCodes.MARK_MISMATCH);
        assertEquals("MARK_MISMATCH", v.path("verdict").asText(), v.toPrettyString());
        assertEquals(payload, v.path("watermark").path("payload").asText());
        assertFalse(v.path("recovered").asBoolean());
        assertEquals("MISMATCH", v.path("contentCheck").path("decision").asText());
        assertTrue(v.path("sentence").asText().contains("copied from another video"));
    }

    @Test
    void aCopyWhoseMarkNoLongerReadsIsOnlyAPossibleMatchNeverRecovered() throws Exception {
        String manifestId = verifyJson(generated, ExitCodes.OK).path("c2pa").path("manifestId").asText();
        Path blurred = blurred();
        JsonNode v = verifyJson(blurred, ExitCodes.NO_PROVENANCE);
        assertTrue(v.path("watermark").path("payload").isNull(), v.toPrettyString());
        assertFalse(v.path("recovered").asBoolean());
        assertEquals(manifestId, v.path("possibleMatches").path(0).path("manifestId").asText(), v.toPrettyString());
        assertTrue(v.path("sentence").asText().contains("not proof"));
    }

    @Test
    void aRotatedOrMirroredCopyIsRecoveredAndSaysHowItWasTurned() throws Exception {
        String[][] cases = {{"rotate=2*PI/180", "rotated.mp4"}, {"hflip", "mirrored.mp4"}};
        for (String[] c : cases) {
            Path copy = dir.resolve(c[1]);
            Ffmpeg.run(120, "-i", generated.toString(), "-vf", c[0], "-c:v", "libx264", "-crf", "23",
                    "-map_metadata", "-1", "-an", copy.toString());
            JsonNode v = verifyJson(copy, ExitCodes.OK);
            assertEquals(payload, v.path("watermark").path("payload").asText(), v.toPrettyString());
            JsonNode g = v.path("watermark").path("geometry");
            if (c[0].equals("hflip")) {
                assertTrue(g.path("mirrored").asBoolean(), g.toString());
            } else {
                assertEquals(2.0, Math.abs(g.path("rotationDegrees").asDouble()), 0.3, g.toString());
            }
            // The content check compares the copy's frames turned back, so the rightful copy is confirmed.
            assertEquals("RECOVERED", v.path("verdict").asText(), v.toPrettyString());
            assertEquals("MATCH", v.path("contentCheck").path("decision").asText(), v.path("contentCheck").toString());
        }
    }

    @Test
    void aPortraitCropIsNeverCalledACopiedMark() throws Exception {
        // issue 23: a 9:16 phone crop of a certified landscape clip read "Copied mark" (exit 5)
        Path portrait = dir.resolve("portrait.mp4");
        Ffmpeg.run(120, "-i", generated.toString(), "-vf", "crop=ih*9/16:ih,scale=540:960", "-c:v", "libx264",
                "-crf", "28", "-map_metadata", "-1", "-an", portrait.toString());
        Cli r = Cli.run(home, "verify", "--json", portrait.toString());
        JsonNode v = JSON.readTree(r.out());
        assertNotEquals(ExitCodes.MARK_MISMATCH, r.exitCode(), v.toPrettyString());
        assertNotEquals("MARK_MISMATCH", v.path("verdict").asText(), v.toPrettyString());
        if (v.path("contentCheck").isObject()) {
            assertNotEquals("MISMATCH", v.path("contentCheck").path("decision").asText(), v.toPrettyString());
        }
    }

    @Test
    void aRemuxOfASmallGeneratedClipIsRecovered() throws Exception {
        // issue 23: a bit-identical remux of this 320x240 output read WATERMARK_ONLY ("too few textured frames");
        // the same clip re-encoded at CRF 26 lost its mark
        Path small = dir.resolve("small.mp4");
        Cli g = Cli.run(home, "generate", "--prompt", "conc 3 31408", "--seed", "3", "--duration", "2",
                "--size", "320x240", "--quiet", "-o", small.toString());
        assertEquals(0, g.exitCode(), g.toString());
        Path remux = dir.resolve("small-remux.mp4");
        Ffmpeg.run(120, "-i", small.toString(), "-c", "copy", "-map_metadata", "-1", "-an", remux.toString());
        Path crf26 = dir.resolve("small-crf26.mp4");
        Ffmpeg.run(120, "-i", small.toString(), "-c:v", "libx264", "-crf", "26", "-map_metadata", "-1", "-an", crf26.toString());
        for (Path copy : List.of(remux, crf26)) {
            JsonNode v = verifyJson(copy, ExitCodes.OK);
            assertEquals("RECOVERED", v.path("verdict").asText(), v.toPrettyString());
            assertEquals("MATCH", v.path("contentCheck").path("decision").asText(), v.toPrettyString());
        }
    }

    @Test
    void theSoftBindingApiResolvesUploadsAndFingerprintsWithRealSimilarity() throws Exception {
        io.hallmark.HallmarkHome h = new io.hallmark.HallmarkHome(home);
        try (var store = io.hallmark.provenance.store.ManifestStore.open(h.manifestStore());
             var verifier = new io.hallmark.verify.Verifier(io.hallmark.TrustChoice.C2PA_TRUST_LIST.resolve(h),
                     io.hallmark.watermark.WatermarkKey.loadOrCreate(h.watermarkKey()),
                     java.util.Optional.of(io.hallmark.provenance.store.ManifestStore.open(h.manifestStore())));
             var server = io.hallmark.provenance.store.SoftBindingServer.start(store, 0,
                     java.util.Optional.of(new io.hallmark.verify.VerifierContentResolver(verifier)))) {
            String manifestId = verifyJson(generated, ExitCodes.OK).path("c2pa").path("manifestId").asText();
            var http = java.net.http.HttpClient.newHttpClient();
            // a stripped re-encode: found through its watermark, scored by the content check
            JsonNode byMark = JSON.readTree(http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(server.url() + "/matches/byContent?maxResults=5"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofFile(reuploaded())).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body());
            assertEquals(manifestId, byMark.path("matches").path(0).path("manifestId").asText(), byMark.toPrettyString());
            assertEquals("watermark", byMark.path("matches").path(0).path("hallmark.method").asText());
            assertTrue(byMark.path("matches").path(0).path("similarityScore").asInt() >= 50);
            // a blurred copy whose mark no longer reads: only the fingerprint finds it, with its similarity
            JsonNode byFingerprint = JSON.readTree(http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(server.url() + "/matches/byContent"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofFile(blurred())).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body());
            assertEquals(manifestId, byFingerprint.path("matches").path(0).path("manifestId").asText());
            assertEquals("fingerprint", byFingerprint.path("matches").path(0).path("hallmark.method").asText());
            int score = byFingerprint.path("matches").path(0).path("similarityScore").asInt();
            assertTrue(score >= 50 && score <= 100, "similarity " + score);
            // and garbage is a clean empty answer
            var garbage = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url() + "/matches/byContent"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("not a video")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, garbage.statusCode(), garbage.body());
            assertEquals(0, JSON.readTree(garbage.body()).path("matches").size());
        }
    }

    @Test
    void aRemoteStoreThatAnswersWithAnyBytesNeverMakesACopyRecovered() throws Exception {
        Path stripped = reuploaded();
        byte[] random = new byte[4096];
        new java.util.Random(1).nextBytes(random);
        var server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 4);
        server.createContext("/", ex -> {
            byte[] body = ex.getRequestURI().getPath().startsWith("/matches")
                    ? "{\"matches\":[{\"manifestId\":\"urn:evil\",\"similarityScore\":100}]}".getBytes() : random;
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            Cli r = Cli.run(home, "verify", "--json", "--store", "http://127.0.0.1:" + server.getAddress().getPort(),
                    stripped.toString());
            JsonNode v = JSON.readTree(r.out());
            assertEquals("WATERMARK_ONLY", v.path("verdict").asText(), v.toPrettyString());
            assertFalse(v.path("recovered").asBoolean());
            assertEquals(ExitCodes.NO_PROVENANCE, r.exitCode());
        } finally {
            server.stop(0);
        }
    }
}
