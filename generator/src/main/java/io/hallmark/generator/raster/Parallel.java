package io.hallmark.generator.raster;

import java.util.stream.IntStream;

/**
 * Row-band parallelism for per-pixel work. Bands write disjoint rows, so the result never depends on the
 * number of threads or their order: frames stay bit-identical from run to run.
 */
public final class Parallel {
    /** Rows per task: large enough to amortise scheduling, small enough to balance two to sixteen cores. */
    private static final int ROWS_PER_BAND = 16;

    private Parallel() {
    }

    /** A body that processes rows {@code [from, to)}. */
    @FunctionalInterface
    public interface RowBand {
        void rows(int from, int to);
    }

    /** Runs {@code body} over {@code [0, rows)} in bands on the common fork-join pool (and the caller). */
    public static void forRows(int rows, RowBand body) {
        int bands = (rows + ROWS_PER_BAND - 1) / ROWS_PER_BAND;
        if (bands <= 1) {
            body.rows(0, rows);
            return;
        }
        IntStream.range(0, bands).parallel().forEach(b -> {
            int from = b * ROWS_PER_BAND;
            body.rows(from, Math.min(rows, from + ROWS_PER_BAND));
        });
    }
}
