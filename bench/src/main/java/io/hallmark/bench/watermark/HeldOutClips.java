package io.hallmark.bench.watermark;

import io.hallmark.media.Ffmpeg;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Footage of kinds ../shared/clips lacks, kept out of every tuning run: still photographs (testdata/heldout,
 * CC0 and public domain, see its CREDITS.md) set in motion by FFmpeg (handheld shake, pans, a slow zoom, a
 * tripod shot, sensor noise, a night exposure) and scenes FFmpeg draws itself (a scrolling text screen, a
 * flat-colour animation); sizes from 360p to 4K, portrait included. Each clip is 6 s, x264 CRF 16, made
 * once and kept in the output folder.
 */
public final class HeldOutClips {
    private HeldOutClips() {}

    /** One clip: name, input arguments for FFmpeg, filter chain. */
    private record Recipe(String name, List<String> input, String filter) {}

    static final double SECONDS = 6;
    static final String FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    static final String TEXT = "/usr/share/common-licenses/GPL-3";

    /**
     * Makes (or reuses) the clips in {@code dir} from the images in {@code images}. The text screen needs
     * the DejaVu font and a licence text from Debian; without them it is left out, and said so on {@code log}.
     */
    public static List<Path> make(Path images, Path dir, java.io.PrintStream log) throws IOException {
        Files.createDirectories(dir);
        List<Recipe> recipes = new ArrayList<>(List.of(
                still("face-handheld-720p", images.resolve("astronaut.png"),
                        "scale=1440:1440,crop=1280:720:x='80+40*sin(2*PI*t*0.7)+12*sin(2*PI*t*3.1)'"
                                + ":y='360+30*sin(2*PI*t*0.5)+10*sin(2*PI*t*2.3)',noise=alls=5:allf=t"),
                still("night-pan-1080p", images.resolve("hubble_deep_field.jpg"),
                        "scale=2400:-2,crop=1920:1080:x='60*t':y=300,eq=brightness=-0.12:gamma=0.8,noise=alls=7:allf=t"),
                still("tripod-cat-480p", images.resolve("chelsea.png"),
                        "scale=720:480,crop=640:480:40:0,noise=alls=3:allf=t"),
                still("portrait-coffee-720x1280", images.resolve("coffee.png"),
                        "scale=-2:1400,crop=720:1280:x='100+20*t':y=60,noise=alls=4:allf=t"),
                still("rocket-360p", images.resolve("rocket.jpg"),
                        "scale=800:-2,crop=640:360:x='20*t':y='60+5*sin(2*PI*t)',noise=alls=4:allf=t"),
                still("grass-4k", images.resolve("grass.png"),
                        "scale=4096:4096,crop=3840:2160:x='30*t':y='40*t',noise=alls=4:allf=t"),
                still("camera-zoom-bw-480p", images.resolve("camera.png"),
                        "scale=1024:1024,zoompan=z='1+0.004*on':x='iw/2-(iw/zoom/2)':y='ih/2-(ih/zoom/2)':d=1:s=854x480:fps=30,"
                                + "noise=alls=4:allf=t"),
                still("retina-dark-540p", images.resolve("retina.jpg"),
                        "scale=1200:-2,crop=960:540:x='120+15*sin(2*PI*t*0.3)':y=330,noise=alls=3:allf=t"),
                new Recipe("animation-flat-540p", List.of("-f", "lavfi", "-i", "color=c=0x3070c0:s=960x540:r=30"),
                        "drawbox=x='100+200*sin(t)':y=150:w=220:h=160:color=0xf0c020:t=fill,"
                                + "drawbox=x='500+120*cos(1.3*t)':y='300+60*sin(2*t)':w=180:h=180:color=0xe04040:t=fill,"
                                + "drawbox=x=0:y=440:w=960:h=100:color=0x40a040:t=fill")));
        if (Files.isRegularFile(Path.of(FONT)) && Files.isRegularFile(Path.of(TEXT))) {
            recipes.add(new Recipe("screen-text-720p", List.of("-f", "lavfi", "-i", "color=c=white:s=1280x720:r=30"),
                    "drawtext=fontfile=" + FONT + ":textfile=" + TEXT + ":fontsize=18:fontcolor=black:x=40:y='h-80*t-200'"));
        } else {
            log.println("held-out clips: no " + FONT + " or " + TEXT + ": the scrolling text screen is left out "
                    + "(apt-get install fonts-dejavu-core base-files)");
        }
        List<Path> out = new ArrayList<>();
        for (Recipe r : recipes) {
            Path f = dir.resolve(r.name() + ".mp4");
            if (!Files.exists(f)) {
                Path tmp = dir.resolve(r.name() + ".part.mp4");
                List<String> args = new ArrayList<>(r.input());
                args.addAll(List.of("-t", Double.toString(SECONDS), "-vf", r.filter() + ",format=yuv420p", "-r", "30",
                        "-c:v", "libx264", "-preset", "veryfast", "-crf", "16", "-an", "-y", tmp.toString()));
                Ffmpeg.run(600, args);
                Files.move(tmp, f);
            }
            out.add(f);
        }
        return out;
    }

    private static Recipe still(String name, Path image, String filter) {
        return new Recipe(name, List.of("-loop", "1", "-framerate", "30", "-i", image.toString()), filter);
    }
}
