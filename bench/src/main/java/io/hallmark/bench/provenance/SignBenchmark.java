package io.hallmark.bench.provenance;

import io.hallmark.media.ExternalProcess;
import io.hallmark.media.Ffmpeg;
import io.hallmark.provenance.ClaimSigner;
import io.hallmark.provenance.ProvenanceReader;
import io.hallmark.provenance.ProvenanceSigner;
import io.hallmark.provenance.TrustSettings;
import io.hallmark.provenance.manifest.ManifestSpec;
import io.hallmark.provenance.report.C2paReport;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Signing cost on large MP4s, against {@code sha256sum} of the same file in the same run (the floor: one
 * read and one hash of every byte). Prints size, both times, the ratio, the verify time, and the JVM's
 * heap use (our side streams through native buffers and holds no whole-file buffer).
 */
public final class SignBenchmark {
    private SignBenchmark() {}

    public static int run(Path workDir, List<Integer> sizesMb, ClaimSigner signer, PrintStream out) throws Exception {
        Files.createDirectories(workDir);
        out.println("| size | sha256sum s | sign s | sign/sha256 | verify s | verify/sha256 | live JVM heap MB | state |");
        out.println("|---:|---:|---:|---:|---:|---:|---:|---|");
        for (int mb : sizesMb) {
            Path input = makeMp4(workDir, mb);
            Path output = workDir.resolve("signed-" + mb + "MB.mp4");
            // warm-up (library load, JIT), then the median of three alternating runs: the machine is noisy
            new ProvenanceSigner(signer, Optional.empty()).sign(input, output, spec(output), Optional.empty());
            double[] hashes = new double[3];
            double[] signs = new double[3];
            for (int i = 0; i < 3; i++) {
                hashes[i] = sha256sum(input);
                long t0 = System.nanoTime();
                new ProvenanceSigner(signer, Optional.empty()).sign(input, output, spec(output), Optional.empty());
                signs[i] = (System.nanoTime() - t0) / 1e9;
            }
            double hash = median(hashes);
            double sign = median(signs);
            long t0;
            System.gc(); // live heap after signing: no whole-file buffers on the Java side
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
            t0 = System.nanoTime();
            C2paReport report;
            try (ProvenanceReader reader = new ProvenanceReader(TrustSettings.NONE)) {
                report = reader.read(output);
            }
            double verify = (System.nanoTime() - t0) / 1e9;
            out.printf("| %d MB | %.2f | %.2f | %.2f | %.2f | %.2f | %d | %s |%n", Files.size(input) >> 20, hash, sign,
                    sign / hash, verify, verify / hash, heap, report.state().orElse("?"));
            Files.deleteIfExists(output);
        }
        return 0;
    }

    /** The manifest of a generated video (as the certifying pipeline signs): no parent ingredient to hash. */
    static ManifestSpec spec(Path output) {
        return ManifestSpec.generated(output.getFileName().toString(), new io.hallmark.provenance.manifest.GenerationInfo(
                "benchmark", "1", 1L, "benchmark", java.util.Map.of(), true));
    }

    /** An H.264 MP4 of about {@code mb} megabytes: a noisy lossless clip, stream-copied end to end. */
    static Path makeMp4(Path dir, int mb) throws IOException {
        Path file = dir.resolve("input-" + mb + "MB.mp4");
        if (Files.exists(file) && Files.size(file) >= (long) mb << 20) {
            return file;
        }
        Path chunk = dir.resolve("chunk.mp4");
        if (!Files.exists(chunk)) {
            Ffmpeg.run(600, "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30,noise=alls=40:allf=t", "-t", "1",
                    "-c:v", "libx264", "-preset", "ultrafast", "-qp", "0", "-pix_fmt", "yuv420p", chunk.toString());
        }
        long copies = Math.max(1, ((long) mb << 20) / Files.size(chunk) + 1);
        Path list = dir.resolve("concat.txt");
        List<String> lines = new ArrayList<>();
        for (long i = 0; i < copies; i++) {
            lines.add("file '" + chunk.toAbsolutePath() + "'");
        }
        Files.write(list, lines);
        Ffmpeg.run(1200, "-f", "concat", "-safe", "0", "-i", list.toString(), "-c", "copy", "-movflags", "+faststart",
                file.toString());
        return file;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    static double sha256sum(Path file) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        ExternalProcess.Result result = ExternalProcess.run(new ProcessBuilder("sha256sum", file.toString()), 600);
        if (result.exitCode() != 0) {
            throw new IOException("sha256sum failed: " + result.errorTail(300));
        }
        return (System.nanoTime() - t0) / 1e9;
    }
}
