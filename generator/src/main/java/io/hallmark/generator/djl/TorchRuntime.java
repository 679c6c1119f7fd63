package io.hallmark.generator.djl;

import ai.djl.engine.Engine;
import io.hallmark.generator.GenerationException;

/**
 * Loads the DJL PyTorch engine strictly offline: libtorch comes from the {@code pytorch-native-cpu} jar and
 * the JNI glue from {@code pytorch-jni}, both on the classpath; nothing is ever downloaded.
 */
final class TorchRuntime {
    static final String ENGINE = "PyTorch";

    private TorchRuntime() {
    }

    /** The PyTorch engine, loading it on first use; a {@link GenerationException} if it cannot load. */
    static synchronized Engine engine() throws GenerationException {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        try {
            return Engine.getEngine(ENGINE);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new GenerationException("the DJL PyTorch engine could not load offline (are pytorch-jni and "
                    + "pytorch-native-cpu on the classpath?): " + e.getMessage(), e);
        }
    }

    /** e.g. {@code PyTorch 2.7.1}, for provenance records. */
    static String describe(Engine engine) {
        return engine.getEngineName() + " " + engine.getVersion();
    }
}
