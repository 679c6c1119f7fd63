package io.hallmark.generator;

/**
 * One generation backend. Implementations are stateless factories: every {@link #open} returns an independent
 * {@link FrameSource}, so one generator may serve many requests.
 */
public interface VideoGenerator {
    /** Registry id, e.g. {@code "procedural"}, {@code "djl"}. */
    String id();

    /** Name of the model that makes the pixels, as it goes into provenance records. */
    String modelName();

    String modelVersion();

    /**
     * Starts generating. The request has already been validated; a backend rejects options it does not
     * understand the value of with {@link IllegalArgumentException}.
     */
    FrameSource open(GenerationRequest request) throws GenerationException;
}
