package io.hallmark.cli;

import io.hallmark.provenance.TrustSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Which signers a verification trusts. */
public final class TrustOptions {
    @Option(names = "--trust", paramLabel = "PEM",
            description = "Trust anchors (PEM bundle), e.g. the official C2PA trust list; repeatable.")
    List<Path> anchors = List.of();

    @Option(names = "--trust-config", paramLabel = "FILE", description = "Allowed EKU OIDs, one per line (c2pa store.cfg).")
    Path trustConfig;

    @Option(names = "--allowed", paramLabel = "PEM", description = "Explicitly allowed signer certificates (PEM).")
    Path allowedList;

    @Option(names = "--no-local-root", description = "Do not trust this machine's own Hallmark development root.")
    boolean noLocalRoot;

    public TrustSettings resolve(HallmarkHome home) throws IOException {
        TrustSettings trust = TrustSettings.NONE;
        if (!anchors.isEmpty()) {
            StringBuilder pem = new StringBuilder();
            for (Path p : anchors) {
                pem.append(Files.readString(p)).append('\n');
            }
            trust = trust.withTrustAnchors(pem.toString());
        }
        if (trustConfig != null) {
            trust = trust.withTrustConfig(Files.readString(trustConfig));
        }
        if (allowedList != null) {
            trust = trust.withAllowedList(Files.readString(allowedList));
        }
        if (!noLocalRoot) {
            String root = Credentials.localRootPem(home);
            if (root != null) {
                trust = trust.withUserAnchors(root);
            }
        }
        return trust;
    }
}
