package io.hallmark.media;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avutil.AVContentLightMetadata;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVFrameSideData;
import org.bytedeco.ffmpeg.avutil.AVMasteringDisplayMetadata;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.PointerPointer;

/**
 * The static HDR metadata of an HDR10 (PQ) stream: the mastering display's colour volume (SMPTE ST 2086) and the
 * content light levels (CTA-861.3 MaxCLL/MaxFALL), in the notation x264 and x265 take them
 * ({@code --master-display "G(x,y)B(x,y)R(x,y)WP(x,y)L(max,min)"}: chromaticity in 0.00002 units, luminance in
 * 0.0001 cd/m2; {@code --max-cll "MaxCLL,MaxFALL"} in cd/m2). Read from the first decoded frame's side data (the SEI
 * messages), where FFmpeg puts them.
 *
 * @param masterDisplay the mastering display, or empty when the stream has none
 * @param contentLight  "MaxCLL,MaxFALL", or empty when the stream has none
 * @param dynamic       the dynamic (per-scene) metadata the first frame carries, which an encoder here cannot write
 *                      again: "HDR10+" or "Dolby Vision", or empty
 */
public record HdrMetadata(Optional<String> masterDisplay, Optional<String> contentLight, Optional<String> dynamic) {
    public static final HdrMetadata NONE = new HdrMetadata(Optional.empty(), Optional.empty(), Optional.empty());
    /** Packets read at most while looking for the first frame. */
    private static final int MAX_PACKETS = 200;

    /** An HDR stream's static metadata ({@link #probe}, one frame decoded), {@link #NONE} for any other. */
    public static HdrMetadata of(VideoInfo info, Path file) {
        return info.colour().isHdr() ? probe(file) : NONE;
    }

    public boolean isEmpty() {
        return masterDisplay.isEmpty() && contentLight.isEmpty() && dynamic.isEmpty();
    }

    /** The x265 parameters that write the static metadata again (SEI), e.g. ":hdr10=1:master-display=...". */
    String x265Params() {
        if (masterDisplay.isEmpty() && contentLight.isEmpty()) {
            return "";
        }
        return ":hdr10=1" + masterDisplay.map(d -> ":master-display=" + d).orElse("")
                + contentLight.map(c -> ":max-cll=" + c).orElse("");
    }

    /** The same for x264 ({@code mastering-display}, {@code cll}). */
    String x264Params() {
        return masterDisplay.map(d -> ":mastering-display=" + d).orElse("") + contentLight.map(c -> ":cll=" + c).orElse("");
    }

    /**
     * Decodes {@code file}'s first video frame and reads its HDR side data; {@link #NONE} when it has none or cannot be
     * read (the caller then says the metadata was not kept). Not thread-safe with respect to the file, safe otherwise.
     */
    public static HdrMetadata probe(Path file) {
        FfmpegLog.quiet();
        AVFormatContext format = new AVFormatContext(null);
        AVCodecContext decoder = null;
        AVPacket packet = null;
        AVFrame frame = null;
        try {
            if (avformat.avformat_open_input(format, file.toString(), null, null) < 0) {
                return NONE;
            }
            if (avformat.avformat_find_stream_info(format, (PointerPointer<?>) null) < 0) {
                return NONE;
            }
            int stream = avformat.av_find_best_stream(format, avutil.AVMEDIA_TYPE_VIDEO, -1, -1, (AVCodec) null, 0);
            if (stream < 0) {
                return NONE;
            }
            AVCodecParameters par = format.streams(stream).codecpar();
            AVCodec codec = avcodec.avcodec_find_decoder(par.codec_id());
            if (codec == null) {
                return NONE;
            }
            decoder = avcodec.avcodec_alloc_context3(codec);
            if (avcodec.avcodec_parameters_to_context(decoder, par) < 0
                    || avcodec.avcodec_open2(decoder, codec, (AVDictionary) null) < 0) {
                return NONE;
            }
            packet = avcodec.av_packet_alloc();
            frame = avutil.av_frame_alloc();
            for (int read = 0; read < MAX_PACKETS && avformat.av_read_frame(format, packet) >= 0; read++) {
                boolean ours = packet.stream_index() == stream;
                int sent = ours ? avcodec.avcodec_send_packet(decoder, packet) : -1;
                avcodec.av_packet_unref(packet);
                if (sent >= 0 && avcodec.avcodec_receive_frame(decoder, frame) >= 0) {
                    return of(frame);
                }
            }
            return NONE;
        } catch (RuntimeException | LinkageError e) {
            return NONE;
        } finally {
            if (frame != null) {
                avutil.av_frame_free(frame);
            }
            if (packet != null) {
                avcodec.av_packet_free(packet);
            }
            if (decoder != null) {
                avcodec.avcodec_free_context(decoder);
            }
            avformat.avformat_close_input(format);
        }
    }

    private static HdrMetadata of(AVFrame frame) {
        Optional<String> display = Optional.empty();
        Optional<String> light = Optional.empty();
        AVFrameSideData md = avutil.av_frame_get_side_data(frame, avutil.AV_FRAME_DATA_MASTERING_DISPLAY_METADATA);
        if (md != null) {
            AVMasteringDisplayMetadata m = new AVMasteringDisplayMetadata(md.data());
            if (m.has_primaries() != 0 && m.has_luminance() != 0) {
                // FFmpeg orders the primaries R, G, B; the encoders' notation G, B, R
                display = Optional.of(String.format(Locale.ROOT, "G(%d,%d)B(%d,%d)R(%d,%d)WP(%d,%d)L(%d,%d)",
                        chroma(m.display_primaries(1, 0)), chroma(m.display_primaries(1, 1)),
                        chroma(m.display_primaries(2, 0)), chroma(m.display_primaries(2, 1)),
                        chroma(m.display_primaries(0, 0)), chroma(m.display_primaries(0, 1)),
                        chroma(m.white_point(0)), chroma(m.white_point(1)),
                        luminance(m.max_luminance()), luminance(m.min_luminance())));
            }
        }
        AVFrameSideData cl = avutil.av_frame_get_side_data(frame, avutil.AV_FRAME_DATA_CONTENT_LIGHT_LEVEL);
        if (cl != null) {
            AVContentLightMetadata c = new AVContentLightMetadata(cl.data());
            light = Optional.of(c.MaxCLL() + "," + c.MaxFALL());
        }
        Optional<String> dynamic = avutil.av_frame_get_side_data(frame, avutil.AV_FRAME_DATA_DYNAMIC_HDR_PLUS) != null
                ? Optional.of("HDR10+")
                : avutil.av_frame_get_side_data(frame, avutil.AV_FRAME_DATA_DOVI_METADATA) != null
                        ? Optional.of("Dolby Vision") : Optional.empty();
        return new HdrMetadata(display, light, dynamic);
    }

    private static long chroma(AVRational r) {
        return r.den() == 0 ? 0 : Math.round(50000.0 * r.num() / r.den());
    }

    private static long luminance(AVRational r) {
        return r.den() == 0 ? 0 : Math.round(10000.0 * r.num() / r.den());
    }
}
