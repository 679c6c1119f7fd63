package io.hallmark.generator.djl;

import io.hallmark.generator.internal.Sha256;
import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import io.hallmark.generator.FrameSource;
import io.hallmark.generator.GenerationException;
import io.hallmark.generator.GenerationRecord;
import io.hallmark.generator.GenerationRequest;
import io.hallmark.generator.raster.FrameUpscaler;
import io.hallmark.generator.raster.RgbImage;
import io.hallmark.media.VideoFrame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Frames from a user's own TorchScript frame generator, loaded from a local file, offline.
 *
 * <p><b>Contract.</b> The module's {@code forward(z, t)} takes
 * <ul>
 *   <li>{@code z}: float32 {@code [1, latentDim]}, a smooth latent path (see {@link LatentPath}) seeded by the
 *       request's seed and prompt;</li>
 *   <li>{@code t}: float32 {@code [1]}, the frame's time in seconds;</li>
 * </ul>
 * and returns float32 {@code [1, 3, H, W]}: RGB (gamma-encoded, BT.709 primaries) in [0, 1], any H and W up to
 * 4096; the frame is rescaled to the requested size. Values outside [0, 1] are clipped; NaN is an error.
 */
final class TorchScriptFrameSource implements FrameSource {
    static final int MAX_SIDE = 4096;

    private final GenerationRequest request;
    private final ZooModel<NDList, NDList> model;
    private final Predictor<NDList, NDList> predictor;
    private final LatentPath latent;
    private final int latentDim;
    private final String modelName;
    private final String modelVersion;
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private final long setupNanos;
    private FrameUpscaler upscaler;
    private RgbImage image;
    private long renderNanos;
    private long produced;

    private TorchScriptFrameSource(GenerationRequest request, ZooModel<NDList, NDList> model, int latentDim,
                                   String modelName, String modelVersion, Map<String, String> parameters,
                                   long startNanos) {
        this.request = request;
        this.model = model;
        this.predictor = model.newPredictor();
        this.latentDim = latentDim;
        this.latent = new LatentPath(request.seed() * 0x9E3779B97F4A7C15L ^ CppnFrameSource.promptHash(request.prompt()),
                latentDim);
        this.modelName = modelName;
        this.modelVersion = modelVersion;
        this.parameters.putAll(parameters);
        this.setupNanos = System.nanoTime() - startNanos;
    }

    static TorchScriptFrameSource open(GenerationRequest request, Path file, int latentDim) throws GenerationException {
        long start = System.nanoTime();
        if (!Files.isRegularFile(file)) {
            throw new GenerationException("TorchScript model not found: " + file);
        }
        Engine engine = TorchRuntime.engine();
        String sha256;
        try {
            sha256 = sha256(file);
        } catch (IOException e) {
            throw new GenerationException("cannot read model " + file + ": " + e.getMessage(), e);
        }
        String fileName = file.getFileName().toString();
        String baseName = fileName.endsWith(".pt") ? fileName.substring(0, fileName.length() - 3) : fileName;
        Criteria<NDList, NDList> criteria = Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optModelPath(file.toAbsolutePath())
                .optModelName(baseName)
                .optEngine(TorchRuntime.ENGINE)
                .optTranslator(new NoopTranslator())
                .build();
        ZooModel<NDList, NDList> model;
        try {
            model = criteria.loadModel();
        } catch (ModelNotFoundException | MalformedModelException | IOException | RuntimeException e) {
            throw new GenerationException("cannot load TorchScript model " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> p = new LinkedHashMap<>();
        p.put("engine", TorchRuntime.describe(engine));
        p.put("model.file", fileName);
        p.put("model.sha256", sha256);
        p.put("model.contract", "forward(z float32[1," + latentDim + "], t float32[1]) -> float32[1,3,H,W] in [0,1]");
        p.put("latent.dim", Integer.toString(latentDim));
        p.put("output.size", request.width() + "x" + request.height());
        p.put("output.fps", Double.toString(request.fps()));
        p.put("output.frames", Long.toString(request.frameCount()));
        p.put("output.colour", "yuv420p bt709 limited-range");
        String name = request.option(DjlGenerator.OPTION_MODEL_NAME, baseName);
        return new TorchScriptFrameSource(request, model, latentDim, name, "sha256:" + sha256.substring(0, 16), p, start);
    }

    private static String sha256(Path file) throws IOException {
        return Sha256.hexOf(file);
    }

    @Override
    public long frameCount() {
        return request.frameCount();
    }

    @Override
    public VideoFrame next() throws GenerationException {
        if (produced >= request.frameCount()) {
            return null;
        }
        long start = System.nanoTime();
        long index = produced;
        double seconds = index / request.fps();
        float[] pixels;
        int w;
        int h;
        try (NDManager frame = model.getNDManager().newSubManager()) {
            NDArray z = frame.create(latent.at(seconds), new Shape(1, latentDim));
            NDArray t = frame.create(new float[] {(float) seconds}, new Shape(1));
            NDList output = predictor.predict(new NDList(z, t));
            if (output.isEmpty()) {
                throw new GenerationException("model returned no output");
            }
            NDArray rgb = output.get(0);
            Shape shape = rgb.getShape();
            if (shape.dimension() != 4 || shape.get(0) != 1 || shape.get(1) != 3 || shape.get(2) < 1 || shape.get(3) < 1
                    || shape.get(2) > MAX_SIDE || shape.get(3) > MAX_SIDE) {
                throw new GenerationException("model output has shape " + shape + "; the contract is [1, 3, H, W] with "
                        + "1 <= H, W <= " + MAX_SIDE);
            }
            if (rgb.getDataType() != DataType.FLOAT32) {
                rgb = rgb.toType(DataType.FLOAT32, false);
            }
            h = (int) shape.get(2);
            w = (int) shape.get(3);
            pixels = rgb.toFloatArray();
        } catch (TranslateException | RuntimeException e) {
            throw new GenerationException("model forward failed at frame " + index + ": " + e.getMessage(), e);
        }
        if (image == null) {
            image = new RgbImage(w, h);
            upscaler = new FrameUpscaler(w, h, request.width(), request.height());
            parameters.put("model.output-size", w + "x" + h);
        } else if (image.width() != w || image.height() != h) {
            throw new GenerationException("model output size changed from " + image.width() + "x" + image.height()
                    + " to " + w + "x" + h + " at frame " + index);
        }
        int plane = w * h;
        for (int p = 0; p < plane; p++) {
            float r = pixels[p];
            float g = pixels[plane + p];
            float b = pixels[2 * plane + p];
            if (Float.isNaN(r) || Float.isNaN(g) || Float.isNaN(b)) {
                throw new GenerationException("model output contains NaN at frame " + index);
            }
            image.set(p, r, g, b);
        }
        VideoFrame out = upscaler.toFrame(image, null, index, request.timestampMicros(index));
        produced++;
        renderNanos += System.nanoTime() - start;
        return out;
    }

    @Override
    public GenerationRecord record() {
        return new GenerationRecord(DjlGenerator.ID, modelName, modelVersion, GenerationRecord.Origin.GENERATED,
                request.prompt(), request.seed(), parameters, produced, Duration.ofNanos(setupNanos),
                Duration.ofNanos(renderNanos));
    }

    @Override
    public void close() {
        predictor.close();
        model.close();
    }
}
