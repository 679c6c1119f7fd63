package io.hallmark.bench.verify;

import io.hallmark.fingerprint.ContentComparison;
import io.hallmark.fingerprint.VideoFingerprint;
import io.hallmark.fingerprint.VideoFingerprinter;
import io.hallmark.media.VideoFrame;
import io.hallmark.media.VideoReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code hallmark bench fingerprint}: what the content fingerprint costs, against decoding the same file in
 * the same run (median of 3 warm runs per clip). Signing fingerprints every frame it is handed (the
 * pipeline already has them decoded: the ratio is the extra work); verification hashes the frames the
 * watermark detector decodes anyway; the content check's cost is for one file against its own manifest.
 */
public final class FingerprintCostBenchmark {
    private FingerprintCostBenchmark() {}

    public static int run(List<Path> clips, PrintStream out) throws IOException {
        out.println("| clip | size | frames | decode (ms) | + signing fingerprint (ms, x decode) | + verification fingerprint (ms, x decode) | content check (ms) | fingerprint bytes |");
        out.println("|---|---|---|---|---|---|---|---|");
        double sumSign = 0;
        double sumVerify = 0;
        for (Path clip : clips) {
            double[] decode = new double[3];
            double[] sign = new double[3];
            double[] verify = new double[3];
            double[] check = new double[3];
            int frames = 0;
            String size = "";
            VideoFingerprint signed = null;
            for (int run = 0; run < 3; run++) {
                VideoFingerprinter signer = VideoFingerprinter.forSigning();
                VideoFingerprinter verifier = VideoFingerprinter.forVerification();
                long decodeNanos = 0;
                long signNanos = 0;
                long verifyNanos = 0;
                frames = 0;
                try (VideoReader reader = VideoReader.open(clip)) {
                    while (true) {
                        long t0 = System.nanoTime();
                        VideoFrame frame = reader.read();
                        long t1 = System.nanoTime();
                        decodeNanos += t1 - t0;
                        if (frame == null) {
                            break;
                        }
                        size = frame.width() + "x" + frame.height();
                        frames++;
                        signer.accept(frame);
                        long t2 = System.nanoTime();
                        verifier.accept(frame);
                        long t3 = System.nanoTime();
                        signNanos += t2 - t1;
                        verifyNanos += t3 - t2;
                    }
                }
                signed = signer.result();
                VideoFingerprint seen = verifier.result();
                long c0 = System.nanoTime();
                ContentComparison.compare(seen, signed);
                check[run] = (System.nanoTime() - c0) / 1e6;
                decode[run] = decodeNanos / 1e6;
                sign[run] = signNanos / 1e6;
                verify[run] = verifyNanos / 1e6;
            }
            double d = median(decode);
            double s = median(sign);
            double v = median(verify);
            sumSign += s / d;
            sumVerify += v / d;
            out.printf(Locale.ROOT, "| %s | %s | %d | %.0f | %.0f (%.2fx) | %.0f (%.2fx) | %.0f | %d |%n",
                    clip.getFileName(), size, frames, d, s, s / d, v, v / d, median(check),
                    signed.encode().length() * 3 / 4);
        }
        out.printf(Locale.ROOT, "%nmean extra work over decoding: signing %.2fx, verification %.2fx%n",
                sumSign / clips.size(), sumVerify / clips.size());
        return 0;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
