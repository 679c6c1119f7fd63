package io.hallmark.verify.isolation;

import io.hallmark.verify.InProcessInspector;
import io.hallmark.watermark.WatermarkKey;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The child process: reads one video path per line on stdin, answers one JSON line per path on stdout.
 * The first line names the watermark key file (the key itself never crosses the pipe).
 * If a hostile file crashes FFmpeg, only this process dies; the verifier reports that file and starts a
 * new worker.
 */
public final class InspectionWorker {
    private InspectionWorker() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err); // libraries that print must not corrupt the protocol
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String keyLine = in.readLine();
        if (keyLine == null) {
            return;
        }
        InspectionCodec.Request key = InspectionCodec.parseRequest(keyLine);
        if (key.op() != InspectionCodec.Op.KEY) {
            throw new java.io.IOException("the first request must name the watermark key, not " + key.op());
        }
        InProcessInspector inspector = new InProcessInspector(WatermarkKey.load(Path.of(key.path())));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            InspectionCodec.Request request = InspectionCodec.parseRequest(line);
            Path file = Path.of(request.path());
            out.println(switch (request.op()) {
                case INSPECT -> InspectionCodec.encode(inspector.inspect(file));
                case AUDIT -> InspectionCodec.encodeAudit(inspector.audit(file, request.reorientation()));
                case KEY -> throw new java.io.IOException("the watermark key is named once, on the first line");
            });
        }
    }
}
