package io.hallmark.verify.isolation;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;

/**
 * Fuzz target for the decoder-worker protocol (Jazzer): whatever a crashed or hostile worker writes, and
 * whatever arrives on a worker's stdin, is a request, an inspection, or an {@link IOException} /
 * {@link IllegalArgumentException}; never another exception. Seeds in
 * {@code src/test/resources/.../InspectionCodecFuzzTestInputs/}; long run: docs/fuzzing.md.
 */
class InspectionCodecFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void workerProtocol(FuzzedDataProvider data) {
        String line = data.consumeRemainingAsString();
        try {
            InspectionCodec.parseRequest(line);
        } catch (IOException | IllegalArgumentException malformed) {
            // documented
        }
        try {
            InspectionCodec.decode(line);
        } catch (IOException | IllegalArgumentException malformed) {
            // documented
        }
        try {
            InspectionCodec.decodeAudit(line);
        } catch (IOException | IllegalArgumentException malformed) {
            // documented
        }
    }
}
