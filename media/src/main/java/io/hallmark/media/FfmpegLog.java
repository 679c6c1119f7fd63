package io.hallmark.media;

import org.bytedeco.ffmpeg.global.avutil;

/** FFmpeg prints container details to stderr by default; users should see our output, not its. */
final class FfmpegLog {
    private static volatile boolean done;

    private FfmpegLog() {}

    static void quiet() {
        if (!done) {
            avutil.av_log_set_level(avutil.AV_LOG_ERROR);
            done = true;
        }
    }
}
