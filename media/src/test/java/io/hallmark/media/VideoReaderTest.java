package io.hallmark.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallmark.testdata.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoReaderTest {

    @Test
    void decodesAudioFirstMp4IntoPackedFramesOfTheStreamSize() throws Exception {
        try (VideoReader reader = VideoReader.open(SharedData.clip("mdn_friday.mp4"))) {
            VideoInfo info = reader.info();
            assertEquals(640, info.width());
            assertEquals(480, info.height());
            assertTrue(info.hasAudio(), "audio is stream 0 in this clip");
            VideoFrame first = reader.read();
            assertEquals(640 * 480, first.y().length);
            assertEquals(320 * 240, first.u().length);
            long frames = 1;
            while (reader.read() != null) {
                frames++;
            }
            assertEquals(frames, reader.framesRead());
            assertTrue(frames > 150, "6 s at 30 fps, got " + frames);
        }
    }

    @Test
    void decodesWebmVp8AndFullRangeMkv() throws Exception {
        for (String name : new String[] {"mdn_stream-of-water.webm", "intel_asl_book.mkv"}) {
            try (VideoReader reader = VideoReader.open(SharedData.clip(name))) {
                VideoFrame f = reader.read();
                assertEquals(reader.info().width() * reader.info().height(), f.y().length, name);
            }
        }
    }

    @Test
    void widthsThatAreNotMultiplesOf64AreCopiedWithoutStridePadding() throws Exception {
        // 480x360: the grabber pads luma rows to 512 bytes; a wrong copy shears the picture.
        try (VideoReader reader = VideoReader.open(SharedData.clip("mdn_stream-of-water.webm"))) {
            VideoFrame f = reader.read();
            assertEquals(480, f.width());
            double rowDiff = 0;
            for (int x = 0; x < f.width(); x++) {
                rowDiff += Math.abs((f.y()[100 * 480 + x] & 0xff) - (f.y()[101 * 480 + x] & 0xff));
            }
            assertTrue(rowDiff / f.width() < 25, "adjacent rows should be similar, mean diff " + rowDiff / f.width());
        }
    }

    @Test
    void aFileThatIsNotVideoIsAMediaException(@TempDir Path dir) throws Exception {
        Path text = dir.resolve("notes.mp4");
        Files.writeString(text, "this is not a video at all");
        assertThrows(MediaException.class, () -> VideoReader.open(text));
        assertThrows(MediaException.class, () -> VideoReader.open(dir.resolve("missing.mp4")));
    }

    @Test
    void framesOverTheSizeLimitAreRefused() {
        MediaLimits tiny = new MediaLimits(320, 240, 100);
        assertThrows(MediaException.class, () -> VideoReader.open(SharedData.clip("mdn_friday.mp4"), tiny));
    }

    @Test
    void decodingStopsAtTheFrameLimit() throws Exception {
        try (VideoReader reader = VideoReader.open(SharedData.clip("intel_asl_book.mkv"), MediaLimits.DEFAULT.withMaxFrames(5))) {
            for (int i = 0; i < 5; i++) {
                reader.read();
            }
            assertThrows(MediaException.class, reader::read);
        }
    }

    @Test
    void skippingFramesKeepsCountAndTimeAndTheNextReadIsAFullFrame() throws Exception {
        try (VideoReader reader = VideoReader.open(SharedData.clip("mdn_flower.mp4"))) {
            long t0 = reader.skip();
            long t1 = reader.skip();
            assertTrue(t1 > t0, "timestamps advance");
            VideoFrame third = reader.read();
            assertEquals(2, third.index());
            assertEquals(960 * 540, third.y().length);
            assertEquals(3, reader.framesRead());
            long n = 3;
            while (reader.skip() >= 0) {
                n++;
            }
            assertTrue(n > 140, "5 s at 30 fps, got " + n);
        }
    }

    @Test
    void framesComeUprightAsTheDisplayMatrixShowsThem(@TempDir Path dir) throws Exception {
        // stored landscape 320x180 with a white block in its top-left corner, displayed rotated
        Path stored = dir.resolve("stored.mp4");
        Ffmpeg.run(60, "-f", "lavfi", "-i", "color=c=black:s=320x180:r=25,drawbox=x=0:y=0:w=80:h=40:color=white:t=fill",
                "-t", "0.4", "-c:v", "libx264", "-pix_fmt", "yuv420p", stored.toString());
        String[][] cases = {{"90", "180", "320"}, {"-90", "180", "320"}, {"180", "320", "180"}};
        for (String[] c : cases) {
            Path rotated = dir.resolve("rot" + c[0] + ".mov");
            Ffmpeg.run(60, "-display_rotation:v:0", c[0], "-i", stored.toString(), "-c", "copy", rotated.toString());
            try (VideoReader r = VideoReader.open(rotated)) {
                int w = Integer.parseInt(c[1]);
                int h = Integer.parseInt(c[2]);
                assertEquals(w, r.info().width(), c[0]);
                assertEquals(h, r.info().height(), c[0]);
                VideoFrame f = r.read();
                assertEquals(w, f.width());
                assertEquals(h, f.height());
                // where the top-left block ends up when the frame is shown as the matrix says
                int[] at = switch (c[0]) {
                    case "90" -> new int[] {10, h - 20};      // turned counter-clockwise: bottom-left
                    case "-90" -> new int[] {w - 10, 20};     // turned clockwise: top-right
                    default -> new int[] {w - 20, h - 10};    // upside down: bottom-right
                };
                assertTrue((f.y()[at[1] * w + at[0]] & 0xff) > 200, c[0] + ": the block is where a player shows it");
                assertTrue((f.y()[(h / 2) * w + w / 2] & 0xff) < 50, c[0]);
            }
        }
    }
}
