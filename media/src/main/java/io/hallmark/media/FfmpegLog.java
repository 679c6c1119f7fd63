package io.hallmark.media;

import org.bytedeco.ffmpeg.global.avutil;

/**
 * FFmpeg prints container details and decoder complaints to stderr; users should see our output, not its:
 * every failure reaches them as a MediaException with the reason.
 */
final class FfmpegLog {
    private static volatile boolean done;

    private FfmpegLog() {}

    static void quiet() {
        if (!done) {
            avutil.av_log_set_level(avutil.AV_LOG_QUIET);
            done = true;
        }
    }
}
