package io.hallmark;

import io.hallmark.provenance.TrustList;
import io.hallmark.provenance.TrustSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Which signers a verification trusts, as C2PA defines it (C2PA 2.x section 14.4, trust lists): the official C2PA
 * trust list by default (the newer one installed in the home folder, else the one shipped), plus anchors the user
 * names. This machine's development root is trusted only when asked for: a verifier that trusted it silently
 * called every file signed on this machine "trusted". Immutable.
 *
 * @param extraAnchors more trust anchors (PEM bundles), on top of the C2PA trust list
 * @param trustConfig  allowed EKU OIDs, one per line (c2pa-rs {@code store.cfg})
 * @param allowedList  explicitly allowed signer certificates (PEM)
 * @param localRoot    also trust the home folder's development root
 */
public record TrustChoice(List<Path> extraAnchors, Optional<Path> trustConfig, Optional<Path> allowedList,
                          boolean localRoot) {
    /** The C2PA trust list alone. */
    public static final TrustChoice C2PA_TRUST_LIST = new TrustChoice(List.of(), Optional.empty(), Optional.empty(), false);

    /**
     * @param extraAnchors more trust anchors (PEM bundles), copied
     * @param trustConfig  allowed EKU OIDs, one per line
     * @param allowedList  explicitly allowed signer certificates (PEM)
     * @param localRoot    also trust the home folder's development root
     */
    public TrustChoice {
        extraAnchors = List.copyOf(extraAnchors);
    }

    /** @return the same choice, with the development root trusted too (the demo verifies what it just signed) */
    public TrustChoice withLocalRoot() {
        return new TrustChoice(extraAnchors, trustConfig, allowedList, true);
    }

    /**
     * The settings handed to c2pa-rs.
     *
     * @param home where the installed trust lists and the development root are
     * @return the trust settings
     * @throws IOException              when a named file cannot be read
     * @throws IllegalArgumentException when a file is not PEM, or the local root is asked for and there is none
     */
    public TrustSettings resolve(HallmarkHome home) throws IOException {
        TrustSettings trust = TrustSettings.NONE.withTrustList(home.c2paTrustList());
        for (Path p : extraAnchors) {
            trust = trust.withTrustList(TrustList.fromFile(p, p.getFileName().toString()));
        }
        if (trustConfig.isPresent()) {
            trust = trust.withTrustConfig(Files.readString(trustConfig.get()));
        }
        if (allowedList.isPresent()) {
            Path allowed = allowedList.get();
            trust = trust.withAllowedList(TrustList.fromFile(allowed, allowed.getFileName().toString()).pem());
        }
        if (localRoot) {
            String root = home.localRootPem();
            if (root == null) {
                throw new IllegalArgumentException("--trust-local-root: this machine has no development root yet "
                        + "(it is made by the first generate, certify or sign)");
            }
            trust = trust.withUserList(TrustList.of("this machine's development root", root));
        }
        return trust;
    }
}
