package io.hallmark.bench.watermark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallmark.bench.watermark.WatermarkBenchmark.BaselineRow;
import io.hallmark.bench.watermark.WatermarkBenchmark.Row;
import java.util.List;
import org.junit.jupiter.api.Test;

class SideBySideTest {
    private static Row ours(String clip, boolean exact, double bitAccuracy) {
        return new Row(clip, "h264_crf23", true, true, exact, false, bitAccuracy, 1e-20, 12, 160, 100, 10);
    }

    @Test
    void comparesOnlyTheClipsBothRanAndCountsAnUnreadableCopyAsChance() {
        List<Row> rows = List.of(ours("a", true, 1.0), ours("b", false, 0.6));
        List<BaselineRow> dwtDct = List.of(new BaselineRow("a", "h264_crf23", false, Double.NaN, 57.4, 80));
        String table = WatermarkBenchmark.sideBySide(rows, dwtDct);
        assertTrue(table.contains("| h264_crf23 | 0/1 | 0.500 | 1/1 | 1.000 |"), table);
        assertTrue(table.contains("dwtDct PSNR-Y 57.40 dB"), table);
    }

    @Test
    void withoutTheBaselineThereIsNoTable() {
        assertEquals("", WatermarkBenchmark.sideBySide(List.of(ours("a", true, 1.0)), List.of()));
    }

    @Test
    void payloadBitsTravelToPythonAsSixtyFourBinaryDigits() {
        assertEquals("0".repeat(63) + "1", DwtDctBaseline.binary(1));
        assertEquals("1" + "0".repeat(63), DwtDctBaseline.binary(Long.MIN_VALUE));
    }
}
