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
    /**
     * The watermark's ID points to a manifest, but this file's content is not the content that manifest
     * describes (its fingerprint does not match): the mark was copied onto other footage.
     */
    MARK_MISMATCH("Copied watermark: the content does not match the manifest the mark points to"),
    /**
     * A watermark is present, but no manifest could be confirmed for this content (ID unreadable or unknown,
     * or the content could not be compared). Not proof of where the video came from.
     */
    WATERMARK_ONLY("Carries a Hallmark watermark, but its manifest could not be identified"),
    /**
     * c2pa-rs validated the embedded manifest and found it Invalid (or the watermark contradicts its soft
     * binding): the file changed after signing, or the manifest is damaged.
     */
    TAMPERED("Tampered: the file changed after signing, or its credentials are damaged"),
    /**
     * A manifest is there but cannot be checked here: stored remotely and not fetched, a pre-release format,
     * an algorithm or format the C2PA reader does not support, or one whose signer's certificate has expired since
     * with no time-stamp from when it was valid. Nothing is known either way: never reported as tampered.
     */
    UNVERIFIABLE("Cannot be verified: its credentials could not be checked here"),
    /**
     * A C2PA manifest is there, but broken: c2pa-rs cannot read it (a C2PA box without a readable manifest, data it
     * cannot parse, a store cut short). What it claimed cannot be checked; the damage itself is not proof that the
     * content changed (a tool that does not keep C2PA, a transfer error or an attacker can each leave it).
     */
    DAMAGED("Credentials damaged: the file carries a C2PA manifest that is broken and cannot be read"),
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
