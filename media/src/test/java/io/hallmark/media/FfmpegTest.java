package io.hallmark.media;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class FfmpegTest {
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aCommandThatNeverEndsIsStoppedAtItsTimeout() {
        MediaException e = assertThrows(MediaException.class,
                () -> Ffmpeg.run(1, "-f", "lavfi", "-i", "testsrc2=size=64x64", "-f", "null", "-"));
        assertTrue(e.getMessage().contains("timed out after 1 s"), e.getMessage());
    }

    @Test
    void aFailingCommandReportsTheTailOfItsOutput() {
        MediaException e = assertThrows(MediaException.class,
                () -> Ffmpeg.run(60, "-i", "/nonexistent/input.mp4", "-f", "null", "-"));
        assertTrue(e.getMessage().contains("ffmpeg failed") && e.getMessage().contains("No such file"), e.getMessage());
    }
}
