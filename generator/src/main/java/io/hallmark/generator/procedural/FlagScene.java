package io.hallmark.generator.procedural;

import io.hallmark.generator.raster.DetailTexture;
import io.hallmark.generator.raster.Parallel;
import io.hallmark.generator.raster.RgbImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A flag on a pole, or a sheet of printed cloth, in the wind. The surface is a sum of travelling waves whose
 * amplitude grows away from the fixed edge; lighting uses the analytic surface normal (diffuse, satin sheen,
 * darkened troughs), and a woven texture is added at full resolution.
 */
final class FlagScene extends Scene {
    private static final float POLE_X = -0.52f;
    private static final float TOP = -0.34f;
    private static final float FLAG_W = 1.0f;
    private static final float FLAG_H = 0.6f;
    private static final float POLE_R = 0.011f;

    private static final float[][] COLOURS = {
            {0.78f, 0.08f, 0.12f}, {0.95f, 0.95f, 0.92f}, {0.04f, 0.17f, 0.52f}, {0.0f, 0.46f, 0.24f},
            {0.98f, 0.78f, 0.08f}, {0.07f, 0.07f, 0.08f}, {0.95f, 0.45f, 0.05f}, {0.3f, 0.6f, 0.9f},
            {0.45f, 0.05f, 0.2f}};
    private static final String[] COLOUR_NAMES = {"red", "white", "blue", "green", "yellow", "black", "orange",
            "sky-blue", "maroon"};
    private static final String[] PATTERNS = {"stripes", "tricolour", "cross", "diagonal", "canton"};

    private final SceneSetup setup;
    private final String variant;
    private final String pattern;
    private final int stripes;
    private final float[][] colours;
    private final List<String> colourNames = new ArrayList<>();
    private final float amplitude;
    private final float sag;
    private final float[] kU;
    private final float[] kV;
    private final float[] omega;
    private final float[] phase;
    private final float[] weight;
    private final float wind;
    private final float[] zenith;
    private final float[] horizon;
    private final float[] light;
    private final DetailTexture detail;

    FlagScene(SceneSetup setup) {
        this.setup = setup;
        PromptAnalysis p = setup.prompt;
        variant = p.mentions("cloth", "fabric", "curtain", "curtains", "silk", "textile", "drape") && !p.mentions("flag", "flags")
                ? "cloth" : "flag";
        float strength = p.mentions("strong", "gale", "storm", "stormy", "gust", "gusty") ? 1.6f
                : p.mentions("gentle", "breeze", "calm", "soft") ? 0.6f : 1f;
        wind = strength * setup.range(0.8, 1.2);
        pattern = PATTERNS[setup.random.nextInt(PATTERNS.length)];
        stripes = 2 + setup.random.nextInt(4);
        colours = new float[4][];
        List<Integer> pool = new ArrayList<>();
        for (int i = 0; i < COLOURS.length; i++) {
            pool.add(i);
        }
        String tint = p.tint();
        for (int c = 0; c < colours.length; c++) {
            int pick = -1;
            if (c == 0) {
                for (int i = 0; i < COLOUR_NAMES.length; i++) {
                    if (COLOUR_NAMES[i].equals(tint)) {
                        pick = i;
                    }
                }
            }
            if (pick < 0) {
                pick = pool.get(setup.random.nextInt(pool.size()));
            }
            pool.remove(Integer.valueOf(pick));
            colours[c] = COLOURS[pick];
            colourNames.add(COLOUR_NAMES[pick]);
        }
        int waves = 4;
        kU = new float[waves];
        kV = new float[waves];
        omega = new float[waves];
        phase = new float[waves];
        weight = new float[waves];
        boolean cloth = variant.equals("cloth");
        for (int k = 0; k < waves; k++) {
            kU[k] = cloth ? setup.range(2, 6) : setup.range(5, 13);
            kV[k] = setup.range(-3, 3);
            omega[k] = kU[k] * setup.range(0.7, 1.1) * wind;
            phase[k] = setup.range(0, 2 * Math.PI);
            weight[k] = 1f / (1 + k * 0.6f);
        }
        amplitude = (cloth ? 0.045f : 0.03f) * (0.7f + 0.3f * wind);
        sag = setup.range(0.02, 0.06) / wind;
        switch (p.timeOfDay()) {
            case SUNSET -> {
                zenith = new float[] {0.3f, 0.32f, 0.55f};
                horizon = new float[] {1.0f, 0.62f, 0.38f};
                light = new float[] {1.15f, 0.85f, 0.65f};
            }
            case NIGHT -> {
                zenith = new float[] {0.02f, 0.03f, 0.08f};
                horizon = new float[] {0.08f, 0.1f, 0.18f};
                light = new float[] {0.55f, 0.55f, 0.62f};
            }
            case OVERCAST -> {
                zenith = new float[] {0.45f, 0.48f, 0.52f};
                horizon = new float[] {0.7f, 0.72f, 0.74f};
                light = new float[] {0.85f, 0.86f, 0.88f};
            }
            default -> {
                zenith = new float[] {0.2f, 0.42f, 0.82f};
                horizon = new float[] {0.7f, 0.82f, 0.95f};
                light = new float[] {1.08f, 1.05f, 1.0f};
            }
        }
        detail = Textures.weave(setup.noise);
    }

    @Override
    String variant() {
        return variant;
    }

    @Override
    void describe(Map<String, String> into) {
        into.put("flag.surface", "analytic travelling waves, " + kU.length + " components");
        into.put("flag.pattern", variant.equals("cloth") ? "tartan" : pattern + (pattern.equals("stripes") ? "-" + stripes : ""));
        into.put("flag.colours", String.join(",", colourNames));
        into.put("flag.wind", fmt(wind));
    }

    @Override
    boolean endlessX() {
        return variant.equals("cloth");
    }

    @Override
    boolean endlessY() {
        return false;
    }

    @Override
    void render(double time, Camera.View view, RgbImage out) {
        float t = (float) time;
        int w = out.width();
        boolean cloth = variant.equals("cloth");
        float lx = -0.45f;
        float ly = -0.55f;
        float lz = 0.7f;
        float ln = 1f / (float) Math.sqrt(lx * lx + ly * ly + lz * lz);
        float[] sun = {lx * ln, ly * ln, lz * ln};
        float hx = sun[0];
        float hy = sun[1];
        float hz = sun[2] + 1;
        float hn = 1f / (float) Math.sqrt(hx * hx + hy * hy + hz * hz);
        float[] half = {hx * hn, hy * hn, hz * hn};
        Parallel.forRows(out.height(), (from, to) -> {
            float[] lighting = new float[2];
            for (int j = from; j < to; j++) {
                float wy = view.y(j);
                for (int i = 0; i < w; i++) {
                    float wx = view.x(i);
                    int index = j * w + i;
                    if (cloth) {
                        clothPixel(wx, wy, t, sun, half, lighting, out, index);
                    } else {
                        flagPixel(wx, wy, t, view.step(), sun, half, lighting, out, index);
                    }
                }
            }
        });
    }

    private void flagPixel(float wx, float wy, float t, float step, float[] sun, float[] half, float[] lighting,
            RgbImage out, int index) {
        // Background: sky with soft drifting clouds over a distant wooded ridge.
        float skyT = FastMath.clamp01((0.45f - wy) * 0.9f);
        float r = FastMath.mix(horizon[0], zenith[0], skyT);
        float g = FastMath.mix(horizon[1], zenith[1], skyT);
        float b = FastMath.mix(horizon[2], zenith[2], skyT);
        float cloud = FastMath.smoothstep(0.05f, 0.6f, setup.noise.fbm(wx * 1.4f - t * 0.02f * wind, wy * 3f, 3));
        r = FastMath.mix(r, light[0] * 0.95f, cloud * 0.6f);
        g = FastMath.mix(g, light[1] * 0.95f, cloud * 0.6f);
        b = FastMath.mix(b, light[2] * 0.95f, cloud * 0.6f);
        float ridge = 0.33f + 0.06f * setup.noise.fbm(wx * 2.5f, 3.1f, 4);
        float detailGain = 0.25f;
        if (wy > ridge) {
            float canopy = 0.75f + 0.45f * setup.noise.fbm(wx * 30f, wy * 30f, 2);
            r = 0.1f * canopy * light[0];
            g = 0.22f * canopy * light[1];
            b = 0.1f * canopy * light[2];
            detailGain = 0.8f;
        }
        // The pole: a lit metal cylinder.
        float poleDx = (wx - (POLE_X - POLE_R)) / POLE_R;
        if (poleDx > -1 && poleDx < 1 && wy > TOP - 0.03f) {
            float nx = poleDx;
            float nz = (float) Math.sqrt(1 - nx * nx);
            float diffuse = Math.max(0, nx * sun[0] + nz * sun[2]);
            float spec = FastMath.powTwo(Math.max(0, nx * half[0] + nz * half[2]), 5);
            float metal = 0.25f + 0.5f * diffuse + 0.6f * spec;
            float cover = FastMath.clamp01((1 - Math.abs(poleDx)) * POLE_R / step + 0.3f);
            r = FastMath.mix(r, 0.75f * metal * light[0], cover);
            g = FastMath.mix(g, 0.75f * metal * light[1], cover);
            b = FastMath.mix(b, 0.78f * metal * light[2], cover);
        }
        // The flag.
        float u = (wx - POLE_X) / (FLAG_W * 0.96f);
        if (u >= -0.02f && u <= 1.05f) {
            float uc = Math.max(0, u);
            float edge = 0.025f * (uc + 0.1f) * FastMath.sin(kU[0] * uc - omega[0] * t + phase[0]);
            float v = (wy - TOP - sag * uc * uc - edge) / FLAG_H;
            float uMax = 1 - 0.02f * (1 + FastMath.sin(6 * v - omega[1] * t + phase[1]));
            float cover = FastMath.clamp01(Math.min(Math.min(u * FLAG_W, (uMax - u) * FLAG_W),
                    Math.min(v, 1 - v) * FLAG_H) / step + 0.5f);
            if (cover > 0) {
                float[] c = flagColour(uc, v);
                surfaceLight(uc, v, t, sun, half, FLAG_W, FLAG_H, lighting);
                float shade = lighting[0];
                float sheen = lighting[1];
                r = FastMath.mix(r, c[0] * shade * light[0] + sheen, cover);
                g = FastMath.mix(g, c[1] * shade * light[1] + sheen, cover);
                b = FastMath.mix(b, c[2] * shade * light[2] + sheen, cover);
                detailGain = FastMath.mix(detailGain, 1f, cover);
            }
        }
        out.set(index, r, g, b);
        out.detailGain[index] = detailGain;
    }

    private void clothPixel(float wx, float wy, float t, float[] sun, float[] half, float[] lighting,
            RgbImage out, int index) {
        // A hanging sheet: fixed along the top of the frame, folds growing downwards.
        float u = wy + 0.6f;
        float v = wx;
        surfaceLight(u, v, t, sun, half, 1f, 1f, lighting);
        float shade = lighting[0];
        float sheen = lighting[1];
        // Tartan: two sets of stripes whose colours mix where they cross.
        float sx = wx * 9f + 0.3f * FastMath.sin(wy * 3f);
        float sy = wy * 9f;
        int bx = FastMath.floor(sx) & 3;
        int by = FastMath.floor(sy) & 3;
        float[] a = colours[bx == 3 ? 1 : bx == 0 ? 0 : 2];
        float[] c = colours[by == 3 ? 1 : by == 0 ? 0 : 3];
        float fine = (FastMath.floor(sx * 6) + FastMath.floor(sy * 6) & 1) == 0 ? 0.92f : 1.0f;
        out.set(index, (a[0] + c[0]) * 0.5f * shade * fine * light[0] + sheen,
                (a[1] + c[1]) * 0.5f * shade * fine * light[1] + sheen,
                (a[2] + c[2]) * 0.5f * shade * fine * light[2] + sheen);
        out.detailGain[index] = 1f;
    }

    private float[] flagColour(float u, float v) {
        switch (pattern) {
            case "tricolour":
                return colours[Math.min(2, (int) (u * 3))];
            case "cross": {
                boolean bar = Math.abs(u - 0.36f) < 0.07f || Math.abs(v - 0.5f) < 0.11f;
                boolean inner = Math.abs(u - 0.36f) < 0.035f || Math.abs(v - 0.5f) < 0.055f;
                return inner ? colours[2] : bar ? colours[1] : colours[0];
            }
            case "diagonal":
                return v < 1 - u * FLAG_H / FLAG_W * 1.6f ? colours[0] : colours[1];
            case "canton":
                if (u < 0.42f && v < 0.54f) {
                    return colours[2];
                }
                return colours[((int) (v * 7)) & 1];
            default:
                return colours[Math.min(stripes - 1, (int) (v * stripes)) % 3];
        }
    }

    /** Writes diffuse-and-occlusion shade to {@code result[0]} and satin sheen to {@code result[1]}. */
    private void surfaceLight(float u, float v, float t, float[] sun, float[] half, float width, float height,
                              float[] result) {
        float sum = 0;
        float du = 0;
        float dv = 0;
        for (int k = 0; k < kU.length; k++) {
            float ph = kU[k] * u + kV[k] * v - omega[k] * t + phase[k];
            float s = FastMath.sin(ph) * weight[k];
            float c = FastMath.cos(ph) * weight[k];
            sum += s;
            du += kU[k] * c;
            dv += kV[k] * c;
        }
        // Amplitude grows from the fixed edge (u = 0).
        float a = amplitude * (0.12f + u);
        float z = a * sum;
        float dzdx = (amplitude * sum + a * du) / width;
        float dzdy = a * dv / height;
        float nz = 1f / (float) Math.sqrt(1 + dzdx * dzdx + dzdy * dzdy);
        float nx = -dzdx * nz;
        float ny = -dzdy * nz;
        float diffuse = Math.max(0, nx * sun[0] + ny * sun[1] + nz * sun[2]);
        float occlusion = FastMath.clamp01(1 + z * 6f);
        float nh = Math.max(0, nx * half[0] + ny * half[1] + nz * half[2]);
        result[0] = (0.3f + 0.85f * diffuse) * (0.7f + 0.3f * occlusion);
        result[1] = 0.12f * FastMath.powTwo(nh, 4);
    }

    @Override
    DetailTexture detail() {
        return detail;
    }

    @Override
    float detailAmplitude() {
        return 5f;
    }
}
