package io.hallmark.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hallmark.media.Ffmpeg;
import io.hallmark.testdata.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The format comes from the bytes, never the name (issue 13, item 5). */
class MediaTypesTest {
    @TempDir
    static Path dir;

    @Test
    void formatsAreKnownByTheirContent() throws Exception {
        assertEquals(Optional.of("image/jpeg"), MediaTypes.of(SharedData.c2paFixture("c2pa-rs/image/C.jpg")));
        assertEquals(Optional.of("image/png"), MediaTypes.of(SharedData.c2paFixture("c2pa-rs/image/libpng-test.png")));
        assertEquals(Optional.of("video/mp4"), MediaTypes.of(SharedData.c2paFixture("c2pa-rs/video/video1.mp4")));
        assertEquals(Optional.of("video/quicktime"), MediaTypes.of(SharedData.c2paFixture("c2pa-rs/video/c.mov")));
    }

    @Test
    void aNameNeitherHelpsNorHurts() throws Exception {
        Path noExtension = dir.resolve("upload");
        Files.copy(SharedData.c2paFixture("c2pa-rs/image/C.jpg"), noExtension);
        assertEquals(Optional.of("image/jpeg"), MediaTypes.of(noExtension));
        Path misnamed = dir.resolve("really-a-png.jpg");
        Files.copy(SharedData.c2paFixture("c2pa-rs/image/libpng-test.png"), misnamed);
        assertEquals(Optional.of("image/png"), MediaTypes.of(misnamed));
        Path text = Files.writeString(dir.resolve("notes.mp4"), "not a video at all");
        assertEquals(Optional.empty(), MediaTypes.of(text));
        assertEquals(Optional.empty(), MediaTypes.of(Files.write(dir.resolve("empty.jpg"), new byte[0])));
    }

    @Test
    void anAacOnlyM4aIsAudioMp4() throws Exception {
        Path m4a = dir.resolve("voice.m4a");
        Ffmpeg.run(60, "-f", "lavfi", "-i", "sine=frequency=440:duration=1", "-c:a", "aac", m4a.toString());
        assertEquals(Optional.of("audio/mp4"), MediaTypes.of(m4a));
        assertEquals("m4a", MediaTypes.extensions("audio/mp4").get(0));
    }
}
