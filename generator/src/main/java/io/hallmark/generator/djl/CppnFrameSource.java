package io.hallmark.generator.djl;

import io.hallmark.generator.internal.Sha256;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.hallmark.generator.FrameSource;
import io.hallmark.generator.GenerationException;
import io.hallmark.generator.GenerationRecord;
import io.hallmark.generator.GenerationRequest;
import io.hallmark.generator.raster.FrameUpscaler;
import io.hallmark.generator.raster.RgbImage;
import io.hallmark.media.VideoFrame;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Frames from the seeded CPPN: evaluate at reduced resolution on PyTorch, then convert and upscale in Java. */
final class CppnFrameSource implements FrameSource {
    /** The network is evaluated at most this wide (it is smooth, so upscaling loses little). */
    static final int MAX_NETWORK_WIDTH = 320;

    private final GenerationRequest request;
    private final NDManager manager;
    private final CppnNetwork network;
    private final NDArray coords;
    private final LatentPath latent;
    private final RgbImage image;
    private final FrameUpscaler upscaler;
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private final long setupNanos;
    private long renderNanos;
    private long produced;

    CppnFrameSource(GenerationRequest request, int latentDim) throws GenerationException {
        long start = System.nanoTime();
        this.request = request;
        Engine engine = TorchRuntime.engine();
        long modelSeed = request.seed() * 0x9E3779B97F4A7C15L ^ promptHash(request.prompt());
        int scale = Math.max(1, (request.width() + MAX_NETWORK_WIDTH - 1) / MAX_NETWORK_WIDTH);
        int w = (request.width() + scale - 1) / scale;
        int h = (request.height() + scale - 1) / scale;
        manager = engine.newBaseManager();
        try {
            // Prompt words steer the look: more layers and larger weights give busier, finer patterns.
            int words = request.prompt().isBlank() ? 0 : request.prompt().trim().split("\\s+").length;
            int hidden = 32;
            int layers = 3 + Math.min(2, words / 6);
            float weightScale = 1.6f + (float) ((modelSeed >>> 40) & 0xff) / 255f * 1.4f;
            network = new CppnNetwork(manager, modelSeed, latentDim, hidden, layers, weightScale);
            // Spatial frequency of the pattern: how many "features" fit across the frame.
            float detail = 3f + (float) ((modelSeed >>> 20) & 0xff) / 255f * 5f;
            coords = manager.create(coordinates(w, h, detail), new Shape((long) w * h, CppnNetwork.COORDS));
            parameters.put("network.coordinate-scale", String.format(java.util.Locale.ROOT, "%.3f", detail));
            parameters.put("network", network.describe());
            parameters.put("network.weight-scale", String.format(java.util.Locale.ROOT, "%.3f", weightScale));
            parameters.put("network.seed", Long.toUnsignedString(modelSeed, 16));
        } catch (RuntimeException e) {
            manager.close();
            throw new GenerationException("could not build the CPPN on " + TorchRuntime.describe(engine) + ": "
                    + e.getMessage(), e);
        }
        latent = new LatentPath(modelSeed ^ 0x2545F4914F6CDD1DL, latentDim);
        image = new RgbImage(w, h);
        upscaler = new FrameUpscaler(w, h, request.width(), request.height());
        parameters.put("engine", TorchRuntime.describe(engine));
        parameters.put("latent.dim", Integer.toString(latentDim));
        parameters.put("latent.path", "per-dimension sinusoids 0.03-0.15 Hz");
        parameters.put("render.internal-size", w + "x" + h);
        parameters.put("output.size", request.width() + "x" + request.height());
        parameters.put("output.fps", Double.toString(request.fps()));
        parameters.put("output.frames", Long.toString(request.frameCount()));
        parameters.put("output.colour", "yuv420p bt709 limited-range");
        setupNanos = System.nanoTime() - start;
    }

    /** (x, y, r) per pixel, x and y in [-scale, scale] along the height (aspect preserved), row-major. */
    private static float[] coordinates(int w, int h, float scale) {
        float[] c = new float[w * h * CppnNetwork.COORDS];
        float unit = 2f * scale / h;
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                float x = (i - (w - 1) / 2f) * unit;
                float y = (j - (h - 1) / 2f) * unit;
                int k = (j * w + i) * CppnNetwork.COORDS;
                c[k] = x;
                c[k + 1] = y;
                c[k + 2] = (float) Math.sqrt(x * x + y * y);
            }
        }
        return c;
    }

    static long promptHash(String prompt) {
        return Sha256.firstLong(prompt);
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
        float[] rgb;
        try (NDManager frame = manager.newSubManager()) {
            rgb = network.forward(frame, coords, latent.at(index / request.fps())).toFloatArray();
        } catch (RuntimeException e) {
            throw new GenerationException("CPPN forward pass failed at frame " + index + ": " + e.getMessage(), e);
        }
        for (int p = 0, n = image.width() * image.height(); p < n; p++) {
            image.set(p, rgb[3 * p], rgb[3 * p + 1], rgb[3 * p + 2]);
        }
        VideoFrame out = upscaler.toFrame(image, null, index, request.timestampMicros(index));
        produced++;
        renderNanos += System.nanoTime() - start;
        return out;
    }

    @Override
    public GenerationRecord record() {
        return new GenerationRecord(DjlGenerator.ID, DjlGenerator.MODEL_NAME, DjlGenerator.MODEL_VERSION,
                GenerationRecord.Origin.GENERATED, request.prompt(), request.seed(), parameters, produced,
                Duration.ofNanos(setupNanos), Duration.ofNanos(renderNanos));
    }

    @Override
    public void close() {
        manager.close();
    }
}
