package io.hallmark.media;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How {@link VideoWriter} encodes: H.264 (libx264) in MP4, yuv420p, moov atom first (faststart).
 *
 * @param crf         x264 constant rate factor, 0 (lossless) to 51; 18 is visually transparent
 * @param preset      x264 preset, e.g. "veryfast", "medium"
 * @param audioSource a file whose audio stream is copied unchanged into the output, if it has one
 * @param sourceTiming each frame keeps its own timestamp (variable frame rate stays variable, in step with
 *                    the audio); otherwise frames are numbered at the constant frame rate given to the writer
 */
public record EncodeSettings(int crf, String preset, Optional<Path> audioSource, boolean sourceTiming) {
    public static final EncodeSettings DEFAULT = new EncodeSettings(18, "veryfast", Optional.empty(), false);

    public EncodeSettings {
        if (crf < 0 || crf > 51) {
            throw new IllegalArgumentException("crf must be within 0..51: " + crf);
        }
    }

    public EncodeSettings withCrf(int newCrf) {
        return new EncodeSettings(newCrf, preset, audioSource, sourceTiming);
    }

    public EncodeSettings withPreset(String newPreset) {
        return new EncodeSettings(crf, newPreset, audioSource, sourceTiming);
    }

    public EncodeSettings withAudioFrom(Path source) {
        return new EncodeSettings(crf, preset, Optional.of(source), sourceTiming);
    }

    /** Frames keep their own timestamps: for re-encoding a decoded file whose frame rate may vary. */
    public EncodeSettings withSourceTiming() {
        return new EncodeSettings(crf, preset, audioSource, true);
    }
}
