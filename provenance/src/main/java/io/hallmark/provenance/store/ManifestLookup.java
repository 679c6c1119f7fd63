package io.hallmark.provenance.store;

import io.hallmark.fingerprint.VideoFingerprint;
import java.io.IOException;
import java.util.List;

/**
 * Finds the manifests whose soft binding carries a watermark payload (and, where supported, whose content
 * fingerprint resembles a file's): the local store or a remote service.
 */
public interface ManifestLookup extends AutoCloseable {
    /** Newest first; a remote service may return manifests without {@link StoredManifest#reportJson()}. */
    List<StoredManifest> findByPayload(String payloadHex) throws IOException;

    /**
     * Manifests whose content fingerprint resembles {@code query}'s, most similar first (at most {@code max});
     * a lead, not proof. Lookups that cannot search by content (e.g. a remote service without it) return none.
     */
    default List<FingerprintMatch> findByFingerprint(VideoFingerprint query, int max) throws IOException {
        return List.of();
    }

    /**
     * Every watermark ID the store holds: the candidates a mark whose ID did not decode on its own is confirmed
     * against ({@code io.hallmark.watermark.IdConfirmation}). Lookups that cannot list them (a remote service)
     * return none.
     */
    default long[] watermarkIds() throws IOException {
        return new long[0];
    }

    /**
     * The watermark payload (hex) registered for a manifest, e.g. a fingerprint look-up's lead: the candidate a
     * mark whose ID did not decode is confirmed against. Lookups that cannot tell return empty.
     */
    default java.util.Optional<String> payloadOf(String manifestId) throws IOException {
        return java.util.Optional.empty();
    }

    /** Where the lookup goes, for messages. */
    String describe();

    @Override
    void close() throws IOException;
}
