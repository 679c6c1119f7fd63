package io.hallmark.cli;

import io.hallmark.Credential;
import io.hallmark.HallmarkHome;
import io.hallmark.bench.generator.GeneratorBenchmark;
import io.hallmark.bench.provenance.SignBenchmark;
import io.hallmark.watermark.EmbedOptions;
import io.hallmark.bench.watermark.WatermarkBenchmark;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks that print their figures and ratios against a peer measured in the same run.",
        subcommands = {BenchCommand.Watermark.class, BenchCommand.Generator.class, BenchCommand.Sign.class,
            BenchCommand.Scan.class, BenchCommand.Pipeline.class, BenchCommand.Binding.class, BenchCommand.Recovery.class, BenchCommand.Service.class,
            BenchCommand.Store.class, BenchCommand.Fingerprint.class, BenchCommand.Fidelity.class})
final class BenchCommand extends ParentCommand {

    @Command(name = "watermark", mixinStandardHelpOptions = true,
            description = {"Robustness, quality and speed of the watermark: clip x attack table (bit accuracy, exact payload,",
                "p-value, PSNR-Y, SSIM, embed/detect fps, ratio vs a plain transcode). Writes markdown + JSON + PNGs."})
    static final class Watermark implements Callable<Integer> {
        @Parameters(arity = "0..*", paramLabel = "CLIP", description = "Clips (default: every clip in ../shared/clips).")
        List<Path> clips = List.of();

        @Option(names = "--out", defaultValue = "bench-out/watermark", description = "Output folder (default: ${DEFAULT-VALUE}).")
        Path out;

        @Option(names = "--strength", paramLabel = "S",
                description = "Embedding strength: scales the texture-masked amplitude and the SSIM budget (default: ${DEFAULT-VALUE}).")
        double strength = EmbedOptions.DEFAULT.strength();

        @Option(names = "--min-psnr", paramLabel = "DB",
                description = "Per-frame PSNR-Y floor of the marked frames (default: ${DEFAULT-VALUE}).")
        double minPsnr = EmbedOptions.DEFAULT.minPsnrDb();

        @Option(names = "--dwtdct",
                description = "Also run invisible-watermark's dwtDct (python3, pip invisible-watermark) on the same clips and attacks: "
                        + "a side-by-side table. Slow (about 0.1 s per frame in python).")
        boolean dwtDct;

        @Option(names = "--rivagan",
                description = {"Also run RivaGAN, the learned watermark whose ONNX models ship in invisible-watermark 0.2.0 (python3,",
                    "pip install invisible-watermark==0.2.0 onnxruntime), on the same clips and attacks, at its own strength and",
                    "with its residual scaled to our PSNR-Y: a side-by-side table. Slow (about 1-3 s per frame on a CPU)."})
        boolean rivaGan;

        @Option(names = "--seconds", paramLabel = "S",
                description = "Seconds marked and attacked from the start of each clip (default: ${DEFAULT-VALUE}).")
        double seconds = WatermarkBenchmark.Config.defaults().seconds();

        @Option(names = "--attacks", split = ",", paramLabel = "NAME,...",
                description = "Only these attack rows (default: all of them, unattacked first).")
        List<String> attacks = List.of();

        @Option(names = "--held-out",
                description = {"Run on the held-out footage instead of ../shared/clips: photographs from testdata/heldout set in motion",
                    "by FFmpeg (handheld, night, tripod, portrait, 360p, 4K, zoom) plus a text screen and a flat animation, made",
                    "once into OUT/clips. Never used for tuning; report it apart."})
        boolean heldOut;

        @Option(names = "--security",
                description = {"Instead of the robustness table: the keyless attacks (removal with an estimate from the video itself,",
                    "the copy attack onto other footage, collusion of 4 videos marked with the same key), each over a sweep",
                    "of strengths; writes OUT/security.md and .json with the least visible change at which each succeeds.",
                    "Clips: the 1280x720 clips of ../shared/clips, then the held-out ones (5 of one size are needed for collusion)."})
        boolean security;

        @Override
        public Integer call() throws Exception {
            if (security) {
                List<Path> chosen = clips.isEmpty() ? securityClips(out.resolve("clips")) : clips;
                io.hallmark.bench.watermark.SecuritySuite.run(out, chosen, new PrintStream(System.out, true));
                return 0;
            }
            List<Path> inputs = !clips.isEmpty() ? clips
                    : heldOut ? io.hallmark.bench.watermark.HeldOutClips.make(
                            heldOutImages(), out.resolve("clips"), System.out)
                    : sharedClips();
            WatermarkBenchmark.Config config = WatermarkBenchmark.Config.defaults()
                    .withEmbed(new EmbedOptions(strength, minPsnr)).withSeconds(seconds);
            if (!attacks.isEmpty()) {
                config = config.withAttacks(attacks);
            }
            if (dwtDct) {
                config = config.withDwtDct();
            }
            if (rivaGan) {
                config = config.withRivaGan();
            }
            return WatermarkBenchmark.run(out, inputs, new PrintStream(System.out, true), config);
        }
    }

    @Command(name = "generator", mixinStandardHelpOptions = true,
            description = "Frames per second of each generator backend at 480p, 720p and 1080p.")
    static final class Generator implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            return GeneratorBenchmark.run(new PrintStream(System.out, true));
        }
    }

    @Command(name = "pipeline", mixinStandardHelpOptions = true,
            description = "The whole generate -> watermark -> encode -> sign pass against generation alone, 480p-1080p.")
    static final class Pipeline implements Callable<Integer> {
        @Option(names = "--work", defaultValue = "bench-out/pipeline", description = "Scratch folder (default: ${DEFAULT-VALUE}).")
        Path work;

        @Mixin
        HomeOption home;

        @Override
        public Integer call() throws Exception {
            HallmarkHome h = home.resolve();
            return io.hallmark.bench.generator.PipelineBenchmark.run(Credential.development().open(h),
                    io.hallmark.watermark.WatermarkKey.loadOrCreate(h.watermarkKey()), work, new PrintStream(System.out, true));
        }
    }

    @Command(name = "fidelity", mixinStandardHelpOptions = true,
            description = {"Whether certify keeps what the publisher made: one clip made into 8-bit BT.709 H.264, 10-bit HLG "
                    + "HEVC, PQ HEVC with HDR10 metadata, VP9 WebM and full-range H.264, each certified; colour description, "
                    + "pixel format, duration and HDR metadata before and after, luma PSNR against the source on its stored "
                    + "samples, the mark on the output and on an SDR tone-mapped copy, and certify's time against a plain "
                    + "decode + encode at the same settings."})
    static final class Fidelity implements Callable<Integer> {
        @Parameters(index = "0", arity = "0..1", paramLabel = "CLIP", description = "Source clip (default: ../shared/clips/sam2_01_dog.mp4).")
        Path clip;

        @Option(names = "--seconds", defaultValue = "4", description = "Seconds of the clip used (default: ${DEFAULT-VALUE}).")
        double seconds;

        @Option(names = "--work", defaultValue = "bench-out/fidelity", description = "Scratch folder (default: ${DEFAULT-VALUE}).")
        Path work;

        @Mixin
        HomeOption home;

        @Override
        public Integer call() throws Exception {
            HallmarkHome h = home.resolve();
            Path source = clip != null ? clip : io.hallmark.bench.fidelity.FidelityBenchmark.defaultClip();
            return io.hallmark.bench.fidelity.FidelityBenchmark.run(source, seconds, Credential.development().open(h),
                    io.hallmark.watermark.WatermarkKey.loadOrCreate(h.watermarkKey()), work, new PrintStream(System.out, true));
        }
    }

    @Command(name = "sign", mixinStandardHelpOptions = true,
            description = "C2PA signing time of large MP4s against sha256sum of the same files (median of 3, warm).")
    static final class Sign implements Callable<Integer> {
        @Option(names = "--sizes", split = ",", defaultValue = "100,1000", paramLabel = "MB,...",
                description = "File sizes in MB (default: ${DEFAULT-VALUE}).")
        List<Integer> sizes;

        @Option(names = "--work", defaultValue = "bench-out/sign", description = "Scratch folder (default: ${DEFAULT-VALUE}).")
        Path work;

        @Mixin
        HomeOption home;

        @Override
        public Integer call() throws Exception {
            return SignBenchmark.run(work, sizes, Credential.development().open(home.resolve()), new PrintStream(System.out, true));
        }
    }

    @Command(name = "scan", mixinStandardHelpOptions = true,
            description = {"Verifier throughput on a mixed corpus (certified, stripped+re-encoded, unmarked, tampered,",
                "truncated, random, text), against ffmpeg -f null decoding the same videos in the same run."})
    static final class Scan implements Callable<Integer> {
        @Option(names = "--work", defaultValue = "bench-out/scan", description = "Corpus folder (default: ${DEFAULT-VALUE}).")
        Path work;

        @Option(names = "--copies", defaultValue = "4", description = "Copies of the distinct files (default: ${DEFAULT-VALUE}).")
        int copies;

        @Option(names = "--threads", defaultValue = "2", description = "Files at once (default: ${DEFAULT-VALUE}).")
        int threads;

        @Option(names = "--seconds", defaultValue = "3", description = "Seconds taken from each clip (default: ${DEFAULT-VALUE}).")
        int seconds;

        @Mixin
        HomeOption home;

        @Override
        public Integer call() throws Exception {
            HallmarkHome h = home.resolve();
            Path corpus = io.hallmark.bench.verify.ScanCorpus.build(work, sharedClips(), seconds, copies, h, new PrintStream(System.err, true));
            try (var verifier = io.hallmark.Hallmark.open(io.hallmark.HallmarkConfig.of(h)).newVerifier(threads)) {
                return io.hallmark.bench.verify.ScanBenchmark.run(corpus, verifier, threads, new PrintStream(System.out, true));
            }
        }
    }

    @Command(name = "service", mixinStandardHelpOptions = true,
            description = {"Verification service under bounded load, on loopback only: the scan corpus (certified, stripped,",
                "unmarked, garbage files) uploaded by 4, 16 and 64 clients against 'hallmark scan' of the same files;",
                "files/min, p50/p99 latency, errors, resident memory; --soak-minutes adds a soak with RSS and open files.",
                "--slow-loris N and --outage-seconds S run the attack and outage scenarios instead (loopback only)."})
    static final class Service implements Callable<Integer> {
        @Option(names = "--work", defaultValue = "bench-out/scan", description = "Corpus folder (default: ${DEFAULT-VALUE}).")
        Path work;

        @Option(names = "--requests", defaultValue = "64", description = "Uploads per concurrency level (default: ${DEFAULT-VALUE}).")
        int requests;

        @Option(names = "--threads", defaultValue = "2", description = "Analysis threads (default: ${DEFAULT-VALUE}).")
        int threads;

        @Option(names = "--seconds", defaultValue = "3", description = "Seconds taken from each clip (default: ${DEFAULT-VALUE}).")
        int seconds;

        @Option(names = "--soak-minutes", defaultValue = "0", description = "Soak length at 16 clients (default: none).")
        int soakMinutes;

        @Option(names = "--slow-loris", defaultValue = "0", paramLabel = "N",
                description = "Instead of the load: N connections trickling uploads (without a key, then with one) while"
                        + " /health is probed; threads and RSS before and after (loopback only).")
        int slowLoris;

        @Option(names = "--outage-seconds", defaultValue = "0", paramLabel = "S",
                description = "Instead of the load: cut the PostgreSQL store (--postgres) off for S seconds under"
                        + " readers; time to 503 and to recovery.")
        int outageSeconds;

        @Option(names = "--attack-seconds", defaultValue = "30", paramLabel = "S",
                description = "How long each slow-loris phase lasts (default: ${DEFAULT-VALUE}).")
        int attackSeconds;

        @Option(names = "--postgres", paramLabel = "JDBC-URL",
                description = "PostgreSQL for --outage-seconds (default: $HALLMARK_TEST_POSTGRES).")
        String postgres;

        @Mixin
        HomeOption home;

        @Override
        public Integer call() throws Exception {
            HallmarkHome h = home.resolve();
            if (slowLoris > 0 || outageSeconds > 0) {
                int rc = 0;
                PrintStream out = new PrintStream(System.out, true);
                if (slowLoris > 0) {
                    rc |= io.hallmark.bench.service.ServiceAttackBenchmark.slowLoris(io.hallmark.HallmarkConfig.of(h), work,
                            slowLoris, attackSeconds, out);
                }
                if (outageSeconds > 0) {
                    String url = postgres != null ? postgres : System.getenv("HALLMARK_TEST_POSTGRES");
                    if (url == null) {
                        throw new IllegalArgumentException("--outage-seconds needs --postgres JDBC-URL (or HALLMARK_TEST_POSTGRES)");
                    }
                    rc |= io.hallmark.bench.service.ServiceAttackBenchmark.outage(io.hallmark.HallmarkConfig.of(h), url,
                            outageSeconds, out);
                }
                return rc;
            }
            Path corpus = io.hallmark.bench.verify.ScanCorpus.build(work, sharedClips(), seconds, 1, h,
                    new PrintStream(System.err, true));
            return io.hallmark.bench.service.ServiceBenchmark.run(corpus, io.hallmark.HallmarkConfig.of(h), threads,
                    requests, soakMinutes, new PrintStream(System.out, true));
        }
    }

    @Command(name = "binding", mixinStandardHelpOptions = true,
            description = {"Content binding: certified clips under every attack must read RECOVERED where the ID decodes;",
                "the victim's ID embedded into other footage must read MARK_MISMATCH; 2 s segments of different videos",
                "must not match; copies whose ID is lost must find their manifest first by fingerprint.",
                "Tuning clips (../shared/clips) and held-out sources (FFmpeg test sources, generated scenes) apart."})
    static final class Binding implements Callable<Integer> {
        @Option(names = "--out", defaultValue = "bench-out/binding", description = "Output folder (default: ${DEFAULT-VALUE}).")
        Path out;

        @Option(names = "--generated", defaultValue = "24", description = "Generated scenes among the held-out sources (default: ${DEFAULT-VALUE}).")
        int generated;

        @Option(names = "--held-out-set", defaultValue = "D", paramLabel = "A|B|C|D",
                description = "Held-out sources: A set the content-check thresholds, B and C each changed a rule after one run, D was never used for tuning (default: ${DEFAULT-VALUE}).")
        String heldOutSet;

        @Option(names = "--attacked", defaultValue = "14",
                description = "Sources that get the full attack list: the tuning clips first, then held-out ones (default: ${DEFAULT-VALUE}).")
        int attacked;

        @Mixin
        HomeOption home;

        @Override
        public Integer call() throws Exception {
            HallmarkHome h = home.resolve();
            List<io.hallmark.bench.verify.ContentBindingBenchmark.Source> sources = new java.util.ArrayList<>();
            for (Path clip : sharedClips()) {
                sources.add(new io.hallmark.bench.verify.ContentBindingBenchmark.Source(
                        clip.getFileName().toString().replaceAll("\\.[^.]+$", ""), clip, false));
            }
            List<io.hallmark.bench.verify.ContentBindingBenchmark.Source> held =
                    io.hallmark.bench.verify.ContentBindingBenchmark.heldOutSources(out.resolve("held-out-" + heldOutSet),
                            generated, heldOutSet);
            // attacked sources: every tuning clip, then held-out ones interleaved by kind
            sources.addAll(held);
            return io.hallmark.bench.verify.ContentBindingBenchmark.run(out, sources, attacked,
                    io.hallmark.watermark.WatermarkKey.loadOrCreate(h.watermarkKey()), Credential.development().open(h),
                    io.hallmark.TrustChoice.C2PA_TRUST_LIST.resolve(h), new PrintStream(System.out, true));
        }
    }

    @Command(name = "recovery", mixinStandardHelpOptions = true,
            description = {"The recovery promise: certified clips, stripped and changed as platforms and people do "
                + "(high-CRF x264/x265/VP9, 0.5x and 360p, crops, a 9:16 portrait crop, colour, a 2 degree rotation, "
                + "a mirror, social chains), verified through verify (the publisher's key and store), the service's "
                + "byContent and a keyless verify --resolver: the right manifest RECOVERED, wrong manifests, false "
                + "MARK_MISMATCH and agreement, tuning clips (../shared/clips) and held-out ones (testdata/heldout "
                + "scenes and generate outputs) apart; the false-identification run; the cost against an FFmpeg "
                + "decode. Writes recovery.md and recovery.json. Exit 1 on any wrong manifest, false mismatch or "
                + "false identification."})
    static final class Recovery implements Callable<Integer> {
        @Option(names = "--out", defaultValue = "bench-out/recovery", description = "Output folder (default: ${DEFAULT-VALUE}).")
        Path out;

        @Option(names = "--tuning", defaultValue = "8", paramLabel = "N",
                description = "Tuning clips taken from ../shared/clips (default: ${DEFAULT-VALUE}).")
        int tuning;

        @Option(names = "--held-out", defaultValue = "99", paramLabel = "N",
                description = "Held-out clips taken (default: all: the testdata/heldout scenes, then three generate outputs).")
        int heldOut;

        @Option(names = "--attacks", split = ",", paramLabel = "NAME,...",
                description = "Only these attacks (default: the recovery issue's 16).")
        List<String> attacks = new java.util.ArrayList<>();

        @Option(names = "--false-id-candidates", defaultValue = "100000", paramLabel = "N",
                description = "Wrong IDs each copy's watermark evidence is confirmed against (default: ${DEFAULT-VALUE}).")
        int falseIdCandidates;

        @Option(names = "--clip-seconds", defaultValue = "6", paramLabel = "S",
                description = "Seconds of each footage clip that are certified and attacked (default: ${DEFAULT-VALUE}; generated clips keep their own length).")
        double clipSeconds;

        @Override
        public Integer call() throws Exception {
            List<io.hallmark.bench.verify.RecoveryBenchmark.Clip> clips = new java.util.ArrayList<>();
            for (Path clip : sharedClips().stream().limit(tuning).toList()) {
                clips.add(io.hallmark.bench.verify.RecoveryBenchmark.Clip.footage(
                        clip.getFileName().toString().replaceAll("\\.[^.]+$", ""), clip, false));
            }
            List<io.hallmark.bench.verify.RecoveryBenchmark.Clip> held = new java.util.ArrayList<>();
            for (Path clip : io.hallmark.bench.watermark.HeldOutClips.make(heldOutImages(), out.resolve("held-out"),
                    new PrintStream(System.err, true))) {
                held.add(io.hallmark.bench.verify.RecoveryBenchmark.Clip.footage(
                        clip.getFileName().toString().replaceAll("\\.[^.]+$", ""), clip, true));
            }
            // our own outputs, which the issue found losing the mark: HD and qHD scenes, a small one
            held.add(io.hallmark.bench.verify.RecoveryBenchmark.Clip.generated("generate-city-720p",
                    new io.hallmark.generator.GenerationRequest("city lights at night", 11, 6, 1280, 720, 30, java.util.Map.of())));
            held.add(io.hallmark.bench.verify.RecoveryBenchmark.Clip.generated("generate-kite-540p",
                    new io.hallmark.generator.GenerationRequest("a kite over a beach", 12, 6, 960, 540, 30, java.util.Map.of())));
            held.add(io.hallmark.bench.verify.RecoveryBenchmark.Clip.generated("generate-small-320x240",
                    new io.hallmark.generator.GenerationRequest("conc 3 31408", 3, 2, 320, 240, 30, java.util.Map.of())));
            clips.addAll(held.stream().limit(heldOut).toList());
            List<io.hallmark.bench.watermark.Attack> chosen = io.hallmark.bench.verify.RecoveryBenchmark.newsroomAttacks();
            if (!attacks.isEmpty()) {
                java.util.Map<String, io.hallmark.bench.watermark.Attack> all = new java.util.LinkedHashMap<>(io.hallmark.bench.watermark.Attack.all());
                chosen.forEach(a -> all.put(a.name(), a));
                chosen = new java.util.ArrayList<>();
                for (String name : attacks) {
                    if (!all.containsKey(name)) {
                        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                                "unknown attack " + name + "; known: " + String.join(", ", all.keySet()));
                    }
                    chosen.add(all.get(name));
                }
            }
            return io.hallmark.bench.verify.RecoveryBenchmark.run(out, clips, chosen, falseIdCandidates, clipSeconds,
                    new PrintStream(System.out, true));
        }
    }

    @Command(name = "store", mixinStandardHelpOptions = true,
            description = {"Fingerprint look-up latency: fills a store with N synthetic manifests (random fingerprints),",
                "then times look-ups of perturbed copies of stored fingerprints and of unrelated ones, against a linear scan",
                "of the same index in the same run."})
    static final class Store implements Callable<Integer> {
        @Option(names = "--manifests", defaultValue = "1000000", description = "Manifests in the store (default: ${DEFAULT-VALUE}).")
        int manifests;

        @Option(names = "--queries", defaultValue = "200", description = "Look-ups timed (default: ${DEFAULT-VALUE}).")
        int queries;

        @Option(names = "--work", defaultValue = "bench-out/store", description = "Scratch folder (default: ${DEFAULT-VALUE}).")
        Path work;

        @Override
        public Integer call() throws Exception {
            return io.hallmark.bench.provenance.StoreBenchmark.run(work, manifests, queries, new PrintStream(System.out, true));
        }
    }

    @Command(name = "fingerprint", mixinStandardHelpOptions = true,
            description = "What the content fingerprint costs at signing and at verification, against decoding the same clips in the same run.")
    static final class Fingerprint implements Callable<Integer> {
        @Parameters(arity = "0..*", paramLabel = "CLIP", description = "Clips (default: every clip in ../shared/clips).")
        List<Path> clips = List.of();

        @Override
        public Integer call() throws Exception {
            return io.hallmark.bench.verify.FingerprintCostBenchmark.run(clips.isEmpty() ? sharedClips() : clips,
                    new PrintStream(System.out, true));
        }
    }

    /**
     * Two sources of different kinds first (the single-video attacks use them), then five 1280x720 clips in
     * all for collusion (4 colluders, the 5th the victim): a tuning clip, a held-out one, a text screen, two
     * more tuning clips.
     */
    private static List<Path> securityClips(Path held) throws Exception {
        Path shared = sharedClips().get(0).getParent();
        List<Path> made = io.hallmark.bench.watermark.HeldOutClips.make(
                heldOutImages(), held, System.out);
        List<Path> out = new java.util.ArrayList<>();
        out.add(shared.resolve("sam2_01_dog.mp4"));
        made.stream().filter(p -> p.getFileName().toString().startsWith("face-handheld-720p")).forEach(out::add);
        made.stream().filter(p -> p.getFileName().toString().startsWith("screen-text-720p")).forEach(out::add);
        out.add(shared.resolve("sam2_04_coffee.mp4"));
        out.add(shared.resolve("sam2_05_default_juggle.mp4"));
        return out;
    }

    /** The held-out photographs (testdata/heldout, or under -Dhallmark.testdata). */
    static Path heldOutImages() {
        return Path.of(System.getProperty("hallmark.testdata", "testdata"), "heldout");
    }

    static List<Path> sharedClips() throws Exception {
        return io.hallmark.bench.watermark.WatermarkBenchmark.defaultClips();
    }
}
