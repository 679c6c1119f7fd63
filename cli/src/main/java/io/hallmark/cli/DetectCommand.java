package io.hallmark.cli;

import io.hallmark.Hallmark;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hallmark.watermark.DetectionResult;
import io.hallmark.watermark.Segment;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "detect", mixinStandardHelpOptions = true,
        description = {"Look for the Hallmark watermark in a video.", "Prints whether the mark is present (with its p-value: the chance that an unmarked video scores as high), the 64-bit payload when it decodes, and which seconds carry the mark. Exit 0 found, 3 not found."})
final class DetectCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "Video to examine.")
    Path file;

    @Option(names = "--json", description = "Machine-readable output: detected, payload, pValue, segments.")
    boolean json;

    @Mixin
    WatermarkKeyOption key;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        DetectionResult r = Hallmark.open(key.config()).detect(file);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(toJson(r).toPrettyString());
        } else {
            out.printf("%s: watermark %s%n", file, r.detected() ? "FOUND" : "not found");
            out.printf("  payload: %s%n", r.payload().map(p -> p.hex()).orElse("not decoded"));
            out.printf("  p-value: %.3e (%d frames analysed)%n", r.pValue(), r.framesAnalysed());
            if (!r.geometry().isNone()) {
                out.printf("  found in a copy that was %s%n", r.geometry());
            }
            for (Segment s : r.segments()) {
                out.printf("  %6.1f-%6.1f s  %s  score %.2f%n", s.startSec(), s.endSec(), s.detected() ? "marked  " : "unmarked",
                        s.score());
            }
        }
        out.flush();
        return r.detected() ? ExitCodes.OK : ExitCodes.NOT_DETECTED;
    }

    static ObjectNode toJson(DetectionResult r) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("detected", r.detected());
        if (r.payload().isPresent()) {
            root.put("payload", r.payload().get().hex());
        } else {
            root.putNull("payload");
        }
        root.put("pValue", r.pValue());
        root.put("framesAnalysed", r.framesAnalysed());
        root.set("geometry", io.hallmark.verify.render.ReportJson.geometry(r.geometry()));
        ArrayNode segments = root.putArray("segments");
        for (Segment s : r.segments()) {
            ObjectNode o = segments.addObject();
            o.put("startSec", s.startSec());
            o.put("endSec", s.endSec());
            o.put("detected", s.detected());
            o.put("score", s.score());
        }
        return root;
    }
}
