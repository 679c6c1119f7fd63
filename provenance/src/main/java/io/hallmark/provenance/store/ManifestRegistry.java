package io.hallmark.provenance.store;

import java.io.IOException;

/**
 * Where a signer records what it signed, so that a stripped copy can be recovered later: the local
 * {@link ManifestStore}, or a verification service's {@code POST /v1/manifests} ({@link SoftBindingClient}).
 * Implementations are thread-safe.
 */
public interface ManifestRegistry extends AutoCloseable {
    /**
     * Records one signed manifest (its watermark payload and content fingerprint, for look-up).
     *
     * @param manifest what was signed
     * @throws IOException when it cannot be recorded (the signed file exists regardless)
     */
    void put(StoredManifest manifest) throws IOException;

    /** @return where the manifests go, for messages (a file or a URL) */
    String describe();

    /** Releases the connection or file. @throws IOException when closing fails */
    @Override
    void close() throws IOException;
}
