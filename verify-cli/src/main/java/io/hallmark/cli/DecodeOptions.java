package io.hallmark.cli;

import io.hallmark.verify.InProcessInspector;
import io.hallmark.verify.VideoInspector;
import io.hallmark.verify.isolation.IsolatedInspector;
import java.io.IOException;
import picocli.CommandLine.Option;

/** How untrusted videos are decoded: in worker processes with limits (default), or in this process. */
public final class DecodeOptions {
    @Option(names = "--in-process", description = "Decode in this process (faster start-up; only for files you trust).")
    boolean inProcess;

    @Option(names = "--timeout", defaultValue = "300", paramLabel = "S",
            description = "Time limit to decode one file, seconds (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--max-memory", defaultValue = "1g", paramLabel = "SIZE",
            description = "Heap limit of each decoder process (default: ${DEFAULT-VALUE}).")
    String maxMemory;

    public VideoInspector inspector(WatermarkKeyOption key, int workers) throws IOException {
        if (inProcess) {
            return new InProcessInspector(key.load());
        }
        if (timeoutSeconds < 1) {
            throw new IllegalArgumentException("--timeout must be at least 1 second");
        }
        return new IsolatedInspector(key.path(), workers, timeoutSeconds, maxMemory);
    }
}
