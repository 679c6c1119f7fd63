package io.hallmark;

import io.hallmark.media.VideoCodec;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How a certified or generated video is encoded, where the user chooses: by default an import keeps its source's
 * codec family (H.264 or HEVC) and bit depth (8 or 10), a generated video is 8-bit H.264. Immutable.
 *
 * @param codec    the codec, or empty for the default
 * @param bitDepth 8 or 10, or empty for the default; 10-bit frames rendered in 8 bits are widened (values x4)
 * @param crf      constant rate factor, 0-51 (18: visually transparent)
 * @param preset   the encoder's speed preset, e.g. "veryfast", "medium", "slow"
 */
public record OutputEncoding(Optional<VideoCodec> codec, OptionalInt bitDepth, int crf, String preset) {
    /** The source's codec family and depth (H.264 8-bit for generated video), CRF 18, preset veryfast. */
    public static final OutputEncoding DEFAULT = new OutputEncoding(Optional.empty(), OptionalInt.empty(), 18, "veryfast");

    /**
     * @param codec    the codec, or empty for the default
     * @param bitDepth 8 or 10, or empty for the default
     * @param crf      constant rate factor, 0-51
     * @param preset   the encoder's speed preset
     * @throws IllegalArgumentException for a CRF outside 0-51, a depth other than 8 or 10, or an unknown preset
     */
    public OutputEncoding {
        if (crf < 0 || crf > 51) {
            throw new IllegalArgumentException("crf must be within 0..51: " + crf);
        }
        if (bitDepth.isPresent() && bitDepth.getAsInt() != 8 && bitDepth.getAsInt() != 10) {
            throw new IllegalArgumentException("bit depth must be 8 or 10: " + bitDepth.getAsInt());
        }
        if (!preset.matches("ultrafast|superfast|veryfast|faster|fast|medium|slow|slower|veryslow|placebo")) {
            throw new IllegalArgumentException("unknown preset " + preset
                    + " (ultrafast, superfast, veryfast, faster, fast, medium, slow, slower, veryslow, placebo)");
        }
    }
}
