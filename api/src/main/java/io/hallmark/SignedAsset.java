package io.hallmark;

import java.nio.file.Path;

/**
 * A file signed by {@link Hallmark#sign}: its C2PA manifest is embedded and recorded in the manifest store.
 *
 * @param file          the signed copy
 * @param format        its media type, decided from its content ({@code io.hallmark.provenance.MediaTypes})
 * @param manifestId    the active manifest's label ({@code urn:c2pa:...})
 * @param manifestBytes size of the embedded manifest store (JUMBF), bytes
 */
public record SignedAsset(Path file, String format, String manifestId, int manifestBytes) {
}
