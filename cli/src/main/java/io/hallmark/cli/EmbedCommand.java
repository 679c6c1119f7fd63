package io.hallmark.cli;

import io.hallmark.EmbeddedVideo;
import io.hallmark.Hallmark;
import io.hallmark.watermark.Payload;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "embed", mixinStandardHelpOptions = true,
        description = {"Watermark a video (no C2PA signing: use certify for both).", "Decodes IN, embeds the keyed watermark carrying PAYLOAD in every frame, re-encodes H.264 MP4 (8-bit 4:2:0, "
                + "every frame at its own timestamp, so variable frame rate stays in step with the audio) and copies the audio unchanged."})
final class EmbedCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IN", description = "Input video (any format FFmpeg reads).")
    Path input;

    @Mixin
    OutputOption out;

    @Option(names = "--payload", paramLabel = "HEX16", description = "64-bit payload as 16 hex digits (default: random).")
    String payloadHex;

    @Option(names = "--crf", defaultValue = "18", description = "x264 CRF of the output (default: ${DEFAULT-VALUE}).")
    int crf;

    @Option(names = "--quiet", description = "No progress output.")
    boolean quiet;

    @Mixin
    WatermarkKeyOption key;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path output = out.checked(input, "mp4", "m4v");
        Payload payload = payloadHex == null ? Payload.random() : Payload.fromHex(payloadHex);
        EmbeddedVideo video = Hallmark.open(key.config()).embed(input, output, payload, crf,
                new ProgressBar(spec.commandLine().getErr(), quiet));
        spec.commandLine().getOut().printf("%s: watermarked %d frames with payload %s%n", output, video.frames(),
                payload.hex());
        return ExitCodes.OK;
    }
}
