package io.hallmark.provenance.store;

import io.hallmark.fingerprint.ContentComparison;

/**
 * A manifest whose recorded content fingerprint resembles a file's: a lead for a person to check, not proof
 * that the file is the signed content.
 *
 * @param manifestId the stored manifest
 * @param comparison how the file's sampled frames compared with the manifest's fingerprint
 */
public record FingerprintMatch(String manifestId, ContentComparison comparison) {
    /** Similarity in percent (0-100), as the Soft Binding Resolution API's {@code similarityScore}. */
    public int similarityScore() {
        return (int) Math.round(comparison.similarity() * 100);
    }
}
