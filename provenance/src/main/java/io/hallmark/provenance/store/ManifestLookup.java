package io.hallmark.provenance.store;

import java.io.IOException;
import java.util.List;

/** Finds the manifests whose soft binding carries a watermark payload: the local store or a remote service. */
public interface ManifestLookup extends AutoCloseable {
    /** Newest first; a remote service may return manifests without {@link StoredManifest#reportJson()}. */
    List<StoredManifest> findByPayload(String payloadHex) throws IOException;

    /** Where the lookup goes, for messages. */
    String describe();

    @Override
    void close() throws IOException;
}
