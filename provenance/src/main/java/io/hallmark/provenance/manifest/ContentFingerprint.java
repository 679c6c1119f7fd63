package io.hallmark.provenance.manifest;

/**
 * A perceptual fingerprint of the signed content as recorded in the manifest (a {@code c2pa.soft-binding}
 * assertion with a fingerprint algorithm) and in the manifest store. The value is opaque here; the
 * {@code fingerprint} module defines and compares it.
 *
 * @param algorithm      soft-binding algorithm identifier, e.g. {@code io.hallmark.fingerprint.pdq-video.1}
 * @param value          the encoded fingerprint (base64)
 * @param durationMillis the span it covers, from the start of the video
 */
public record ContentFingerprint(String algorithm, String value, long durationMillis) {
    public ContentFingerprint {
        if (algorithm.isBlank() || value.isBlank() || durationMillis < 0) {
            throw new IllegalArgumentException("a fingerprint needs an algorithm, a value and a duration >= 0");
        }
    }
}
