package io.hallmark.generator.procedural;

import io.hallmark.generator.FrameSource;
import io.hallmark.generator.GenerationRecord;
import io.hallmark.generator.GenerationRequest;
import io.hallmark.generator.raster.DetailTexture;
import io.hallmark.generator.raster.FrameUpscaler;
import io.hallmark.generator.raster.Parallel;
import io.hallmark.generator.raster.RgbImage;
import io.hallmark.media.VideoFrame;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** Frames of one procedural generation: scene, camera, colour grade, upscale to YUV. */
final class ProceduralFrameSource implements FrameSource {
    /** Scenes are drawn at most this wide, then upscaled (with full-resolution detail added). */
    static final int MAX_RENDER_WIDTH = 480;

    private final GenerationRequest request;
    private final PromptAnalysis prompt;
    private final Scene scene;
    private final CameraMove move;
    private final double cameraSpeed;
    private final Camera camera;
    private final RgbImage image;
    private final FrameUpscaler upscaler;
    private final float[] gains;
    private final boolean monochrome;
    private final float[] vignette;
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private final long frameCount;
    private final long setupNanos;
    private long renderNanos;
    private long produced;
    private boolean closed;

    ProceduralFrameSource(GenerationRequest request) {
        long start = System.nanoTime();
        this.request = request;
        PromptAnalysis analysis = PromptAnalysis.of(request.prompt());
        String forcedScene = request.options().get(ProceduralGenerator.OPTION_SCENE);
        if (forcedScene != null) {
            analysis = analysis.withFamily(SceneFamily.fromLabel(forcedScene));
        }
        this.prompt = analysis;
        int scale = Math.max(1, (request.width() + MAX_RENDER_WIDTH - 1) / MAX_RENDER_WIDTH);
        int lowW = (request.width() + scale - 1) / scale;
        int lowH = (request.height() + scale - 1) / scale;
        SceneSetup setup = new SceneSetup(analysis, request.seed(), lowW, lowH, request.fps());
        this.scene = switch (analysis.family()) {
            case WATER -> new WaterScene(setup);
            case CLOUDS -> new CloudScene(setup);
            case FLAG -> new FlagScene(setup);
            case NIGHT_LIGHTS -> new NightScene(setup);
        };
        // The camera depends on the seed alone, so one prompt can be shot many ways.
        SplittableRandom cameraRandom = new SplittableRandom(request.seed() ^ 0x5DEECE66DL);
        String forcedCamera = request.options().get(ProceduralGenerator.OPTION_CAMERA);
        CameraMove[] moves = CameraMove.values();
        CameraMove seeded = moves[cameraRandom.nextInt(moves.length)];
        this.move = forcedCamera != null ? CameraMove.fromLabel(forcedCamera) : seeded;
        this.cameraSpeed = 0.03 + 0.04 * cameraRandom.nextDouble();
        this.camera = new Camera(move, cameraSpeed, scene.endlessX(), scene.endlessY(), lowW, lowH);
        this.image = new RgbImage(lowW, lowH);
        this.upscaler = new FrameUpscaler(lowW, lowH, request.width(), request.height());
        float[] tint = analysis.tintGains();
        float jitter = (float) (cameraRandom.nextDouble() - 0.5) * 0.06f;
        this.gains = new float[] {tint[0] * (1 + jitter), tint[1], tint[2] * (1 - jitter)};
        this.monochrome = analysis.monochrome();
        this.vignette = vignette(lowW, lowH);
        this.frameCount = request.frameCount();

        parameters.put("scene.family", analysis.family().label());
        parameters.put("scene.family-reason", analysis.familyReason());
        parameters.put("scene.variant", scene.variant());
        parameters.put("scene.time-of-day", analysis.timeOfDay().name().toLowerCase(java.util.Locale.ROOT));
        parameters.put("scene.tint", monochrome ? "monochrome" : analysis.tint());
        parameters.put("camera.move", move.label());
        parameters.put("camera.speed", Scene.fmt(cameraSpeed));
        scene.describe(parameters);
        parameters.put("render.internal-size", lowW + "x" + lowH);
        parameters.put("render.upscale", "bilinear + full-resolution detail texture");
        parameters.put("output.size", request.width() + "x" + request.height());
        parameters.put("output.fps", Double.toString(request.fps()));
        parameters.put("output.frames", Long.toString(frameCount));
        parameters.put("output.colour", "yuv420p bt709 limited-range");
        this.setupNanos = System.nanoTime() - start;
    }

    private static float[] vignette(int w, int h) {
        float[] v = new float[w * h];
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                float dx = (i + 0.5f) / w - 0.5f;
                float dy = (j + 0.5f) / h - 0.5f;
                v[j * w + i] = 1f - 0.35f * (dx * dx + dy * dy) * 2f;
            }
        }
        return v;
    }

    @Override
    public long frameCount() {
        return frameCount;
    }

    @Override
    public VideoFrame next() {
        if (closed) {
            throw new IllegalStateException("frame source is closed");
        }
        if (produced >= frameCount) {
            return null;
        }
        long start = System.nanoTime();
        long index = produced;
        double t = index / request.fps();
        scene.advanceTo(t);
        Camera.View view = camera.view(t);
        scene.render(t, view, image);
        grade();
        // Detail lies in world space: one texel per output pixel at zoom 1.
        double worldPerPixel = view.height() / request.height();
        double texelsPerWorld = request.height();
        double worldX0 = view.centerX() - worldPerPixel * request.width() / 2;
        double worldY0 = view.centerY() - worldPerPixel * request.height() / 2;
        DetailTexture.Placement detail = new DetailTexture.Placement(scene.detail(), worldX0 * texelsPerWorld,
                worldY0 * texelsPerWorld, worldPerPixel * texelsPerWorld, scene.detailAmplitude());
        VideoFrame frame = upscaler.toFrame(image, detail, index, request.timestampMicros(index));
        produced++;
        renderNanos += System.nanoTime() - start;
        return frame;
    }

    /** Tint, vignette, and a gentle filmic shoulder so highlights roll off instead of clipping flat. */
    private void grade() {
        int w = image.width();
        Parallel.forRows(image.height(), (from, to) -> {
            for (int i = from * w, end = to * w; i < end; i++) {
                float v = vignette[i];
                float r = image.r[i] * gains[0] * v;
                float g = image.g[i] * gains[1] * v;
                float b = image.b[i] * gains[2] * v;
                if (monochrome) {
                    float l = 0.2126f * r + 0.7152f * g + 0.0722f * b;
                    r = l;
                    g = l;
                    b = l;
                }
                image.r[i] = shoulder(r);
                image.g[i] = shoulder(g);
                image.b[i] = shoulder(b);
            }
        });
    }

    private static float shoulder(float x) {
        if (x <= 0.8f) {
            return Math.max(0, x);
        }
        float over = x - 0.8f;
        return 0.8f + 0.2f * over / (over + 0.2f);
    }

    @Override
    public GenerationRecord record() {
        return new GenerationRecord(ProceduralGenerator.ID, ProceduralGenerator.MODEL_NAME,
                ProceduralGenerator.MODEL_VERSION, GenerationRecord.Origin.GENERATED, request.prompt(), request.seed(),
                parameters, produced, Duration.ofNanos(setupNanos), Duration.ofNanos(renderNanos));
    }

    @Override
    public void close() {
        closed = true;
    }
}
