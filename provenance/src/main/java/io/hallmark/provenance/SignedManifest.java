package io.hallmark.provenance;

import java.nio.file.Path;

/**
 * The result of signing: where the signed file is, the active manifest's label (its id), and the
 * manifest store bytes (kept in the manifest store for recovery when a copy loses its metadata).
 */
public record SignedManifest(Path file, String manifestId, byte[] manifestStore, String reportJson) {
}
