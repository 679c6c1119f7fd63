package io.hallmark.cli;

import io.hallmark.Hallmark;
import io.hallmark.provenance.manifest.GenerationInfo;
import io.hallmark.generator.imported.ImportSource;
import io.hallmark.generator.pipeline.CertifiedVideo;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "certify", mixinStandardHelpOptions = true,
        description = {"Watermark and sign an AI video made elsewhere.", "As a publisher would before release. The manifest records the truth: imported (c2pa.opened of the original as parent ingredient), digitalSourceType trainedAlgorithmicMedia, the model the supplier claims, and the watermark binding."})
final class CertifyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IN", description = "The video as received (never modified).")
    Path input;

    @Mixin
    EncodingOptions encoding;

    @Mixin
    OutputOption out;

    @Option(names = "--model", defaultValue = GenerationInfo.UNCLAIMED, paramLabel = "NAME",
            description = "The generator that made IN, as claimed by its supplier (default: none claimed;"
                    + " the manifest still says AI-generated, without naming a model).")
    String model;

    @Option(names = "--model-version", defaultValue = GenerationInfo.UNCLAIMED, paramLabel = "V", description = "Its version.")
    String modelVersion;

    @Option(names = "--quiet", description = "No progress output.")
    boolean quiet;

    @Mixin
    JsonOutput json;

    @Option(names = "--key", paramLabel = "FILE", description = "Watermark key file (default: HOME/watermark.key).")
    Path keyFile;

    @Mixin
    SigningOptions signing;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path output = out.checked(input, "mp4", "m4v");
        CertifiedVideo video = Hallmark.open(signing.config(keyFile)).certify(input, output, model, modelVersion, encoding.encoding(),
                new ProgressBar(spec.commandLine().getErr(), quiet));
        String turned = video.record().parameters().getOrDefault(ImportSource.ROTATION_PARAMETER, "0");
        String note = turned.equals("0") ? "" : String.format(" (the source is shown turned %s degrees: its frames were "
                + "turned upright, as players show it, and the manifest records it as c2pa.orientation)", turned);
        json.print(spec.commandLine().getOut(), JsonOutput.certified(video), String.format(
                "%s: certified %d frames, watermark payload %s, manifest %s%s", video.file(), video.frames(),
                video.payloadHex(), video.manifestId(), note)
                        + video.notKept().stream().map(l -> System.lineSeparator() + "  not kept: " + l)
                        .collect(java.util.stream.Collectors.joining()));
        return ExitCodes.OK;
    }
}
