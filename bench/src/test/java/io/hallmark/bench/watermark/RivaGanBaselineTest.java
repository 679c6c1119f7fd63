package io.hallmark.bench.watermark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hallmark.bench.watermark.WatermarkBenchmark.LearnedRow;
import io.hallmark.bench.watermark.WatermarkBenchmark.Row;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RivaGanBaselineTest {
    private static Row ours(String clip, String attack, boolean exact, double bitAccuracy) {
        return new Row(clip, attack, true, true, exact, false, bitAccuracy, 1e-20, 12, 160, 100, 10);
    }

    private static LearnedRow riva(String clip, String attack, boolean equal, boolean exact, double bitAccuracy) {
        return new LearnedRow(clip, attack, equal, exact, bitAccuracy, equal ? 44.0 : 48.0, equal ? 1.6 : 1.0, 900, 1000);
    }

    @Test
    void theWordIsThePayloadsHighHalfSentMostSignificantFirst() {
        assertEquals(0x80000001, RivaGanBaseline.word(0x80000001_12345678L));
        assertEquals("1" + "0".repeat(30) + "1", RivaGanBaseline.binary(RivaGanBaseline.word(0x80000001_00000000L)));
        assertEquals("0".repeat(32), RivaGanBaseline.binary(0));
        assertEquals(1.0 - 2 / 32.0, RivaGanBaseline.bitAccuracy(0b101, 0b110));
    }

    @Test
    void ownAndEqualPsnrSitBesideOursAndAnUnreadableCopyCountsAsChance() {
        List<Row> rows = List.of(ours("a", "h264_crf23", true, 1.0), ours("b", "h264_crf23", false, 0.75));
        List<LearnedRow> riva = List.of(riva("a", "h264_crf23", false, true, 1.0), riva("a", "h264_crf23", true, false, Double.NaN));
        String table = WatermarkBenchmark.learnedSideBySide(rows, riva);
        assertTrue(table.contains("| a | h264_crf23 | yes | 1.000 | no | 0.500 | yes | 1.000 |"), table);
        assertTrue(table.contains("| h264_crf23 | 1/1 | 1.000 | 0/1 | 0.500 | 1/1 | 1.000 |"), table); // clip b: RivaGAN did not run
        assertTrue(table.contains("RivaGAN PSNR-Y 48.00 dB mean at its own strength; equal-PSNR copies 44.00 dB"), table);
        assertEquals("", WatermarkBenchmark.learnedSideBySide(rows, List.of()));
    }

    /** The script's own checks of its bit strings and residual scaling (numpy only, no models; skipped without). */
    @Test
    void scriptSelftest(@TempDir Path dir) throws Exception {
        Path script = PythonScript.unpack("RivaGAN", RivaGanBaseline.SCRIPT, dir, 60).script();
        Process p;
        try {
            p = new ProcessBuilder("python3", script.toString(), "selftest").redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            assumeTrue(false, "no python3");
            return;
        }
        assumeTrue(p.waitFor(60, TimeUnit.SECONDS), "python3 too slow");
        String output = new String(p.getInputStream().readAllBytes());
        assumeTrue(!output.contains("No module named 'numpy'"), "no numpy");
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("\"selftest\": \"ok\""), output);
    }
}
