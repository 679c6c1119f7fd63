package io.hallmark.cli;

import io.hallmark.TrustChoice;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;


/**
 * Which signers a verification trusts, as C2PA defines it: the official C2PA trust list by default (the
 * newer one installed with {@code hallmark trust update}, else the one shipped), plus lists the user names.
 * This machine's development root is trusted only when asked for ({@code --trust-local-root}): a verifier
 * that trusted it silently called every file signed on this machine "trusted".
 */
public final class TrustOptions {
    @Option(names = "--trust", paramLabel = "PEM",
            description = "More trust anchors (PEM bundle), on top of the C2PA trust list; repeatable.")
    List<Path> anchors = List.of();

    @Option(names = "--trust-config", paramLabel = "FILE", description = "Allowed EKU OIDs, one per line (c2pa store.cfg).")
    Path trustConfig;

    @Option(names = "--allowed", paramLabel = "PEM", description = "Explicitly allowed signer certificates (PEM).")
    Path allowedList;

    @Option(names = "--trust-local-root",
            description = "Also trust this machine's own Hallmark development root (files you signed here read Trusted).")
    boolean trustLocalRoot;

    /** What these options trust. */
    public TrustChoice choice() {
        return new TrustChoice(anchors, Optional.ofNullable(trustConfig), Optional.ofNullable(allowedList), trustLocalRoot);
    }
}
