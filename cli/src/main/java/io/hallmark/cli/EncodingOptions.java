package io.hallmark.cli;

import io.hallmark.OutputEncoding;
import io.hallmark.media.VideoCodec;
import java.util.Optional;
import java.util.OptionalInt;
import picocli.CommandLine.Option;

/** How the output video is encoded: a mixin of {@code certify} and {@code generate}. */
public final class EncodingOptions {
    @Option(names = "--codec", paramLabel = "h264|hevc", converter = CodecConverter.class,
            description = "Output codec (default: certify keeps an H.264 or HEVC source's, and makes H.264 of anything "
                    + "else; generate writes H.264).")
    VideoCodec codec;

    @Option(names = "--bit-depth", paramLabel = "8|10",
            description = "Bits per sample of the output (default: certify keeps an 8- or 10-bit source's; generate 8).")
    Integer bitDepth;

    @Option(names = "--crf", defaultValue = "18", paramLabel = "N",
            description = "Constant rate factor, 0-51; lower is better and larger (default: ${DEFAULT-VALUE}).")
    int crf;

    @Option(names = "--preset", defaultValue = "veryfast", paramLabel = "NAME",
            description = "Encoder speed preset, ultrafast to veryslow; slower is smaller at the same quality "
                    + "(default: ${DEFAULT-VALUE}).")
    String preset;

    OutputEncoding encoding() {
        return new OutputEncoding(Optional.ofNullable(codec), bitDepth == null ? OptionalInt.empty() : OptionalInt.of(bitDepth),
                crf, preset);
    }

    static final class CodecConverter implements picocli.CommandLine.ITypeConverter<VideoCodec> {
        @Override
        public VideoCodec convert(String value) {
            return switch (value.toLowerCase(java.util.Locale.ROOT)) {
                case "h264", "avc", "h.264" -> VideoCodec.H264;
                case "hevc", "h265", "h.265" -> VideoCodec.HEVC;
                default -> throw new picocli.CommandLine.TypeConversionException("unknown codec '" + value
                        + "' (h264 or hevc)");
            };
        }
    }
}
