package io.hallmark.generator.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.nio.FloatBuffer;
import java.util.SplittableRandom;

/**
 * A compositional pattern-producing network (CPPN): an MLP from a pixel's coordinates (x, y, r) and a latent
 * vector z to its colour. Its weights are drawn from the seed, so each seed is a different "model"; moving z
 * smoothly through time morphs the picture smoothly, which gives temporally coherent video.
 *
 * <p>Weights are drawn in Java from a {@link SplittableRandom}, not by the engine's global RNG, so two
 * generations running at once cannot disturb each other's initialisation.
 */
final class CppnNetwork {
    static final int COORDS = 3;
    private final SequentialBlock block;
    private final ParameterStore store;
    private final int latentDim;
    private final int hidden;
    private final int layers;

    CppnNetwork(NDManager manager, long seed, int latentDim, int hidden, int layers, float weightScale) {
        this.latentDim = latentDim;
        this.hidden = hidden;
        this.layers = layers;
        block = new SequentialBlock();
        // A periodic first layer gives repeating, organic structure; tanh layers bend it; sigmoid gives colour.
        block.add(Linear.builder().setUnits(hidden).build());
        block.add(list -> new NDList(list.singletonOrThrow().sin()));
        for (int l = 1; l < layers; l++) {
            block.add(Linear.builder().setUnits(hidden).build());
            block.add(Activation.tanhBlock());
        }
        block.add(Linear.builder().setUnits(3).build());
        block.add(Activation.sigmoidBlock());
        block.initialize(manager, DataType.FLOAT32, new Shape(1, COORDS + latentDim));
        SplittableRandom random = new SplittableRandom(seed);
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray array = p.getValue().getArray();
            long[] dims = array.getShape().getShape();
            int size = (int) array.size();
            float[] values = new float[size];
            boolean bias = p.getKey().endsWith("bias");
            // Fan-in scaled normal weights; large enough that the pattern has real structure.
            double fanIn = dims.length > 1 ? dims[1] : 1;
            double sigma = bias ? 0.5 : weightScale / Math.sqrt(fanIn);
            for (int i = 0; i < size; i++) {
                values[i] = (float) (random.nextGaussian() * sigma);
            }
            array.set(FloatBuffer.wrap(values));
        }
        store = new ParameterStore(manager, false);
    }

    int latentDim() {
        return latentDim;
    }

    String describe() {
        return "cppn mlp " + (COORDS + latentDim) + "->" + hidden + "(sin)" + ("->" + hidden + "(tanh)").repeat(layers - 1)
                + "->3(sigmoid)";
    }

    /**
     * Colours for {@code points} pixels: {@code coords} is [points, 3], {@code z} the latent vector.
     * Returns [points, 3] in (0, 1), attached to {@code frameManager}.
     */
    NDArray forward(NDManager frameManager, NDArray coords, float[] z) {
        // Results of an operation belong to its first operand's manager: lend the coordinates to this frame's
        // manager so every intermediate is freed with it.
        coords.tempAttach(frameManager);
        long points = coords.getShape().get(0);
        NDArray latent = frameManager.create(z, new Shape(1, latentDim)).broadcast(points, latentDim);
        NDArray input = coords.concat(latent, 1);
        return block.forward(store, new NDList(input), false).singletonOrThrow();
    }
}
