package io.hallmark.provenance.store;

import io.hallmark.provenance.ProvenanceReader;
import io.hallmark.provenance.report.C2paReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a registration at a shared manifest store ({@code POST /v1/manifests}) must prove before the store keeps it:
 * a manifest the store hands out for recovery is trusted by every verifier that recovers through it, so it must be a
 * C2PA manifest store that c2pa-rs validates (the signature, the certificate profile and every assertion), whose active
 * manifest is the one registered, and whose signed soft bindings are the watermark payload and the content
 * fingerprint the store will index it by. Only the hard binding cannot be checked (the asset is not sent), as for a
 * copy that lost its credentials ({@link C2paReport#failuresACopyDoesNotExplain()}). An untrusted signer is accepted
 * (trust is each verifier's to judge; the write key is the registrar's authority). Stateless, thread-safe when the
 * reader is used by one thread at a time.
 */
public final class RegistrationCheck {
    /** The media type the manifest is read against: c2pa-rs checks the claim the same way for any format. */
    static final String FORMAT = "video/mp4";

    private RegistrationCheck() {}

    /** A registration that does not hold; the message says why, in words for the registrar. */
    public static final class Rejected extends Exception {
        Rejected(String why) {
            super(why);
        }
    }

    /**
     * @param m      the registration: its manifest store, id, payload and fingerprint
     * @param reader c2pa-rs under the store's trust settings
     * @return c2pa-rs's report of the manifest store (without its asset)
     * @throws Rejected when the manifest store is unreadable, fails validation beyond its absent asset, or does not
     *                  carry the id, payload or fingerprint registered
     */
    public static C2paReport check(StoredManifest m, ProvenanceReader reader) throws Rejected {
        C2paReport report = reader.readWithoutAsset(m.manifestStore(), FORMAT);
        if (report.state().isEmpty()) {
            throw new Rejected("manifestStore is not a C2PA manifest store c2pa-rs can read"
                    + report.error().map(e -> " (" + e + ")").orElse(""));
        }
        List<String> problems = new ArrayList<>();
        List<String> failures = report.failuresACopyDoesNotExplain();
        if (!failures.isEmpty()) {
            problems.add("it fails validation (" + String.join(", ", failures) + ")");
        }
        if (!report.manifestId().equals(Optional.of(m.manifestId()))) {
            problems.add("its active manifest is " + report.manifestId().orElse("missing") + ", not " + m.manifestId());
        }
        if (m.payloadHex() != null) {
            // the manifest carries the payload as its 16 hex digits (provenance.manifest.SoftBinding)
            if (!report.softBindingValue().filter(v -> v.equalsIgnoreCase(m.payloadHex())).isPresent()
                    || !report.softBindingAlg().equals(Optional.ofNullable(m.algorithm()))) {
                problems.add("it does not sign the soft binding " + m.algorithm() + " " + m.payloadHex() + " (it signs "
                        + report.softBindingAlg().orElse("none") + " " + report.softBindingValue().orElse("") + ")");
            }
        }
        if (m.fingerprint() != null && report.contentFingerprint()
                .filter(f -> f.value().equals(m.fingerprint())).isEmpty()) {
            problems.add("it does not sign the fingerprint registered");
        }
        if (!problems.isEmpty()) {
            throw new Rejected("the manifest store is refused: " + String.join("; ", problems));
        }
        return report;
    }
}
