package io.hallmark.c2pa;

/**
 * The IPTC digital source types as c2pa-c-ffi's {@code C2paDigitalSourceType} lists them, in the header's order
 * (the ordinal is the C enum value). Each names a term of the IPTC NewsCodes "digital source type" vocabulary
 * ({@code http://cv.iptc.org/newscodes/digitalsourcetype/}), which C2PA 2.x section 18.10 (actions) uses.
 */
public enum DigitalSourceType {
    /** No source type given. */
    EMPTY,
    /** Data made by a model trained on other data (trainedAlgorithmicData). */
    TRAINED_ALGORITHMIC_DATA,
    /** Captured by a camera or recorder (digitalCapture). */
    DIGITAL_CAPTURE,
    /** Captured with computational processing, e.g. a phone's multi-frame photo (computationalCapture). */
    COMPUTATIONAL_CAPTURE,
    /** Scanned from a film negative (negativeFilm). */
    NEGATIVE_FILM,
    /** Scanned from a film positive or slide (positiveFilm). */
    POSITIVE_FILM,
    /** Scanned from a print (print). */
    PRINT,
    /** Edited by a person (humanEdits). */
    HUMAN_EDITS,
    /** Combines captured and AI-generated parts (compositeWithTrainedAlgorithmicMedia). */
    COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA,
    /** Captured, then enhanced by an algorithm (algorithmicallyEnhanced). */
    ALGORITHMICALLY_ENHANCED,
    /** Made by a person with digital tools (digitalCreation). */
    DIGITAL_CREATION,
    /** Deprecated IPTC term for algorithmic media made from data (dataDrivenMedia). */
    DATA_DRIVEN_MEDIA,
    /** Made by a trained model, e.g. text-to-video: what Hallmark's generator records (trainedAlgorithmicMedia). */
    TRAINED_ALGORITHMIC_MEDIA,
    /** Made by an algorithm without training data (algorithmicMedia). */
    ALGORITHMIC_MEDIA,
    /** A capture of a screen (screenCapture). */
    SCREEN_CAPTURE,
    /** Recorded in a virtual environment (virtualRecording). */
    VIRTUAL_RECORDING,
    /** Combines several sources (composite). */
    COMPOSITE,
    /** Combines several captures (compositeCapture). */
    COMPOSITE_CAPTURE,
    /** Combines synthetic elements (compositeSynthetic). */
    COMPOSITE_SYNTHETIC
}
