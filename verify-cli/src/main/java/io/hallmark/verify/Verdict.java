package io.hallmark.verify;

/**
 * What a newsroom editor reads first. Never "authentic": provenance says who signed and how a file was
 * made, not whether its content is true.
 */
public enum Verdict {
    /** A valid C2PA manifest is embedded (Trusted or Valid). */
    SIGNED("Signed: provenance credentials are intact"),
    /** No usable embedded manifest, but the watermark's payload found the manifest in the store. */
    RECOVERED("Watermark found, credentials stripped: manifest recovered from the store"),
    /** The watermark is present, but its payload did not decode or is unknown to the store. */
    WATERMARK_ONLY("Carries a Hallmark watermark, but its manifest could not be identified"),
    /** A manifest is embedded but does not validate: the file changed after signing, or the manifest is damaged. */
    TAMPERED("Tampered: the file changed after signing, or its credentials are damaged"),
    /** Neither a manifest nor a watermark. */
    NO_PROVENANCE("No provenance found"),
    /** The file could not be examined (not a supported media file, unreadable). */
    ERROR("Could not be checked");

    private final String headline;

    Verdict(String headline) {
        this.headline = headline;
    }

    public String headline() {
        return headline;
    }
}
