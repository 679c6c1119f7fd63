package io.hallmark.provenance.manifest;

import java.util.Map;

/**
 * How a video was made, recorded in the {@code io.hallmark.generation} assertion.
 *
 * @param model        generator / model name, e.g. "hallmark-procedural" or the claimed external model, or
 *                     {@link #UNCLAIMED} when an imported file's supplier named none
 * @param modelVersion its version
 * @param seed         the seed, when the generator is seeded (null otherwise)
 * @param prompt       the prompt text (stored as given, or only as its SHA-256 when {@code hidePrompt})
 * @param parameters   further generation parameters (size, fps, scene, backend options, timings)
 * @param generatedByHallmark false for imported files made elsewhere: the model is then a claim of the publisher
 */
public record GenerationInfo(String model, String modelVersion, Long seed, String prompt,
                             Map<String, Object> parameters, boolean generatedByHallmark) {
    /** The model of an imported file whose supplier did not name one. */
    public static final String UNCLAIMED = "unknown";

    public GenerationInfo {
        parameters = Map.copyOf(parameters);
    }

    /** False when nobody named the model: the manifest then names no software agent for the generation. */
    public boolean modelClaimed() {
        return !model.equals(UNCLAIMED);
    }
}
