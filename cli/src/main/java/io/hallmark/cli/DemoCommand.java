package io.hallmark.cli;

import io.hallmark.Hallmark;
import io.hallmark.HallmarkConfig;
import io.hallmark.generator.GenerationRequest;
import io.hallmark.generator.Generators;
import io.hallmark.generator.pipeline.CertifiedVideo;
import io.hallmark.verify.VerificationReport;
import io.hallmark.verify.render.ReportText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"The whole pipeline on embedded defaults, end to end.", "Generates a short clip from a prompt, watermarks every frame, encodes H.264 MP4, signs it with C2PA (a development key is created on first use), then verifies the file: c2pa-rs reads the manifest and the detector decodes the output frames. Exit 0 when the file verifies."})
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--prompt", defaultValue = "ocean waves at sunset", description = "Prompt (default: ${DEFAULT-VALUE}).")
    String prompt;

    @Option(names = "--seed", defaultValue = "7", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--duration", defaultValue = "4", paramLabel = "S", description = "Seconds (default: ${DEFAULT-VALUE}).")
    double duration;

    @Option(names = "--size", defaultValue = "640x360", paramLabel = "WxH", description = "Frame size (default: ${DEFAULT-VALUE}).")
    String size;

    @Option(names = {"-o", "--output"}, defaultValue = "hallmark-demo.mp4", paramLabel = "OUT.mp4",
            description = "Where the signed demo video goes (default: ${DEFAULT-VALUE}).")
    Path output;

    @Mixin
    SigningOptions signing;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GenerationOptions g = new GenerationOptions();
        g.size = size;
        g.prompt = prompt;
        g.seed = seed;
        g.duration = duration;
        g.fps = 30;
        GenerationRequest request = g.request();
        err.printf("Hallmark demo: \"%s\" (seed %d, %s, %.1f s)%n", prompt, seed, size, duration);
        // the demo verifies what it just signed on this machine: its own development root is trusted here, on purpose
        HallmarkConfig config = signing.config(null);
        config = config.withTrust(config.trust().withLocalRoot()).withIsolatedDecoding(false);
        CertifiedVideo video;
        VerificationReport report;
        try (Hallmark hallmark = Hallmark.open(config)) {
            video = hallmark.generate(request, Generators.DEFAULT_ID, false, output, new ProgressBar(err, false));
            out.printf("Generated %s: %d frames, watermark payload %s, C2PA manifest %s%n", video.file(), video.frames(),
                    video.payloadHex(), video.manifestId());
            out.println();
            out.println("Verifying " + video.file() + " as a newsroom would:");
            report = hallmark.verify(video.file());
        }
        new ReportText(ReportText.colourAllowed()).print(report, out);
        boolean ok = report.c2pa().isValidOrTrusted()
                && report.watermark().map(d -> d.payload().map(p -> p.hex().equals(video.payloadHex())).orElse(false))
                        .orElse(false);
        out.println(ok ? "Demo OK: C2PA " + report.c2pa().state().orElse("?") + ", watermark payload " + video.payloadHex()
                + " recovered from the encoded frames." : "Demo FAILED: the output did not verify.");
        return ok ? ExitCodes.OK : ExitCodes.ERROR;
    }
}
