package io.hallmark.provenance.store;

import java.time.Instant;

/**
 * One manifest we signed, as kept for recovery.
 *
 * @param manifestId    the active manifest's label (urn:c2pa:... / urn:uuid:...)
 * @param payloadHex    the watermark payload (soft-binding value), or null when the file was not watermarked
 * @param algorithm     soft-binding algorithm identifier
 * @param title         the signed file's title
 * @param signedAt      when we signed it
 * @param manifestStore the C2PA manifest store bytes (JUMBF, application/c2pa)
 * @param reportJson    c2pa-rs's report of the file right after signing
 * @param fingerprint   the content's perceptual fingerprint ({@code VideoFingerprint#encode()}), or null
 *                      for images, remote results and manifests stored before fingerprints existed
 */
public record StoredManifest(String manifestId, String payloadHex, String algorithm, String title, Instant signedAt,
                             byte[] manifestStore, String reportJson, String fingerprint) {
}
