package io.hallmark.cli;

import io.hallmark.HallmarkConfig;
import io.hallmark.verify.VerifierLimits;
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

    /** The verifier's limits with these options applied ({@link VerifierLimits#DEFAULT} otherwise). */
    public VerifierLimits limits() {
        if (timeoutSeconds < 1) {
            throw new IllegalArgumentException("--timeout must be at least 1 second");
        }
        try {
            return VerifierLimits.DEFAULT.withDecodeTimeout(java.time.Duration.ofSeconds(timeoutSeconds))
                    .withDecoderHeap(maxMemory);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--max-memory: " + e.getMessage());
        }
    }

    /** {@code config} with these options applied. */
    public HallmarkConfig apply(HallmarkConfig config) {
        return config.withIsolatedDecoding(!inProcess).withLimits(limits());
    }
}
