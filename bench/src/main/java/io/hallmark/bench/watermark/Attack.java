package io.hallmark.bench.watermark;

import io.hallmark.media.Ffmpeg;
import io.hallmark.media.MediaException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real FFmpeg transformation of a marked video followed by a lossy re-encode, as a platform would do.
 * Re-encodes use x264 "veryfast" unless the attack names another codec (faster benches; slower presets
 * keep more detail, so this is the harsher choice).
 *
 * @param name     short id used in tables
 * @param input    ffmpeg options placed before {@code -i} (e.g. seeking)
 * @param filter   the {@code -vf} filter chain, or null
 * @param codec    output codec options
 * @param ext      output container extension
 */
public record Attack(String name, List<String> input, String filter, List<String> codec, String ext) {
    static List<String> x264(int crf) {
        return List.of("-c:v", "libx264", "-preset", "veryfast", "-crf", Integer.toString(crf), "-pix_fmt", "yuv420p");
    }

    static Attack h264(String name, String filter, int crf) {
        return new Attack(name, List.of(), filter, x264(crf), "mp4");
    }

    /** Keeps the shorter side at {@code px} (even sizes for 4:2:0). */
    static String shortSide(int px) {
        return "scale='if(gt(iw,ih),-2," + px + ")':'if(gt(iw,ih)," + px + ",-2)'";
    }

    /** Every attack of the benchmark, by name, in table order. */
    public static Map<String, Attack> all() {
        Map<String, Attack> m = new LinkedHashMap<>();
        for (Attack a : List.of(
                h264("h264_crf23", null, 23),
                h264("h264_crf28", null, 28),
                h264("h264_crf35", null, 35),
                new Attack("h265_crf28", List.of(), null, List.of("-c:v", "libx265", "-preset", "veryfast", "-crf", "28",
                        "-x265-params", "log-level=error", "-pix_fmt", "yuv420p"), "mp4"),
                new Attack("vp9_crf36", List.of(), null, List.of("-c:v", "libvpx-vp9", "-crf", "36", "-b:v", "0",
                        "-deadline", "realtime", "-cpu-used", "8", "-pix_fmt", "yuv420p"), "webm"),
                h264("scale50_crf28", "scale=trunc(iw/4)*2:trunc(ih/4)*2", 28),
                h264("resize055_crf23", "scale=trunc(iw*0.55/2)*2:trunc(ih*0.55/2)*2", 23),
                h264("crop10each_crf23", "crop=trunc(iw*0.8/2)*2:trunc(ih*0.8/2)*2", 23),
                h264("crop50area_crf23", "crop=trunc(iw*0.7071/2)*2:trunc(ih*0.7071/2)*2:trunc(iw*0.2):trunc(ih*0.1)", 23),
                h264("bright+20_crf23", "lutyuv=y=val*1.2", 23),
                h264("bright-20_crf23", "lutyuv=y=val*0.8", 23),
                h264("contrast0.7_crf23", "eq=contrast=0.7", 23),
                h264("contrast1.3_crf23", "eq=contrast=1.3", 23),
                h264("gamma1.5_crf23", "eq=gamma=1.5", 23),
                h264("saturation0.5_crf23", "eq=saturation=0.5", 23),
                h264("blur1_crf23", "gblur=sigma=1", 23),
                h264("noise8_crf23", "noise=alls=8:allf=t", 23),
                h264("fps24_crf23", "fps=24", 23),
                h264("fps25_crf23", "fps=25", 23),
                h264("drop25pct_crf23", "select='not(eq(mod(n\\,4)\\,1))',setpts=N/FRAME_RATE/TB", 23),
                new Attack("excerpt2s_crf23", List.of("-ss", "1.3"), null,
                        concat(List.of("-t", "2"), x264(23)), "mp4"),
                h264("social_720p_crop5_bright_crf30", shortSide(720)
                        + ",crop=trunc(iw*0.95/2)*2:trunc(ih*0.95/2)*2,eq=brightness=0.06", 30),
                // the watermark-v2 issue's rows: stronger codecs, small copies, and geometry
                h264("h264_crf32", null, 32),
                new Attack("h265_crf30", List.of(), null, List.of("-c:v", "libx265", "-preset", "veryfast", "-crf", "30",
                        "-x265-params", "log-level=error", "-pix_fmt", "yuv420p"), "mp4"),
                new Attack("vp9_crf42", List.of(), null, List.of("-c:v", "libvpx-vp9", "-crf", "42", "-b:v", "0",
                        "-deadline", "realtime", "-cpu-used", "8", "-pix_fmt", "yuv420p"), "webm"),
                new Attack("av1_svt_crf40", List.of(), null, List.of("-c:v", "libsvtav1", "-crf", "40", "-preset", "10",
                        "-pix_fmt", "yuv420p"), "mp4"),
                h264("down360_crf28", shortSide(360), 28),
                h264("rotate0.5_crf23", "rotate=0.5*PI/180", 23),
                h264("rotate1_crf23", "rotate=1*PI/180", 23),
                h264("rotate2_crf23", "rotate=2*PI/180", 23),
                h264("rotate5_crf23", "rotate=5*PI/180", 23),
                h264("hflip_crf23", "hflip", 23),
                h264("stretchx0.9_crf23", "scale=trunc(iw*0.9/2)*2:ih", 23),
                h264("stretchx1.1_crf23", "scale=trunc(iw*1.1/2)*2:ih", 23),
                // a 90 % window drifting right by about one pixel per frame
                h264("movingcrop_crf23", "crop=trunc(iw*0.9/2)*2:trunc(ih*0.9/2)*2:'min(iw-ow,n)':'(ih-oh)/2'", 23))) {
            m.put(a.name(), a);
        }
        return m;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** Applies the attack to {@code source}, writing {@code dir/<prefix>-<name>.<ext>}. */
    public Path apply(Path source, Path dir, String prefix) throws MediaException {
        Path out = dir.resolve(prefix + "-" + name.replaceAll("[^A-Za-z0-9._-]", "_") + "." + ext);
        List<String> args = new ArrayList<>(input);
        args.add("-i");
        args.add(source.toString());
        if (filter != null) {
            args.add("-vf");
            args.add(filter);
        }
        args.addAll(codec);
        args.add("-an");
        args.add(out.toString());
        Ffmpeg.run(900, args);
        return out;
    }
}
