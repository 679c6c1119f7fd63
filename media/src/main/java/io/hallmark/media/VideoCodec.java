package io.hallmark.media;

import org.bytedeco.ffmpeg.global.avcodec;

/** The codecs {@link VideoWriter} encodes with (in MP4, 8-bit 4:2:0), and the FFmpeg encoder behind each. */
public enum VideoCodec {
    /** H.264 / AVC through libx264. */
    H264("h264", "libx264", avcodec.AV_CODEC_ID_H264),
    /** H.265 / HEVC through libx265, tagged {@code hvc1} (what Apple players and most platforms expect in MP4). */
    HEVC("hevc", "libx265", avcodec.AV_CODEC_ID_HEVC);

    private final String decoderName;
    private final String encoder;
    private final int id;

    VideoCodec(String decoderName, String encoder, int id) {
        this.decoderName = decoderName;
        this.encoder = encoder;
        this.id = id;
    }

    /** The codec of a stream FFmpeg decodes as {@code decoderName} ("h264", "hevc"), if the writer has it. */
    public static java.util.Optional<VideoCodec> ofDecoder(String decoderName) {
        for (VideoCodec c : values()) {
            if (c.decoderName.equals(decoderName)) {
                return java.util.Optional.of(c);
            }
        }
        return java.util.Optional.empty();
    }

    /** FFmpeg's codec id. */
    int id() {
        return id;
    }

    /** The FFmpeg encoder name, e.g. "libx264". */
    public String encoder() {
        return encoder;
    }

    /** The name FFmpeg's decoders use, e.g. "hevc". */
    public String decoderName() {
        return decoderName;
    }
}
