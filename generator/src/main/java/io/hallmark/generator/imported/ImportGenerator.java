package io.hallmark.generator.imported;

import io.hallmark.generator.FrameSource;
import io.hallmark.generator.GenerationException;
import io.hallmark.generator.GenerationRequest;
import io.hallmark.generator.VideoGenerator;
import io.hallmark.provenance.manifest.GenerationInfo;
import java.nio.file.Path;

/**
 * The {@code import} backend: wraps {@link ImportSource} for callers that go through the registry. The request's
 * options name the file and the claim: {@code file}, {@code claimed-model}, {@code claimed-model-version}.
 * Prompt, seed, size, rate and duration of the request are ignored; the file's own are used.
 */
public final class ImportGenerator implements VideoGenerator {
    public static final String ID = "import";
    public static final String OPTION_FILE = "file";
    public static final String OPTION_CLAIMED_MODEL = "claimed-model";
    public static final String OPTION_CLAIMED_VERSION = "claimed-model-version";

    @Override
    public String id() {
        return ID;
    }

    /** Not a model: imports carry the supplier's claim in their record instead. */
    @Override
    public String modelName() {
        return "none (imported)";
    }

    @Override
    public String modelVersion() {
        return "n/a";
    }

    @Override
    public FrameSource open(GenerationRequest request) throws GenerationException {
        String file = request.options().get(OPTION_FILE);
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException("the import backend needs option '" + OPTION_FILE + "'");
        }
        return ImportSource.open(Path.of(file), request.option(OPTION_CLAIMED_MODEL, GenerationInfo.UNCLAIMED),
                request.option(OPTION_CLAIMED_VERSION, GenerationInfo.UNCLAIMED));
    }
}
