package io.hallmark.c2pa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReaderTest {
    static Settings settings;
    static Context context;

    @BeforeAll
    static void open() throws Exception {
        settings = Fixtures.settings(false);
        context = Context.of(settings);
    }

    @AfterAll
    static void close() {
        context.close();
        settings.close();
    }

    @Test
    void loadsTheLibraryItWasWrittenFor() {
        assertTrue(C2pa.version().startsWith("c2pa-c-ffi/0.91."), C2pa.version());
    }

    @Test
    void readsBothManifestsOfTheSignedVideoFixture() throws Exception {
        String json = Reader.readJson(context, Fixtures.video("video1.mp4"));
        assertTrue(json.contains("\"active_manifest\": \"urn:uuid:8da8ffb6-3de4-430a-8924-5b58b561e647\"")
                || json.contains("\"active_manifest\":\"urn:uuid:8da8ffb6-3de4-430a-8924-5b58b561e647\""), json);
        assertTrue(json.contains("urn:uuid:54281c07-ad34-430e-bea5-112a18facf0b"), "ingredient manifest present");
        assertTrue(json.contains("assertion.bmffHash.match"), "hard binding checked");
        assertTrue(json.contains("\"validation_state\": \"Valid\"") || json.contains("\"validation_state\":\"Valid\""),
                "untrusted signer without anchors is Valid");
    }

    @Test
    void theVideoFixtureIsTrustedWithTheTestRootsAsAnchors() throws Exception {
        try (Settings trusted = Fixtures.settings(true); Context ctx = Context.of(trusted)) {
            String json = Reader.readJson(ctx, Fixtures.video("video1.mp4"));
            assertTrue(json.contains("signingCredential.trusted"), json);
        }
    }

    @Test
    void aFileWithoutManifestIsACleanManifestNotFound() {
        var e = assertThrows(C2paException.ManifestNotFoundException.class,
                () -> Reader.readJson(context, Fixtures.video("video1_no_manifest.mp4")));
        assertEquals(C2paException.Type.MANIFEST_NOT_FOUND, e.type());
    }

    @Test
    void deeplyNestedBoxesAreAnErrorNotACrash() {
        C2paException e = assertThrows(C2paException.class,
                () -> Reader.readJson(context, Fixtures.video("nested_moov_1000.mp4")));
        assertFalse(e.getMessage().isBlank());
    }

    @Test
    void randomBytesAreAnErrorNotACrash(@TempDir Path dir) throws Exception {
        Path junk = dir.resolve("junk.mp4");
        byte[] bytes = new byte[4096];
        new java.util.Random(7).nextBytes(bytes);
        Files.write(junk, bytes);
        assertThrows(C2paException.class, () -> Reader.readJson(context, junk));
    }

    @Test
    void aClosedReaderRefusesUseInsteadOfCrashing() throws Exception {
        Reader reader;
        try (C2paStream stream = C2paStream.openRead(Fixtures.video("video1.mp4"))) {
            reader = Reader.read(context, "video/mp4", stream);
            reader.close();
        }
        assertThrows(IllegalStateException.class, reader::json);
    }

    @Test
    void aTamperedImageReportsTheFailureCode() throws Exception {
        String json = Reader.readJson(context, Fixtures.image("XCA.jpg"));
        assertTrue(json.contains("assertion.dataHash.mismatch"), json);
        assertTrue(json.contains("Invalid"));
    }
}
