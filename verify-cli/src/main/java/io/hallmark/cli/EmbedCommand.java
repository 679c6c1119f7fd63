package io.hallmark.cli;

import io.hallmark.media.EncodeSettings;
import io.hallmark.media.MediaException;
import io.hallmark.media.VideoFrame;
import io.hallmark.media.VideoReader;
import io.hallmark.media.VideoWriter;
import io.hallmark.watermark.Payload;
import io.hallmark.watermark.WatermarkEmbedder;
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
        WatermarkEmbedder embedder = new WatermarkEmbedder(key.load(), payload);
        ProgressBar progress = new ProgressBar(spec.commandLine().getErr(), quiet);
        long frames = 0;
        try (VideoReader reader = VideoReader.open(input)) {
            var info = reader.info();
            // H.264 4:2:0 needs even sizes: an odd row or column is cropped off.
            int w = info.width() & ~1;
            int h = info.height() & ~1;
            if (!WatermarkEmbedder.canEmbed(w, h)) {
                throw new MediaException(input + ": " + WatermarkEmbedder.tooSmall(info.width(), info.height()));
            }
            try (VideoWriter writer = VideoWriter.create(output, w, h, info.frameRate(),
                    EncodeSettings.DEFAULT.withCrf(crf).withAudioFrom(input).withSourceTiming())) {
                VideoFrame frame;
                while ((frame = reader.read()) != null) {
                    writer.write(embedder.embed(frame.evenCropped()));
                    progress.update("embedding", ++frames, info.frameCountEstimate());
                }
                writer.finish();
            }
        }
        progress.update("done", frames, frames);
        spec.commandLine().getOut().printf("%s: watermarked %d frames with payload %s%n", output, frames, payload.hex());
        return ExitCodes.OK;
    }
}
