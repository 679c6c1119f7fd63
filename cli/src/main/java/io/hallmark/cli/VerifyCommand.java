package io.hallmark.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.hallmark.Hallmark;
import io.hallmark.media.OutputFiles;
import io.hallmark.verify.Verdict;
import io.hallmark.verify.VerificationReport;
import io.hallmark.verify.render.ReportHtml;
import io.hallmark.verify.render.ReportJson;
import io.hallmark.verify.render.ReportText;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check the provenance of any file.", "MP4, MOV, MKV, WebM, AVI (C2PA + watermark), JPEG, PNG (C2PA). Validates the embedded C2PA manifest with c2pa-rs, detects the watermark, cross-checks them, and when the credentials were stripped recovers the manifest from the store through the watermark payload, but only if this content matches the fingerprint signed into that manifest. Untrusted videos are decoded in worker processes with time and memory limits.", "Exit: the worst over the files: 0 all signed/recovered, 3 watermark only or no provenance, 6 cannot be verified, 4 tampered, 5 copied watermark, 1 error (a missing file is an error on stderr, not a report)."})
final class VerifyCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to verify.")
    List<Path> files;

    @Option(names = "--json", description = "Machine-readable output (schema hallmark.verify/2, docs/verify-json.md).")
    boolean json;

    @Option(names = "--html", paramLabel = "REPORT.html", description = "Also write an HTML report with thumbnails and plots.")
    Path html;

    @Mixin
    VerifierOptions verification;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<VerificationReport> reports = new ArrayList<>();
        int missing = ExitCodes.OK;
        try (Hallmark hallmark = Hallmark.open(verification.config().withDecoderWorkers(1))) {
            for (Path file : files) {
                // A path that names nothing to verify is a mistake on the command line: said on stderr, not
                // dressed up as a report about a file.
                if (!Files.exists(file)) {
                    spec.commandLine().getErr().println("hallmark: " + file + ": no such file");
                    missing = ExitCodes.ERROR;
                } else if (Files.isDirectory(file)) {
                    spec.commandLine().getErr().println("hallmark: " + file + " is a folder (use: hallmark scan " + file + ")");
                    missing = ExitCodes.ERROR;
                } else {
                    reports.add(hallmark.verify(file));
                }
            }
        }
        if (reports.isEmpty()) {
            return missing;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            if (reports.size() == 1) {
                out.println(ReportJson.toJson(reports.get(0)).toPrettyString());
            } else {
                ArrayNode all = mapper.createArrayNode();
                reports.forEach(r -> all.add(ReportJson.toJson(r)));
                out.println(all.toPrettyString());
            }
        } else {
            ReportText text = new ReportText(ReportText.colourAllowed());
            for (VerificationReport r : reports) {
                text.print(r, out);
            }
        }
        out.flush();
        if (html != null) {
            OutputFiles.writeString(html, ReportHtml.page(reports));
            spec.commandLine().getErr().println("HTML report: " + html);
        }
        return worse(missing, exitCode(reports));
    }

    /**
     * Exit codes from the worst result down: error > copied mark > tampered > damaged credentials > cannot be verified >
     * no provenance > ok.
     */
    static final List<Integer> SEVERITY = List.of(ExitCodes.ERROR, ExitCodes.MARK_MISMATCH, ExitCodes.TAMPERED,
            ExitCodes.DAMAGED, ExitCodes.UNVERIFIABLE, ExitCodes.NO_PROVENANCE, ExitCodes.OK);

    /** The worst result decides ({@link #SEVERITY}). */
    static int exitCode(List<VerificationReport> reports) {
        int code = ExitCodes.OK;
        for (VerificationReport r : reports) {
            code = worse(code, codeOf(r.verdict()));
        }
        return code;
    }

    /** The more severe of two exit codes ({@link #SEVERITY}). */
    static int worse(int a, int b) {
        return SEVERITY.indexOf(b) < SEVERITY.indexOf(a) ? b : a;
    }

    static int codeOf(Verdict v) {
        return switch (v) {
            case SIGNED, RECOVERED -> ExitCodes.OK;
            case WATERMARK_ONLY, NO_PROVENANCE -> ExitCodes.NO_PROVENANCE;
            case UNVERIFIABLE -> ExitCodes.UNVERIFIABLE;
            case DAMAGED -> ExitCodes.DAMAGED;
            case TAMPERED -> ExitCodes.TAMPERED;
            case MARK_MISMATCH -> ExitCodes.MARK_MISMATCH;
            case ERROR -> ExitCodes.ERROR;
        };
    }
}
