package io.hallmark.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hallmark.generator.pipeline.CertifiedVideo;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** {@code --json}: one machine-readable object instead of the sentence for people. */
public final class JsonOutput {
    /** Made on first use: picocli builds every command's mixins at start-up, and Jackson costs ~0.2 s to load. */
    private static final class Mapper {
        static final ObjectMapper JSON = new ObjectMapper();
    }

    @Option(names = "--json", description = "Print the result as one JSON object.")
    boolean json;

    static ObjectNode object() {
        return Mapper.JSON.createObjectNode();
    }

    static ObjectNode certified(CertifiedVideo video) {
        ObjectNode o = object();
        o.put("file", video.file().toString());
        o.put("manifestId", video.manifestId());
        o.put("payload", video.payloadHex());
        o.put("frames", video.frames());
        o.put("seconds", video.seconds());
        o.put("generator", video.record().generatorId());
        o.put("model", video.record().modelName() + " " + video.record().modelVersion());
        var lost = o.putArray("notKept"); // what of the source the output could not keep, said rather than silent
        video.notKept().forEach(lost::add);
        return o;
    }

    /** Prints {@code object} when --json was given, else the human sentence. */
    void print(PrintWriter out, ObjectNode object, String sentence) {
        out.println(json ? object.toPrettyString() : sentence);
        out.flush();
    }
}
