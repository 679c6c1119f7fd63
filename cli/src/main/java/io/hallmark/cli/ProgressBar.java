package io.hallmark.cli;

import io.hallmark.generator.pipeline.Progress;
import java.io.PrintWriter;

/**
 * A one-line progress display on stderr: redrawn in place on a terminal; otherwise (a log file, a CI job, a
 * pipe) a line per stage and then a line every {@value #LOG_INTERVAL_SECONDS} s, so a long run is never silent.
 */
final class ProgressBar implements Progress {
    private final PrintWriter err;
    private final boolean terminal = System.console() != null;
    private final boolean quiet;
    private String lastStage = "";
    private long lastDrawn;
    private long lastLogged;
    static final int LOG_INTERVAL_SECONDS = 10;

    ProgressBar(PrintWriter err, boolean quiet) {
        this.err = err;
        this.quiet = quiet;
    }

    @Override
    public boolean update(String stage, long done, long total) {
        if (quiet) {
            return true;
        }
        long now = System.nanoTime();
        boolean newStage = !stage.equals(lastStage);
        if (!newStage && now - lastDrawn < 200_000_000L && done != total) {
            return true;
        }
        lastDrawn = now;
        String text = total > 0 ? String.format("%-28s %s %3d%% (%d/%d)", stage, bar(done, total),
                (int) (100 * done / total), done, total) : stage + " ...";
        if (terminal) {
            err.print("\r" + text + "   ");
            if (stage.equals("done")) {
                err.println();
            }
        } else if (newStage || now - lastLogged >= LOG_INTERVAL_SECONDS * 1_000_000_000L) {
            err.println(text);
            lastLogged = now;
        }
        err.flush();
        lastStage = stage;
        return true;
    }

    private static String bar(long done, long total) {
        int width = 24;
        int filled = (int) Math.min(width, width * done / Math.max(1, total));
        return "[" + "#".repeat(filled) + " ".repeat(width - filled) + "]";
    }
}
