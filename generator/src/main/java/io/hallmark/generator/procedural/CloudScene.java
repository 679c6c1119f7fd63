package io.hallmark.generator.procedural;

import io.hallmark.generator.raster.DetailTexture;
import io.hallmark.generator.raster.Parallel;
import io.hallmark.generator.raster.RgbImage;
import java.util.Map;

/**
 * Clouds, smoke and fog from animated, domain-warped fractal noise. Density is evaluated for the whole frame
 * first; lighting then compares each pixel's density with the density a few pixels towards the light, which
 * lights the edges facing the sun and darkens the far side (a cheap single-step self-shadowing).
 */
final class CloudScene extends Scene {
    private static final float HORIZON = 0.62f;

    private final SceneSetup setup;
    private final String variant;
    private final float coverage;
    private final float windX;
    private final float windY;
    private final float warp;
    private final float[] zenith;
    private final float[] horizon;
    private final float[] lit;
    private final float[] shadow;
    private final float sunX;
    private final float sunY;
    private final float sunDx;
    private final float sunDy;
    private final float[] hillTone;
    private final DetailTexture detail;
    private float[] density = new float[0];

    CloudScene(SceneSetup setup) {
        this.setup = setup;
        PromptAnalysis p = setup.prompt;
        if (p.mentions("smoke", "smoky", "smoking", "steam")) {
            variant = "smoke";
        } else if (p.mentions("fog", "foggy", "mist", "misty", "haze", "hazy")) {
            variant = "fog";
        } else {
            variant = "sky";
        }
        boolean storm = p.mentions("storm", "stormy", "overcast");
        coverage = storm ? setup.range(-0.3, -0.15) : setup.range(-0.12, 0.15);
        double windAngle = setup.range(-0.4, 0.4) + (setup.random.nextBoolean() ? 0 : Math.PI);
        float windSpeed = setup.range(0.05, 0.12) * (storm ? 2f : 1f);
        windX = (float) StrictMath.cos(windAngle) * windSpeed;
        windY = (float) StrictMath.sin(windAngle) * windSpeed * 0.3f;
        warp = variant.equals("smoke") ? setup.range(1.4, 2.0) : setup.range(0.7, 1.1);
        sunX = setup.range(-0.6, 0.6);
        sunY = variant.equals("sky") && p.timeOfDay() == PromptAnalysis.TimeOfDay.SUNSET ? 0.35f : setup.range(-0.45, 0.1);
        sunDx = Math.signum(sunX) * 2.5f + 0.0001f;
        sunDy = -2f;
        switch (p.timeOfDay()) {
            case SUNSET -> {
                zenith = new float[] {0.2f, 0.25f, 0.5f};
                horizon = new float[] {1.0f, 0.55f, 0.3f};
                lit = new float[] {1.05f, 0.72f, 0.5f};
                shadow = new float[] {0.35f, 0.25f, 0.38f};
            }
            case NIGHT -> {
                zenith = new float[] {0.02f, 0.03f, 0.08f};
                horizon = new float[] {0.08f, 0.1f, 0.18f};
                lit = new float[] {0.45f, 0.47f, 0.55f};
                shadow = new float[] {0.07f, 0.08f, 0.12f};
            }
            case OVERCAST -> {
                zenith = new float[] {0.42f, 0.45f, 0.5f};
                horizon = new float[] {0.65f, 0.67f, 0.7f};
                lit = new float[] {0.82f, 0.83f, 0.85f};
                shadow = new float[] {0.3f, 0.31f, 0.35f};
            }
            default -> {
                float blue = setup.range(-0.05, 0.05);
                zenith = new float[] {0.18f, 0.38f + blue, 0.78f};
                horizon = new float[] {0.68f, 0.8f, 0.93f};
                lit = new float[] {1.0f, 0.99f, 0.96f};
                shadow = new float[] {0.5f, 0.55f, 0.65f};
            }
        }
        hillTone = new float[] {setup.range(0.1, 0.2), setup.range(0.18, 0.3), setup.range(0.12, 0.22)};
        detail = Textures.grain(setup.noise, 32);
    }

    @Override
    String variant() {
        return variant;
    }

    @Override
    void describe(Map<String, String> into) {
        into.put("clouds.noise", "domain-warped fbm, 5 octaves, per-octave drift");
        into.put("clouds.coverage", fmt(coverage));
        into.put("clouds.wind", fmt(windX) + "," + fmt(windY));
        into.put("clouds.warp", fmt(warp));
    }

    @Override
    boolean endlessX() {
        return true;
    }

    @Override
    boolean endlessY() {
        return false;
    }

    @Override
    void render(double time, Camera.View view, RgbImage out) {
        float t = (float) time;
        int w = out.width();
        int h = out.height();
        if (density.length != w * h) {
            density = new float[w * h];
        }
        Noise noise = setup.noise;
        boolean smoke = variant.equals("smoke");
        Parallel.forRows(h, (from, to) -> {
            for (int j = from; j < to; j++) {
                float wy = view.y(j);
                for (int i = 0; i < w; i++) {
                    float wx = view.x(i);
                    float px;
                    float py;
                    if (smoke) {
                        // Rising smoke: the field flows upwards.
                        px = wx * 2.2f;
                        py = wy * 2.2f + t * 0.18f;
                    } else {
                        // A cloud layer seen in perspective: farther (nearer the horizon) is smaller.
                        float depth = 1f / (HORIZON - Math.min(wy, HORIZON - 0.08f) + 0.25f);
                        px = wx * depth * 1.3f;
                        py = depth * 2.4f;
                    }
                    float qx = noise.fbm(px * 0.6f + t * 0.02f, py * 0.6f, 3);
                    float qy = noise.fbm(px * 0.6f + 5.2f, py * 0.6f + 1.3f - t * 0.015f, 3);
                    density[j * w + i] = noise.fbmEvolving(px + warp * qx - windX * t * 4, py + warp * qy - windY * t * 4,
                            5, t, 0.03f, 0.02f);
                }
            }
        });
        Parallel.forRows(h, (from, to) -> {
            for (int j = from; j < to; j++) {
                float wy = view.y(j);
                int js = Math.max(0, Math.min(h - 1, j + (int) sunDy));
                for (int i = 0; i < w; i++) {
                    float wx = view.x(i);
                    int is = Math.max(0, Math.min(w - 1, i + (int) sunDx));
                    float d = density[j * w + i];
                    float towardsSun = density[js * w + is];
                    float shade = FastMath.clamp01(0.55f + (d - towardsSun) * 6f);
                    if (smoke) {
                        smokePixel(wx, wy, d, shade, out, j * w + i);
                    } else if (variant.equals("fog")) {
                        fogPixel(wx, wy, t, d, out, j * w + i);
                    } else {
                        skyPixel(wx, wy, d, shade, out, j * w + i);
                    }
                }
            }
        });
    }

    private void skyPixel(float wx, float wy, float d, float shade, RgbImage out, int index) {
        float skyT = FastMath.clamp01((HORIZON - wy) * 0.85f);
        float dx = wx - sunX;
        float dy = wy - sunY;
        float glow = 0.35f / (1f + (dx * dx + dy * dy) * 18f);
        float r = FastMath.mix(horizon[0], zenith[0], skyT) + glow * lit[0];
        float g = FastMath.mix(horizon[1], zenith[1], skyT) + glow * lit[1];
        float b = FastMath.mix(horizon[2], zenith[2], skyT) + glow * lit[2] * 0.8f;
        float alpha = FastMath.smoothstep(coverage, coverage + 0.35f, d);
        float thick = FastMath.smoothstep(coverage + 0.15f, coverage + 0.7f, d);
        float body = shade * (1f - 0.35f * thick * (1 - shade));
        float cr = FastMath.mix(shadow[0], lit[0], body) + glow * 0.6f;
        float cg = FastMath.mix(shadow[1], lit[1], body) + glow * 0.5f;
        float cb = FastMath.mix(shadow[2], lit[2], body) + glow * 0.4f;
        // Distant clouds fade into the horizon haze.
        float haze = FastMath.smoothstep(0.2f, 0.62f, wy);
        alpha *= 1 - 0.7f * haze;
        out.set(index, FastMath.mix(r, cr, alpha), FastMath.mix(g, cg, alpha), FastMath.mix(b, cb, alpha));
        out.detailGain[index] = 0.4f + 0.6f * alpha;
    }

    private void smokePixel(float wx, float wy, float d, float shade, RgbImage out, int index) {
        float dx = wx - sunX;
        float dy = wy - sunY;
        float spot = 0.12f / (1f + (dx * dx + dy * dy) * 3f);
        float base = 0.05f + spot;
        // Columns of smoke that widen as they rise.
        float columns = 0.5f + 0.5f * FastMath.sin(wx * 4.2f + 1.3f);
        float mask = FastMath.smoothstep(0.1f, 0.9f, columns + 0.35f * (0.5f - wy));
        float alpha = FastMath.smoothstep(coverage - 0.1f, coverage + 0.45f, d) * mask;
        float grey = FastMath.mix(0.28f, 0.86f, shade) * (0.75f + spot * 2f);
        out.set(index, FastMath.mix(base * 1.05f, grey * lit[0], alpha), FastMath.mix(base, grey * lit[1], alpha),
                FastMath.mix(base * 1.15f, grey * lit[2], alpha));
        out.detailGain[index] = 0.3f + 0.7f * alpha;
    }

    private void fogPixel(float wx, float wy, float t, float d, RgbImage out, int index) {
        float skyT = FastMath.clamp01((0.2f - wy) * 1.2f);
        float fr = FastMath.mix(horizon[0], zenith[0] * 0.6f + horizon[0] * 0.4f, skyT);
        float fg = FastMath.mix(horizon[1], zenith[1] * 0.6f + horizon[1] * 0.4f, skyT);
        float fb = FastMath.mix(horizon[2], zenith[2] * 0.6f + horizon[2] * 0.4f, skyT);
        float r = fr;
        float g = fg;
        float b = fb;
        // Three wooded ridges, nearer ones darker and moving faster past the camera (parallax).
        for (int layer = 0; layer < 3; layer++) {
            float parallax = 0.5f + 0.35f * layer;
            float lx = wx * parallax + layer * 13.7f;
            float ridge = -0.02f + 0.14f * layer + 0.1f * setup.noise.fbm(lx * 2.2f, layer * 7.3f, 4);
            if (wy > ridge) {
                float canopy = 0.85f + 0.3f * setup.noise.fbm(lx * 45f, wy * 45f, 2);
                float mist = 0.75f - 0.25f * layer;
                r = FastMath.mix(hillTone[0] * canopy, fr, mist);
                g = FastMath.mix(hillTone[1] * canopy, fg, mist);
                b = FastMath.mix(hillTone[2] * canopy, fb, mist);
            }
        }
        // Drifting wisps in front of everything.
        float wisp = FastMath.smoothstep(coverage - 0.2f, coverage + 0.6f, d) * 0.55f;
        out.set(index, FastMath.mix(r, horizon[0] * 1.08f, wisp), FastMath.mix(g, horizon[1] * 1.08f, wisp),
                FastMath.mix(b, horizon[2] * 1.08f, wisp));
        out.detailGain[index] = 0.6f;
    }

    @Override
    DetailTexture detail() {
        return detail;
    }

    @Override
    float detailAmplitude() {
        return 1.8f;
    }
}
