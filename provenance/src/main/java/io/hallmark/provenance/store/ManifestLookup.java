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
     * Store-assisted identification: the stored watermark IDs within {@code maxDistance} bits of
     * {@code bits} (a decoder's best guess that failed its keyed check), nearest first, at most {@code max}.
     * For an ID that is not in the store, the guess is independent of every stored ID, so a store of N random
     * 64-bit IDs yields a false candidate with probability at most {@code N * sum_{k<=d} C(64,k) / 2^64} (see
     * {@code IdProximity.falseCandidateBound}). Lookups that cannot do this return none.
     */
    default List<StoredManifest> findByPayloadNear(long bits, int maxDistance, int max) throws IOException {
        return List.of();
    }

    /** Where the lookup goes, for messages. */
    String describe();

    @Override
    void close() throws IOException;
}
