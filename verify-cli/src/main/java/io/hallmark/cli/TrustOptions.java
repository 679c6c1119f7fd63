package io.hallmark.cli;

import io.hallmark.provenance.TrustList;
import io.hallmark.provenance.TrustSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
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

    /** The C2PA trust list in use: the installed update if there is one, else the shipped list. */
    static TrustList c2paTrustList(HallmarkHome home) throws IOException {
        return installedOrShipped(home, TrustCommand.CLAIM_LIST_FILE, "C2PA trust list", TrustList::official);
    }

    /** The C2PA TSA trust list: the installed update if there is one, else the shipped list. */
    static TrustList tsaTrustList(HallmarkHome home) throws IOException {
        return installedOrShipped(home, TrustCommand.TSA_LIST_FILE, "C2PA TSA trust list", TrustList::officialTsa);
    }

    private static TrustList installedOrShipped(HallmarkHome home, String file, String name, Supplier<TrustList> shipped)
            throws IOException {
        Path installed = home.dir().resolve("trust").resolve(file);
        return Files.exists(installed)
                ? TrustList.fromFile(installed, name + " (installed " + Files.getLastModifiedTime(installed)
                        .toString().substring(0, 10) + ")")
                : shipped.get();
    }

    public TrustSettings resolve(HallmarkHome home) throws IOException {
        TrustSettings trust = TrustSettings.NONE.withTrustList(c2paTrustList(home));
        for (Path p : anchors) {
            trust = trust.withTrustList(TrustList.fromFile(p, p.getFileName().toString()));
        }
        if (trustConfig != null) {
            trust = trust.withTrustConfig(Files.readString(trustConfig));
        }
        if (allowedList != null) {
            trust = trust.withAllowedList(TrustList.fromFile(allowedList, allowedList.getFileName().toString()).pem());
        }
        if (trustLocalRoot) {
            String root = Credentials.localRootPem(home);
            if (root == null) {
                throw new IllegalArgumentException("--trust-local-root: this machine has no development root yet "
                        + "(it is made by the first generate, certify or sign)");
            }
            trust = trust.withUserList(TrustList.of("this machine's development root", root));
        }
        return trust;
    }

    /** The same options with this machine's development root trusted (the demo verifies what it just signed). */
    TrustOptions withLocalRoot() {
        TrustOptions t = new TrustOptions();
        t.anchors = anchors;
        t.trustConfig = trustConfig;
        t.allowedList = allowedList;
        t.trustLocalRoot = true;
        return t;
    }
}
