package io.hallmark.cli;

import io.hallmark.Hallmark;
import io.hallmark.verify.Verdict;
import io.hallmark.verify.render.ReportJson;
import io.hallmark.verify.scan.Scan;
import io.hallmark.verify.scan.ScanTargets;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Verify every file under a folder, in parallel.", "DIR is walked recursively, hidden (dot) files included: an upload named .clip.mp4 is checked like any other; @LIST names a file with one path per line. Writes one JSON line per file (schema hallmark.verify/2) and a summary table. With --jsonl an interrupted scan resumes: files already in the JSONL are skipped. One bad file never stops the scan.", "Exit: the worst result over the files scanned, as for verify: 0 all signed/recovered, 3 watermark only or no provenance, 6 cannot be verified, 4 tampered, 5 copied watermark, 1 a file could not be checked."})
final class ScanCommand implements java.util.concurrent.Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR|@LIST", description = "Folder to walk, or @file listing paths.")
    String target;

    @Option(names = "--jsonl", paramLabel = "OUT", description = "Append results here (and resume from it).")
    Path jsonl;

    @Option(names = "--threads", defaultValue = "2", description = "Files verified at once (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--quiet", description = "No progress output.")
    boolean quiet;

    @Mixin
    VerifierOptions verification;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<Path> files = ScanTargets.list(target);
        Scan.checkThreads(threads);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int pending = ScanTargets.pending(files, Optional.ofNullable(jsonl)).size();
        if (pending < files.size() && !quiet) {
            err.printf("resuming: %d of %d files already in %s%n", files.size() - pending, files.size(), jsonl);
        }
        ProgressBar progress = new ProgressBar(err, quiet);
        int[] worst = {ExitCodes.OK};
        Scan.Summary summary = Hallmark.open(verification.config()).scan(files, threads, Optional.ofNullable(jsonl),
                (report, done, total) -> {
                    worst[0] = VerifyCommand.worse(worst[0], VerifyCommand.codeOf(report.verdict()));
                    if (jsonl == null) {
                        out.println(ReportJson.toJson(report).toString());
                    }
                    return progress.update("scanning", done, total);
                });
        progress.update("done", summary.scanned(), summary.scanned());
        printSummary(err, summary);
        // Per-file verdicts are in the results; the exit code says the worst of them, as verify's does, so a
        // script notices tampered or unreadable files without parsing the output.
        return worst[0];
    }

    private static void printSummary(PrintWriter err, Scan.Summary summary) {
        err.println();
        err.printf("%-16s %6s%n", "verdict", "files");
        for (Verdict v : Verdict.values()) {
            err.printf("%-16s %6d%n", v.name(), summary.counts().get(v));
        }
        err.printf("%-16s %6d   in %.1f s (%.1f files/min)%n", "total", summary.scanned(), summary.seconds(),
                summary.filesPerMinute());
        err.flush();
    }
}
