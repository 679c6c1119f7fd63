package io.hallmark.bench.watermark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hallmark.media.Ffmpeg;
import io.hallmark.media.OutputFiles;
import io.hallmark.media.VideoReader;
import io.hallmark.watermark.DetectionResult;
import io.hallmark.watermark.Payload;
import io.hallmark.watermark.WatermarkDetector;
import io.hallmark.watermark.WatermarkKey;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The keyless attacks of the watermark threat model (docs/watermark.md, "Security"), scripted: whoever holds
 * marked videos but not the key tries to
 * <ul>
 *   <li><b>remove</b> the mark from one video with an estimate made from that video alone;</li>
 *   <li><b>forge</b> it, with the victim's ID, onto other, unmarked footage (the copy attack);</li>
 *   <li><b>collude</b>: remove it from a video never analysed, with the mean of the estimates from
 *       {@value #COLLUDERS} other videos marked with the same key (other IDs).</li>
 * </ul>
 * Each runs over a sweep of strengths, given as the PSNR-Y of the change against the video it is applied to
 * ({@link #PSNR_SWEEP}); the table says at which it succeeds, the summary the highest PSNR-Y (the least
 * visible change) at which it does, or that it never does down to 38 dB. Estimation, removal and forgery are
 * {@link CopyAttack}'s. Geometric attacks are rows of the robustness benchmark ({@link Attack#all()}).
 * Every run draws a fresh random key and fresh IDs.
 */
public final class SecuritySuite {
    /** Strengths tried, as PSNR-Y of the attacker's change (dB), least visible first. */
    public static final double[] PSNR_SWEEP = {52, 48, 45, 42, 40, 38};
    static final int COLLUDERS = 4;
    static final double SECONDS = 3;

    private SecuritySuite() {}

    /** One attempt: what was done, at which PSNR-Y, and what the detector then said. */
    record Row(String attack, String source, String target, double targetPsnr, double psnr, boolean detected,
               boolean idRead, double z) {
        /** Removal succeeds when the mark is no longer found; forgery when the victim's ID reads. */
        boolean succeeded() {
            return attack.equals("forge") ? idRead : !detected;
        }
    }

    /**
     * Runs the suite on {@code clips} (at least 2; {@value #COLLUDERS} + 1 of one frame size for collusion)
     * and writes {@code out/security.md} and {@code out/security.json}.
     */
    public static void run(Path out, List<Path> clips, PrintStream log) throws IOException {
        if (clips.size() < 2) {
            throw new IllegalArgumentException("the security suite needs at least 2 clips");
        }
        Path work = Files.createDirectories(out.resolve("security-work"));
        WatermarkKey key = WatermarkKey.fromBytes(randomKey());
        List<Payload> payloads = new ArrayList<>();
        List<Path> marked = new ArrayList<>();
        List<Path> plain = new ArrayList<>();
        for (Path clip : clips) {
            String name = name(clip);
            Payload p = Payload.random();
            Path m = work.resolve(name + "-marked.mp4");
            CopyAttack.mark(clip, m, key, p, SECONDS);
            Path u = work.resolve(name + "-plain.mp4");
            Ffmpeg.run(300, "-i", clip.toString(), "-t", Double.toString(SECONDS), "-vf", "crop=trunc(iw/2)*2:trunc(ih/2)*2:0:0",
                    "-c:v", "libx264", "-preset", "veryfast", "-crf", "18", "-an", "-y", u.toString());
            payloads.add(p);
            marked.add(m);
            plain.add(u);
            log.println("marked " + name);
        }
        List<Row> rows = new ArrayList<>();
        int sources = Math.min(2, clips.size());
        for (int s = 0; s < sources; s++) {
            CopyAttack.Estimate e = CopyAttack.estimate(marked.get(s));
            for (double psnr : PSNR_SWEEP) {
                Path removed = work.resolve("removed.mp4");
                double got = CopyAttack.remove(e, marked.get(s), removed, psnr);
                rows.add(row("remove", name(clips.get(s)), name(clips.get(s)), psnr, got, removed, key, payloads.get(s), log));
            }
            int target = (s + 1) % clips.size();
            for (double psnr : PSNR_SWEEP) {
                Path forged = work.resolve("forged.mp4");
                double got = CopyAttack.forge(e, plain.get(target), forged, psnr);
                rows.add(row("forge", name(clips.get(s)), name(clips.get(target)), psnr, got, forged, key, payloads.get(s), log));
            }
        }
        collude(clips, marked, payloads, key, work, rows, log);
        write(out, rows, log);
    }

    /** The first frame size shared by COLLUDERS + 1 clips: the mean of the first COLLUDERS' estimates, applied to the last. */
    private static void collude(List<Path> clips, List<Path> marked, List<Payload> payloads, WatermarkKey key, Path work,
                                List<Row> rows, PrintStream log) throws IOException {
        List<Integer> group = new ArrayList<>();
        List<CopyAttack.Estimate> estimates = new ArrayList<>();
        int[] size = null;
        for (int i = 0; i < clips.size() && group.size() <= COLLUDERS; i++) {
            int[] s;
            try (VideoReader reader = VideoReader.open(marked.get(i))) {
                s = new int[] {reader.info().width(), reader.info().height()};
            }
            if (size == null || (s[0] == size[0] && s[1] == size[1])) {
                size = size == null ? s : size;
                group.add(i);
            }
        }
        if (group.size() < COLLUDERS + 1) {
            log.println("collusion: fewer than " + (COLLUDERS + 1) + " clips of one size; left out");
            return;
        }
        for (int i = 0; i < COLLUDERS; i++) {
            estimates.add(CopyAttack.estimate(marked.get(group.get(i))));
        }
        CopyAttack.Estimate mean = CopyAttack.mean(estimates);
        int victim = group.get(COLLUDERS);
        for (double psnr : PSNR_SWEEP) {
            Path removed = work.resolve("colluded.mp4");
            double got = CopyAttack.remove(mean, marked.get(victim), removed, psnr);
            rows.add(row("collude-remove", COLLUDERS + " others", name(clips.get(victim)), psnr, got, removed, key,
                    payloads.get(victim), log));
        }
    }

    private static Row row(String attack, String source, String target, double targetPsnr, double psnr, Path file,
                           WatermarkKey key, Payload id, PrintStream log) throws IOException {
        DetectionResult r = WatermarkDetector.detect(file, key);
        Row row = new Row(attack, source, target, targetPsnr, psnr, r.detected(),
                r.payload().map(id::equals).orElse(false), r.syncScore());
        log.printf(Locale.ROOT, "%-15s %-28s -> %-28s PSNR-Y %5.1f dB: detected %-5s ID %-5s z %5.2f%s%n", attack, source,
                target, psnr, r.detected(), row.idRead(), r.syncScore(), row.succeeded() ? "  (attack succeeds)" : "");
        return row;
    }

    private static void write(Path out, List<Row> rows, PrintStream log) throws IOException {
        StringBuilder md = new StringBuilder("### Keyless attacks (fresh random key; PSNR-Y of the attacker's change)\n\n"
                + "| attack | from | onto / from | target PSNR-Y | PSNR-Y | mark detected | ID read | z | attack succeeds |\n"
                + "|---|---|---|---|---|---|---|---|---|\n");
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        ArrayNode array = root.putArray("rows");
        for (Row r : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.0f | %.2f | %s | %s | %.2f | %s |%n", r.attack(),
                    r.source(), r.target(), r.targetPsnr(), r.psnr(), r.detected() ? "yes" : "no", r.idRead() ? "yes" : "no",
                    r.z(), r.succeeded() ? "**yes**" : "no"));
            ObjectNode o = array.addObject();
            o.put("attack", r.attack());
            o.put("source", r.source());
            o.put("target", r.target());
            o.put("targetPsnrDb", r.targetPsnr());
            o.put("psnrDb", r.psnr());
            o.put("detected", r.detected());
            o.put("idRead", r.idRead());
            o.put("z", r.z());
            o.put("succeeded", r.succeeded());
        }
        md.append("\n### Summary: the least visible change at which each attack succeeds\n\n| attack | from | onto | highest PSNR-Y at which it succeeds |\n|---|---|---|---|\n");
        ArrayNode summary = root.putArray("summary");
        List<String> seen = new ArrayList<>();
        for (Row r : rows) {
            String k = r.attack() + "|" + r.source() + "|" + r.target();
            if (seen.contains(k)) {
                continue;
            }
            seen.add(k);
            Double best = null;
            for (Row q : rows) {
                if ((q.attack() + "|" + q.source() + "|" + q.target()).equals(k) && q.succeeded()
                        && (best == null || q.psnr() > best)) {
                    best = q.psnr();
                }
            }
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", r.attack(), r.source(), r.target(),
                    best == null ? "never, down to " + PSNR_SWEEP[PSNR_SWEEP.length - 1] + " dB" : String.format(Locale.ROOT, "%.1f dB", best)));
            ObjectNode o = summary.addObject();
            o.put("attack", r.attack());
            o.put("source", r.source());
            o.put("target", r.target());
            if (best == null) {
                o.putNull("highestSucceedingPsnrDb");
            } else {
                o.put("highestSucceedingPsnrDb", best);
            }
        }
        Files.createDirectories(out);
        OutputFiles.writeString(out.resolve("security.md"), md.toString());
        OutputFiles.writeString(out.resolve("security.json"), json.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        log.print(md);
    }

    private static String name(Path clip) {
        return clip.getFileName().toString().replaceAll("\\.[^.]*$", "");
    }

    private static byte[] randomKey() {
        byte[] b = new byte[WatermarkKey.LENGTH];
        new java.security.SecureRandom().nextBytes(b);
        return b;
    }
}
