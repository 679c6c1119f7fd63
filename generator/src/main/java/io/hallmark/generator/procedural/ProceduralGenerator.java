package io.hallmark.generator.procedural;

import io.hallmark.generator.FrameSource;
import io.hallmark.generator.GenerationRequest;
import io.hallmark.generator.VideoGenerator;

/**
 * The default backend: pure-Java procedural video, deterministic from prompt and seed.
 *
 * <p>The prompt's words pick a {@link SceneFamily} (no keyword: a hash of the prompt does), a variant, the
 * time of day and a colour tint; the seed picks the {@link CameraMove} and every random parameter. Options:
 * {@code scene} (a {@link SceneFamily#label()}) and {@code camera} (a {@link CameraMove#label()}) force
 * those choices.
 */
public final class ProceduralGenerator implements VideoGenerator {
    public static final String ID = "procedural";
    public static final String MODEL_NAME = "hallmark-procedural";
    /** Bump whenever the frames for a given prompt and seed change. */
    public static final String MODEL_VERSION = "1.0.0";
    public static final String OPTION_SCENE = "scene";
    public static final String OPTION_CAMERA = "camera";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String modelName() {
        return MODEL_NAME;
    }

    @Override
    public String modelVersion() {
        return MODEL_VERSION;
    }

    @Override
    public FrameSource open(GenerationRequest request) {
        return new ProceduralFrameSource(request);
    }
}
