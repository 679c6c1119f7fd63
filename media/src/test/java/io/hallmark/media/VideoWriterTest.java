package io.hallmark.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallmark.testdata.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoWriterTest {

    @Test
    void reencodesAClipToH264Mp4KeepingSizeFrameCountAndAudio(@TempDir Path dir) throws Exception {
        Path source = SharedData.clip("mdn_flower.mp4");
        Path out = dir.resolve("out.mp4");
        long frames = 0;
        double sumSquaredError = 0;
        VideoFrame firstIn;
        try (VideoReader reader = VideoReader.open(source);
             VideoWriter writer = VideoWriter.create(out, reader.info().width(), reader.info().height(),
                     reader.info().frameRate(), EncodeSettings.DEFAULT.withAudioFrom(source))) {
            firstIn = reader.read().copy();
            writer.write(firstIn);
            frames++;
            VideoFrame f;
            while ((f = reader.read()) != null && frames < 60) {
                writer.write(f);
                frames++;
            }
            writer.finish();
        }
        try (VideoReader check = VideoReader.open(out)) {
            assertEquals("h264", check.info().videoCodec());
            assertEquals(960, check.info().width());
            assertTrue(check.info().hasAudio(), "audio carried through");
            VideoFrame firstOut = check.read();
            for (int i = 0; i < firstIn.y().length; i++) {
                double d = (firstIn.y()[i] & 0xff) - (firstOut.y()[i] & 0xff);
                sumSquaredError += d * d;
            }
            long n = 1;
            while (check.read() != null) {
                n++;
            }
            assertEquals(frames, n);
        }
        double psnr = 10 * Math.log10(255.0 * 255.0 / (sumSquaredError / firstIn.y().length));
        assertTrue(psnr > 38, "CRF 18 keeps the picture, PSNR-Y " + psnr);
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(1, left.count(), "no temp files left behind");
        }
    }

    @Test
    void closingWithoutFinishLeavesNoFile(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("abandoned.mp4");
        try (VideoWriter writer = VideoWriter.create(out, 64, 64, 25, EncodeSettings.DEFAULT)) {
            writer.write(VideoFrame.blank(64, 64, 0, 0));
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(0, left.count());
        }
        assertFalse(Files.exists(out));
    }

    @Test
    void oddSizesAndWrongFramesAreClearErrors(@TempDir Path dir) throws Exception {
        assertThrows(MediaException.class, () -> VideoWriter.create(dir.resolve("odd.mp4"), 65, 64, 25, EncodeSettings.DEFAULT));
        try (VideoWriter writer = VideoWriter.create(dir.resolve("x.mp4"), 64, 64, 25, EncodeSettings.DEFAULT)) {
            assertThrows(MediaException.class, () -> writer.write(VideoFrame.blank(32, 32, 0, 0)));
        }
    }

    @Test
    void sourceTimingKeepsEveryFramesOwnTimestamp(@TempDir Path dir) throws Exception {
        // 30 fps, then a pause, then 5 fps; one timestamp repeats (it moves one 90 kHz tick on).
        long[] written = {0, 33_333, 66_667, 100_000, 400_000, 600_000, 600_000, 800_000};
        Path out = dir.resolve("vfr.mp4");
        try (VideoWriter writer = VideoWriter.create(out, 64, 64, 30, EncodeSettings.DEFAULT.withSourceTiming())) {
            for (int i = 0; i < written.length; i++) {
                writer.write(VideoFrame.blank(64, 64, i, written[i]));
            }
            writer.finish();
        }
        try (VideoReader check = VideoReader.open(out)) {
            for (int i = 0; i < written.length; i++) {
                VideoFrame f = check.read();
                long expected = i == 6 ? 600_011 : written[i];
                assertEquals(expected, f.timestampMicros(), 20, "frame " + i);
            }
            assertEquals(null, check.read());
        }
    }

    @Test
    void sourceTimingKeepsTheLastFramesDurationSoTheFileLastsAsLongAsItsSource(@TempDir Path dir) throws Exception {
        // issue 26: 15.017 s came out 14.975 s, the last frame lasting one 90 kHz tick
        Path source = dir.resolve("source.mp4");
        Ffmpeg.run(60, "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=24", "-t", "2", "-c:v", "libx264", source.toString());
        Path out = dir.resolve("copy.mp4");
        double sourceSeconds;
        try (VideoReader in = VideoReader.open(source);
             VideoWriter writer = VideoWriter.create(out, 320, 240, in.info().frameRate(),
                     EncodeSettings.DEFAULT.withSourceTiming())) {
            sourceSeconds = in.info().durationSeconds();
            VideoFrame f;
            while ((f = in.read()) != null) {
                writer.write(f);
            }
            writer.finish();
        }
        try (VideoReader copy = VideoReader.open(out)) {
            assertEquals(2.0, sourceSeconds, 1e-3);
            assertEquals(sourceSeconds, copy.info().durationSeconds(), 1e-3);
            assertEquals(24.0, copy.info().frameRate(), 0.01);
        }
    }

    @Test
    void withoutSourceTimingFramesAreNumberedAtTheConstantRate(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("cfr.mp4");
        try (VideoWriter writer = VideoWriter.create(out, 64, 64, 25, EncodeSettings.DEFAULT)) {
            writer.write(VideoFrame.blank(64, 64, 0, 0));
            writer.write(VideoFrame.blank(64, 64, 1, 500_000));
            writer.finish();
        }
        try (VideoReader check = VideoReader.open(out)) {
            assertEquals(0, check.read().timestampMicros());
            assertEquals(40_000, check.read().timestampMicros());
        }
    }
}
