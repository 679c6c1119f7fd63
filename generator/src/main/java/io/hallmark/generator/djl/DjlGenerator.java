package io.hallmark.generator.djl;

import io.hallmark.generator.FrameSource;
import io.hallmark.generator.GenerationException;
import io.hallmark.generator.GenerationRequest;
import io.hallmark.generator.VideoGenerator;
import java.nio.file.Path;

/**
 * The {@code djl} backend: neural generation on DJL's PyTorch engine, fully offline.
 *
 * <p>By default a seeded CPPN ({@link CppnNetwork}) paints each frame; the prompt and seed together choose its
 * weights and latent path. With option {@code model=<path>} a user's own TorchScript frame generator is run
 * instead, under the contract described in {@link TorchScriptFrameSource}.
 *
 * <p>Options: {@code model} (path to a TorchScript {@code .pt} file), {@code model-name} (name to record for
 * it, default the file name), {@code latent-dim} (default {@value #DEFAULT_LATENT_DIM}).
 */
public final class DjlGenerator implements VideoGenerator {
    public static final String ID = "djl";
    public static final String MODEL_NAME = "hallmark-cppn";
    public static final String MODEL_VERSION = "1.0.0";
    public static final String OPTION_MODEL = "model";
    public static final String OPTION_MODEL_NAME = "model-name";
    public static final String OPTION_LATENT_DIM = "latent-dim";
    public static final int DEFAULT_LATENT_DIM = 8;

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
    public FrameSource open(GenerationRequest request) throws GenerationException {
        int latentDim = latentDim(request);
        String model = request.options().get(OPTION_MODEL);
        if (model != null) {
            return TorchScriptFrameSource.open(request, Path.of(model), latentDim);
        }
        return new CppnFrameSource(request, latentDim);
    }

    private static int latentDim(GenerationRequest request) {
        String text = request.option(OPTION_LATENT_DIM, Integer.toString(DEFAULT_LATENT_DIM));
        try {
            int dim = Integer.parseInt(text.trim());
            if (dim < 1 || dim > 4096) {
                throw new IllegalArgumentException("option latent-dim must be in 1..4096, was " + dim);
            }
            return dim;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option latent-dim is not an integer: '" + text + "'");
        }
    }
}
