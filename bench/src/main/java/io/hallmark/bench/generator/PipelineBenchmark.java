package io.hallmark.bench.generator;

import io.hallmark.generator.FrameSource;
import io.hallmark.generator.GenerationRequest;
import io.hallmark.generator.Generators;
import io.hallmark.generator.pipeline.CertifyingPipeline;
import io.hallmark.generator.pipeline.Progress;
import io.hallmark.provenance.ClaimSigner;
import io.hallmark.watermark.WatermarkKey;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * What certification costs on top of generation: the whole generate -> watermark -> encode -> sign pass
 * against generation alone (frames produced and dropped), same request, same run, after a warm-up.
 */
public final class PipelineBenchmark {
    private PipelineBenchmark() {}

    public static int run(ClaimSigner signer, WatermarkKey key, Path work, PrintStream out) throws Exception {
        Files.createDirectories(work);
        out.printf(Locale.ROOT, "| request | generation only s | full pipeline s | pipeline/generation | pipeline fps |%n");
        out.printf(Locale.ROOT, "|---|---:|---:|---:|---:|%n");
        int[][] sizes = {{854, 480}, {1280, 720}, {1920, 1080}};
        for (int[] size : sizes) {
            GenerationRequest request = new GenerationRequest("ocean waves at sunset", 3, 5, size[0], size[1], 30);
            generateOnly(request); // warm-up
            double gen = generateOnly(request);
            Path out1 = work.resolve("pipeline-" + size[1] + "p.mp4");
            long t0 = System.nanoTime();
            try (FrameSource frames = Generators.byId("procedural").open(request)) {
                new CertifyingPipeline(key, signer, Optional.empty(), Optional.empty())
                        .run(frames, request.fps(), out1, Optional.empty(), Progress.NONE);
            }
            double full = (System.nanoTime() - t0) / 1e9;
            out.printf(Locale.ROOT, "| procedural %dx%d, 5 s @30 | %.2f | %.2f | %.2f | %.1f |%n", size[0], size[1], gen, full,
                    full / gen, request.frameCount() / full);
            Files.deleteIfExists(out1);
        }
        return 0;
    }

    private static double generateOnly(GenerationRequest request) throws Exception {
        long t0 = System.nanoTime();
        try (FrameSource frames = Generators.byId("procedural").open(request)) {
            while (frames.next() != null) {
                // produced and dropped: the cost of generation alone
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }
}
