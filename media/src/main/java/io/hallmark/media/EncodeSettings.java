package io.hallmark.media;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How {@link VideoWriter} encodes: H.264 (libx264) or HEVC (libx265) in MP4, 8-bit 4:2:0, moov atom first (faststart), with a colour
 * description.
 *
 * @param crf         x264 constant rate factor, 0 (lossless) to 51; 18 is visually transparent
 * @param preset      x264 preset, e.g. "veryfast", "medium"
 * @param audioSource a file whose audio stream is copied unchanged into the output, if it has one
 * @param sourceTiming each frame keeps its own timestamp (variable frame rate stays variable, in step with
 *                    the audio); otherwise frames are numbered at the constant frame rate given to the writer
 * @param colour       the colour description the output signals (the frames' values must be in it: a full-range
 *                    description for full-range samples); {@link ColourDescription#BT709} by default
 * @param codec        H.264 (default) or HEVC; {@code crf} and {@code preset} mean the same to both encoders
 * @param bitDepth     8 (default) or 10: a 10-bit encode writes each frame's deep planes ({@link VideoFrame#deep()})
 * @param hdr          static HDR metadata written into the stream (SEI), {@link HdrMetadata#NONE} by default
 */
public record EncodeSettings(int crf, String preset, Optional<Path> audioSource, boolean sourceTiming,
                             ColourDescription colour, VideoCodec codec, int bitDepth, HdrMetadata hdr) {
    public static final EncodeSettings DEFAULT = new EncodeSettings(18, "veryfast", Optional.empty(), false,
            ColourDescription.BT709, VideoCodec.H264, 8, HdrMetadata.NONE);

    public EncodeSettings {
        if (crf < 0 || crf > 51) {
            throw new IllegalArgumentException("crf must be within 0..51: " + crf);
        }
        if (bitDepth != 8 && bitDepth != 10) {
            throw new IllegalArgumentException("the writer encodes 8 or 10 bits per sample, not " + bitDepth);
        }
    }

    public EncodeSettings withCrf(int newCrf) {
        return new EncodeSettings(newCrf, preset, audioSource, sourceTiming, colour, codec, bitDepth, hdr);
    }

    public EncodeSettings withPreset(String newPreset) {
        return new EncodeSettings(crf, newPreset, audioSource, sourceTiming, colour, codec, bitDepth, hdr);
    }

    public EncodeSettings withAudioFrom(Path source) {
        return new EncodeSettings(crf, preset, Optional.of(source), sourceTiming, colour, codec, bitDepth, hdr);
    }

    /** Frames keep their own timestamps: for re-encoding a decoded file whose frame rate may vary. */
    public EncodeSettings withSourceTiming() {
        return new EncodeSettings(crf, preset, audioSource, true, colour, codec, bitDepth, hdr);
    }

    public EncodeSettings withCodec(VideoCodec c) {
        return new EncodeSettings(crf, preset, audioSource, sourceTiming, colour, c, bitDepth, hdr);
    }

    /** Static HDR metadata to write (a source's, to keep it). */
    public EncodeSettings withHdr(HdrMetadata h) {
        return new EncodeSettings(crf, preset, audioSource, sourceTiming, colour, codec, bitDepth, h);
    }

    /** 8 or 10 bits per sample. */
    public EncodeSettings withBitDepth(int bits) {
        return new EncodeSettings(crf, preset, audioSource, sourceTiming, colour, codec, bits, hdr);
    }

    /**
     * These settings with what keeps {@code source} as it is: its colour description, its codec family where the writer
     * has one (H.264 or HEVC; anything else becomes H.264), 10 bits when the reader keeps a 10-bit source's samples
     * ({@link VideoReader#openKeepingDepth}; else 8, the writer's other depth), and its static HDR metadata.
     *
     * @param hdr the source's static HDR metadata ({@link HdrMetadata#of})
     */
    public EncodeSettings keeping(VideoReader source, HdrMetadata hdr) {
        VideoInfo info = source.info();
        return withColour(info.colour()).withCodec(VideoCodec.ofDecoder(info.videoCodec()).orElse(VideoCodec.H264))
                .withBitDepth(source.keepsDepth() && info.bitDepth() == 10 ? 10 : 8).withHdr(hdr);
    }

    /** The output signals this colour description (a source's, to keep it). */
    public EncodeSettings withColour(ColourDescription c) {
        return new EncodeSettings(crf, preset, audioSource, sourceTiming, c, codec, bitDepth, hdr);
    }
}
