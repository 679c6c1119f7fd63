package io.hallmark.bench.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hallmark.Hallmark;
import io.hallmark.HallmarkConfig;
import io.hallmark.HallmarkHome;
import io.hallmark.bench.watermark.Attack;
import io.hallmark.fingerprint.ContentComparison;
import io.hallmark.generator.GenerationRequest;
import io.hallmark.generator.pipeline.CertifiedVideo;
import io.hallmark.generator.pipeline.Progress;
import io.hallmark.media.Ffmpeg;
import io.hallmark.provenance.store.SoftBindingClient;
import io.hallmark.service.HallmarkService;
import io.hallmark.service.ServiceConfig;
import io.hallmark.verify.Verdict;
import io.hallmark.verify.VerificationReport;
import io.hallmark.verify.Verifier;
import io.hallmark.watermark.CandidateIndex;
import io.hallmark.watermark.DetectionResult;
import io.hallmark.watermark.IdConfirmation;
import io.hallmark.watermark.IdEvidence;
import io.hallmark.watermark.Payload;
import io.hallmark.watermark.WatermarkDetector;
import io.hallmark.watermark.WatermarkKey;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The recovery promise, measured as a newsroom meets it: certified clips, stripped and changed the way platforms and
 * people change them, verified through the three surfaces a user has: {@code verify} with the publisher's key and
 * store, the service's {@code POST /matches/byContent}, and a keyless {@code verify --resolver URL}. Per copy: the
 * right manifest RECOVERED, a wrong manifest, a false MARK_MISMATCH (a genuine copy called a forgery), and whether
 * the surfaces agree; tuning clips and held-out clips apart. Beside it: the false-identification run (every copy's
 * and unmarked clip's ID evidence against many IDs that are not its own) and the cost of recovery against an FFmpeg
 * decode of the same file, in the same run.
 *
 * <p>Writes {@code recovery.md} and {@code recovery.json} in the output folder. Not a test: it takes tens of minutes.
 */
public final class RecoveryBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Seconds of each clip that are certified, by default. */
    public static final double CLIP_SECONDS = 6;

    private RecoveryBenchmark() {}

    /** A clip to certify (a file), or to generate (file null, request set), and whether it may be used for tuning. */
    public record Clip(String name, Path file, GenerationRequest generate, boolean heldOut) {
        public static Clip footage(String name, Path file, boolean heldOut) {
            return new Clip(name, file, null, heldOut);
        }

        public static Clip generated(String name, GenerationRequest request) {
            return new Clip(name, null, request, true);
        }
    }

    /**
     * The attacks the recovery issue names: x264/x265/VP9 at high CRF, 0.5x and 360p downscales, crops, a 9:16
     * portrait crop, colour changes, a 2 degree rotation, a mirror and social chains.
     */
    public static List<Attack> newsroomAttacks() {
        Map<String, Attack> all = Attack.all();
        List<Attack> out = new ArrayList<>();
        for (String name : List.of("h264_crf32", "h264_crf35", "h265_crf30", "vp9_crf42", "scale50_crf28",
                "down360_crf28", "crop10each_crf23", "crop50area_crf23", "contrast0.7_crf23", "gamma1.5_crf23",
                "saturation0.5_crf23", "rotate2_crf23", "hflip_crf23", "social_720p_crop5_bright_crf30")) {
            out.add(all.get(name));
        }
        out.add(new Attack("portrait916_crf28", List.of(), "crop=ih*9/16:ih,scale=540:960",
                List.of("-c:v", "libx264", "-preset", "veryfast", "-crf", "28", "-pix_fmt", "yuv420p"), "mp4"));
        // a clip passed on twice: a platform's 720p copy, then a messenger's 480p re-encode of that
        out.add(new Attack("social_chain_480p", List.of(), "scale=-2:720,eq=saturation=1.1,scale=-2:480,fps=25",
                List.of("-c:v", "libx264", "-preset", "veryfast", "-crf", "32", "-pix_fmt", "yuv420p"), "mp4"));
        return out;
    }

    /** One surface's answer for one copy. */
    /** A marked copy's ID evidence, the ID it carries, and which clip and attack made it. */
    private record MarkedCopy(IdEvidence evidence, Payload truth, String where) {
    }

    private record Answer(String verdict, String manifestId, double seconds) {
        String outcome(String truth) {
            if (verdict.equals("RECOVERED")) {
                return truth.equals(manifestId) ? "right" : "wrong";
            }
            return verdict.equals("MARK_MISMATCH") ? "falseMismatch" : verdict;
        }
    }

    /** Counts per row of a table. */
    private static final class Tally {
        int copies;
        final int[] right = new int[3];
        final int[] wrong = new int[3];
        final int[] falseMismatch = new int[3];
        int agree;
        int confirmed;
    }

    /**
     * @param out                 output folder (a publisher home, the clips and the tables go there)
     * @param clips               clips to certify or generate
     * @param attacks             attacks applied to each
     * @param falseIdCandidates   wrong IDs each copy's evidence is confirmed against (0 for none)
     * @param clipSeconds         seconds of each footage clip that are certified
     * @return 0 when no copy got a wrong manifest or a false MARK_MISMATCH and nothing was falsely identified, else 1
     */
    public static int run(Path out, List<Clip> clips, List<Attack> attacks, int falseIdCandidates, double clipSeconds,
                          PrintStream log) throws Exception {
        Files.createDirectories(out);
        Path work = Files.createDirectories(out.resolve("work"));
        HallmarkHome publisherHome = new HallmarkHome(Files.createDirectories(out.resolve("home-" + System.nanoTime())));
        HallmarkConfig publisherConfig = HallmarkConfig.of(publisherHome);
        Map<Clip, CertifiedVideo> certified = new LinkedHashMap<>();
        Map<Clip, Path> sources = new LinkedHashMap<>();
        ObjectNode json = JSON.createObjectNode();
        ArrayNode rows = json.putArray("copies");
        Map<String, Tally> byAttack = new LinkedHashMap<>();
        Map<String, Tally> byClip = new LinkedHashMap<>();
        Tally[] total = {new Tally(), new Tally()}; // tuning, held out
        List<Double> recoveryRatio = new ArrayList<>();
        List<Double> byContentRatio = new ArrayList<>();
        List<MarkedCopy> markedCopies = new ArrayList<>();
        try (Hallmark publisher = Hallmark.open(publisherConfig)) {
            WatermarkKey key = publisher.watermarkKey();
            for (Clip c : clips) {
                Path certifiedFile = work.resolve("cert-" + c.name() + ".mp4");
                CertifiedVideo v;
                if (c.file() != null) {
                    Path trimmed = work.resolve("src-" + c.name() + "-" + clipSeconds + "s.mp4");
                    if (!Files.exists(trimmed)) {
                        Ffmpeg.run(600, "-i", c.file().toString(), "-t", Double.toString(clipSeconds), "-vf",
                                "scale='min(1920,iw)':-2,scale=trunc(iw/2)*2:trunc(ih/2)*2", "-c:v", "libx264",
                                "-preset", "veryfast", "-crf", "16", "-pix_fmt", "yuv420p", "-an", trimmed.toString());
                    }
                    sources.put(c, trimmed);
                    v = publisher.certify(trimmed, certifiedFile, "bench-model", "1", Progress.NONE);
                } else {
                    v = publisher.generate(c.generate(), certifiedFile);
                }
                certified.put(c, v);
                log.printf("certified %s (%s): ID %s, manifest %s%n", c.name(), c.heldOut() ? "held out" : "tuning",
                        v.payloadHex(), v.manifestId());
            }
            ServiceConfig serviceConfig = ServiceConfig.DEFAULT.listeningOn("127.0.0.1", 0).withAnalysis(1, 64)
                    .withRateLimit(1_000_000).withRequestTimeout(Duration.ofMinutes(10));
            HallmarkHome keylessHome = new HallmarkHome(Files.createDirectories(out.resolve("home-keyless-" + System.nanoTime())));
            try (HallmarkService service = HallmarkService.start(serviceConfig, publisherConfig);
                 Verifier local = publisher.newVerifier(1);
                 Hallmark newsroom = Hallmark.open(HallmarkConfig.of(keylessHome).withResolvers(List.of(service.url())));
                 Verifier keyless = newsroom.newVerifier(1)) {
                SoftBindingClient byContent = new SoftBindingClient(service.url(), Duration.ofMinutes(10), 1 << 20, 16 << 20);
                for (Map.Entry<Clip, CertifiedVideo> e : certified.entrySet()) {
                    Clip c = e.getKey();
                    String truth = e.getValue().manifestId();
                    for (Attack a : attacks) {
                        Path copy = a.apply(e.getValue().file(), work, "copy-" + c.name());
                        double decode = decodeSeconds(copy);
                        long t0 = System.nanoTime();
                        VerificationReport r = local.verify(copy);
                        double localSeconds = (System.nanoTime() - t0) / 1e9;
                        Answer viaStore = new Answer(r.verdict().name(), r.recoveredManifestId().orElse(""), localSeconds);
                        t0 = System.nanoTime();
                        String found = "";
                        String foundVerdict = "NO_MATCH";
                        try {
                            Optional<SoftBindingClient.ContentMatch> m = byContent.findByContent(copy, 3).stream()
                                    .filter(x -> x.method().equals("watermark") || x.method().equals("store-assisted"))
                                    .findFirst();
                            if (m.isPresent()) {
                                // what a client does with the answer: the resolver's own content check decides
                                found = m.get().manifestId();
                                foundVerdict = switch (m.get().contentCheck().orElse(ContentComparison.Decision.MATCH)) {
                                    case MATCH -> "RECOVERED";
                                    case MISMATCH -> "MARK_MISMATCH";
                                    case INCONCLUSIVE -> "WATERMARK_ONLY";
                                };
                            }
                        } catch (java.io.IOException ex) {
                            foundVerdict = "ERROR";
                            log.println("  byContent failed for " + copy.getFileName() + ": " + ex.getMessage());
                        }
                        Answer viaService = new Answer(foundVerdict, found, (System.nanoTime() - t0) / 1e9);
                        t0 = System.nanoTime();
                        VerificationReport k = keyless.verify(copy);
                        Answer viaResolver = new Answer(k.verdict().name(), k.recoveredManifestId().orElse(""),
                                (System.nanoTime() - t0) / 1e9);
                        Answer[] answers = {viaStore, viaService, viaResolver};
                        boolean agree = viaStore.outcome(truth).equals("right") == viaService.outcome(truth).equals("right")
                                && viaStore.outcome(truth).equals("right") == viaResolver.outcome(truth).equals("right");
                        boolean confirmed = r.watermark().map(DetectionResult::idConfirmed).orElse(false);
                        for (Tally t : List.of(byAttack.computeIfAbsent(a.name(), n -> new Tally()),
                                byClip.computeIfAbsent(c.name(), n -> new Tally()), total[c.heldOut() ? 1 : 0])) {
                            t.copies++;
                            for (int s = 0; s < 3; s++) {
                                String o = answers[s].outcome(truth);
                                t.right[s] += o.equals("right") ? 1 : 0;
                                t.wrong[s] += o.equals("wrong") ? 1 : 0;
                                t.falseMismatch[s] += o.equals("falseMismatch") ? 1 : 0;
                            }
                            t.agree += agree ? 1 : 0;
                            t.confirmed += confirmed ? 1 : 0;
                        }
                        if (viaStore.outcome(truth).equals("right")) {
                            recoveryRatio.add(localSeconds / decode);
                        }
                        if (viaService.outcome(truth).equals("right")) {
                            byContentRatio.add(viaService.seconds() / decode);
                        }
                        r.watermark().ifPresent(d -> {
                            markedCopies.add(new MarkedCopy(d.idEvidence(), Payload.fromHex(e.getValue().payloadHex()),
                                    c.name() + " / " + a.name()));
                        });
                        ObjectNode row = rows.addObject().put("clip", c.name()).put("heldOut", c.heldOut())
                                .put("attack", a.name()).put("verify", viaStore.outcome(truth))
                                .put("byContent", viaService.outcome(truth)).put("resolver", viaResolver.outcome(truth))
                                .put("agree", agree).put("idObtained", r.watermark().map(d -> d.payload().isEmpty() ? "none"
                                        : d.idConfirmed() ? "confirmed" : "read").orElse("none"))
                                .put("decodeSeconds", decode).put("verifySeconds", localSeconds)
                                .put("byContentSeconds", viaService.seconds()).put("resolverSeconds", viaResolver.seconds());
                        r.contentCheck().ifPresent(cc -> row.put("contentCheck", cc.decision().name())
                                .put("similarity", cc.similarity()).put("alignedDistance", cc.alignedDistance())
                                .put("registration", cc.registration()));
                        log.printf("%-28s %-34s verify %-13s byContent %-13s resolver %-13s id %-9s %.1fs (decode %.2fs)%n",
                                c.name(), a.name(), viaStore.outcome(truth), viaService.outcome(truth),
                                viaResolver.outcome(truth), row.path("idObtained").asText(), localSeconds, decode);
                        Files.deleteIfExists(copy);
                    }
                }
            }
            // False identification: each copy's evidence, and unmarked clips', against IDs that are not theirs.
            long falseConfirmations = 0;
            long tested = 0;
            List<String> falseWhere = new ArrayList<>();
            if (falseIdCandidates > 0) {
                Random random = new Random(20261205);
                List<Payload> wrong = new ArrayList<>(falseIdCandidates);
                for (int i = 0; i < falseIdCandidates; i++) {
                    wrong.add(new Payload(random.nextLong()));
                }
                CandidateIndex index = new CandidateIndex(key, wrong);
                for (MarkedCopy m : markedCopies) {
                    Optional<IdConfirmation.Confirmed> c = IdConfirmation.confirm(m.evidence(), index,
                            IdConfirmation.DEFAULT_FALSE_IDENTIFICATION);
                    if (c.isPresent() && !c.get().payload().equals(m.truth())) {
                        falseConfirmations++;
                        falseWhere.add(m.where() + String.format(" (T %.2f)", c.get().score()));
                    }
                    tested += falseIdCandidates;
                }
                int unmarked = 0;
                for (Path source : sources.values()) {
                    for (Attack a : List.of(Attack.all().get("h264_crf23"), Attack.all().get("scale50_crf28"),
                            Attack.all().get("hflip_crf23"))) {
                        Path copy = a.apply(source, work, "unmarked");
                        DetectionResult d = WatermarkDetector.detect(copy, key);
                        Optional<IdConfirmation.Confirmed> c = IdConfirmation.confirm(d.idEvidence(), index,
                                IdConfirmation.DEFAULT_FALSE_IDENTIFICATION);
                        if (c.isPresent()) {
                            falseConfirmations++;
                            falseWhere.add(source.getFileName() + " unmarked / " + a.name()
                                    + String.format(" (T %.2f)", c.get().score()));
                        }
                        tested += falseIdCandidates;
                        unmarked++;
                        Files.deleteIfExists(copy);
                    }
                }
                com.fasterxml.jackson.databind.node.ObjectNode falseId = json.putObject("falseIdentification");
                falseId.put("markedCopies", markedCopies.size()).put("unmarkedCopies", unmarked)
                        .put("wrongCandidatesEach", falseIdCandidates).put("wrongCandidatesTested", tested)
                        .put("falseConfirmations", falseConfirmations);
                falseWhere.forEach(falseId.putArray("falselyConfirmedCopies")::add);
            }
            StringBuilder md = new StringBuilder("# Recovery benchmark\n\n");
            md.append(String.format("%d clips (%d held out) x %d attacks; surfaces: `verify` with the publisher's key and "
                            + "store, the service's `byContent`, keyless `verify --resolver`.%n%n",
                    clips.size(), clips.stream().filter(Clip::heldOut).count(), attacks.size()));
            md.append("| set | copies | verify: right | byContent: right | --resolver: right | wrong manifest (any) | false MARK_MISMATCH (any) | surfaces agree | ID confirmed |\n|---|---|---|---|---|---|---|---|---|\n");
            String[] setNames = {"tuning", "held out"};
            for (int s = 0; s < 2; s++) {
                row(md, setNames[s], total[s]);
            }
            md.append("\n## Per attack (all clips)\n\n| attack | copies | verify | byContent | --resolver | wrong | false mismatch | agree | confirmed |\n|---|---|---|---|---|---|---|---|---|\n");
            byAttack.forEach((n, t) -> row(md, n, t));
            md.append("\n## Per clip\n\n| clip | copies | verify | byContent | --resolver | wrong | false mismatch | agree | confirmed |\n|---|---|---|---|---|---|---|---|---|\n");
            byClip.forEach((n, t) -> row(md, n, t));
            md.append(String.format("%n## Cost against an FFmpeg decode of the same file (same run)%n%n"
                            + "- `verify` (stripped copy -> RECOVERED), median: %.2fx the decode (%d copies)%n"
                            + "- `byContent`, median: %.2fx the decode (%d copies)%n",
                    median(recoveryRatio), recoveryRatio.size(), median(byContentRatio), byContentRatio.size()));
            if (json.has("falseIdentification")) {
                md.append(String.format("%n## False identification%n%n%d wrong IDs tested (%d random IDs against each of %d "
                                + "marked copies and %d unmarked ones): %d confirmed.%n", tested, falseIdCandidates,
                        markedCopies.size(), json.path("falseIdentification").path("unmarkedCopies").asInt(), falseConfirmations));
                falseWhere.forEach(w -> md.append("- confirmed wrongly: ").append(w).append('\n'));
            }
            Files.writeString(out.resolve("recovery.md"), md);
            JSON.writerWithDefaultPrettyPrinter().writeValue(out.resolve("recovery.json").toFile(), json);
            log.println();
            log.print(md);
            int wrongAny = total[0].wrong[0] + total[1].wrong[0] + total[0].wrong[1] + total[1].wrong[1]
                    + total[0].wrong[2] + total[1].wrong[2];
            int mismatchAny = total[0].falseMismatch[0] + total[1].falseMismatch[0] + total[0].falseMismatch[2]
                    + total[1].falseMismatch[2];
            return wrongAny == 0 && mismatchAny == 0 && falseConfirmations == 0 ? 0 : 1;
        }
    }

    private static void row(StringBuilder md, String name, Tally t) {
        md.append(String.format("| %s | %d | %s | %s | %s | %d | %d | %s | %d |%n", name, t.copies, pct(t.right[0], t.copies),
                pct(t.right[1], t.copies), pct(t.right[2], t.copies), t.wrong[0] + t.wrong[1] + t.wrong[2],
                t.falseMismatch[0] + t.falseMismatch[2], pct(t.agree, t.copies), t.confirmed));
    }

    private static String pct(int n, int of) {
        return of == 0 ? "-" : String.format("%d (%.0f %%)", n, 100.0 * n / of);
    }

    private static double median(List<Double> v) {
        if (v.isEmpty()) {
            return Double.NaN;
        }
        List<Double> s = new ArrayList<>(v);
        s.sort(Double::compare);
        return s.get(s.size() / 2);
    }

    /** Seconds FFmpeg takes to decode every frame of {@code file}, process start included, on every core it wants. */
    static double decodeSeconds(Path file) throws Exception {
        long t0 = System.nanoTime();
        Ffmpeg.run(600, "-i", file.toString(), "-f", "null", "-");
        return (System.nanoTime() - t0) / 1e9;
    }
}
