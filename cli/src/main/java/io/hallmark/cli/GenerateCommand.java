package io.hallmark.cli;

import io.hallmark.Hallmark;
import io.hallmark.generator.pipeline.CertifiedVideo;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Generate a watermarked, signed video from a prompt.", "The output is always watermarked and C2PA-signed (digitalSourceType trainedAlgorithmicMedia), and its manifest is kept in the manifest store."})
final class GenerateCommand implements Callable<Integer> {
    @Mixin
    GenerationOptions generation;

    @Mixin
    OutputOption out;

    @Mixin
    EncodingOptions encoding;

    @Option(names = "--quiet", description = "No progress output.")
    boolean quiet;

    @Mixin
    JsonOutput json;

    @Mixin
    SigningOptions signing;

    @Option(names = "--key", paramLabel = "FILE", description = "Watermark key file (default: HOME/watermark.key).")
    Path keyFile;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path output = out.checked(null, "mp4", "m4v");
        CertifiedVideo video = Hallmark.open(signing.config(keyFile)).generate(generation.request(), generation.backend,
                generation.hidePrompt, encoding.encoding(), output, new ProgressBar(spec.commandLine().getErr(), quiet));
        json.print(spec.commandLine().getOut(), JsonOutput.certified(video), String.format("%s: %d frames, watermark payload %s, manifest %s",
                video.file(), video.frames(), video.payloadHex(), video.manifestId()));
        return ExitCodes.OK;
    }
}
