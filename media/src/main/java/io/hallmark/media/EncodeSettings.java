package io.hallmark.media;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How {@link VideoWriter} encodes: H.264 (libx264) in MP4, yuv420p, moov atom first (faststart).
 *
 * @param crf         x264 constant rate factor, 0 (lossless) to 51; 18 is visually transparent
 * @param preset      x264 preset, e.g. "veryfast", "medium"
 * @param audioSource a file whose audio stream is copied unchanged into the output, if it has one
 */
public record EncodeSettings(int crf, String preset, Optional<Path> audioSource) {
    public static final EncodeSettings DEFAULT = new EncodeSettings(18, "veryfast", Optional.empty());

    public EncodeSettings {
        if (crf < 0 || crf > 51) {
            throw new IllegalArgumentException("crf must be within 0..51: " + crf);
        }
    }

    public EncodeSettings withCrf(int newCrf) {
        return new EncodeSettings(newCrf, preset, audioSource);
    }

    public EncodeSettings withPreset(String newPreset) {
        return new EncodeSettings(crf, newPreset, audioSource);
    }

    public EncodeSettings withAudioFrom(Path source) {
        return new EncodeSettings(crf, preset, Optional.of(source));
    }
}
