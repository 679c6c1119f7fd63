package io.hallmark.generator.procedural;

import io.hallmark.generator.raster.DetailTexture;
import io.hallmark.generator.raster.Parallel;
import io.hallmark.generator.raster.RgbImage;
import java.util.Map;

/**
 * Lights at night: a city skyline with lit windows reflected in a river, fireflies or rising lanterns over a
 * tree line, or a starfield with the Milky Way. Every light also goes into an emission buffer that is blurred
 * and added back (bloom), which is what makes small lights read as bright.
 */
final class NightScene extends Scene {
    private static final float HORIZON = 0.2f;
    private static final float PARTICLE_SPAN = 4f;    // particles repeat every 4 world units (endless pans)

    private final SceneSetup setup;
    private final String variant;
    private final float litFraction;
    private final float starDensity;
    private final float bloom;
    private final float[] skyTop;
    private final float[] skyLow;
    private final float[] glow;
    private final int particles;
    private final float[] px;
    private final float[] py;
    private final float[] size;
    private final float[] freqA;
    private final float[] freqB;
    private final float[] phase;
    private final float[] speed;
    private final float[] particleColour;
    private final DetailTexture detail;
    private float[] emitR = new float[0];
    private float[] emitG = new float[0];
    private float[] emitB = new float[0];
    private float[] scratch = new float[0];

    NightScene(SceneSetup setup) {
        this.setup = setup;
        PromptAnalysis p = setup.prompt;
        if (p.mentions("fireflies", "firefly", "forest", "meadow")) {
            variant = "fireflies";
        } else if (p.mentions("lantern", "lanterns", "sparks", "particles", "particle", "embers")) {
            variant = "lanterns";
        } else if (p.mentions("stars", "star", "starry", "galaxy", "milky", "space") && !p.mentions("city", "skyline")) {
            variant = "stars";
        } else {
            variant = "city";
        }
        litFraction = setup.range(0.3, 0.6);
        starDensity = switch (variant) {
            case "stars" -> 0.35f;
            case "city" -> 0.04f;
            default -> 0.12f;
        };
        bloom = setup.range(0.8, 1.3);
        float hue = setup.range(-0.03, 0.03);
        skyTop = new float[] {0.005f, 0.01f + hue * 0.2f, 0.04f};
        skyLow = variant.equals("city") ? new float[] {0.09f, 0.07f, 0.12f}
                : variant.equals("stars") ? new float[] {0.06f + hue, 0.07f, 0.16f - hue}
                : new float[] {0.16f + hue, 0.13f, 0.3f - hue};   // dusk behind the trees
        glow = variant.equals("city") ? new float[] {0.16f, 0.08f, 0.03f} : new float[] {0.03f, 0.03f, 0.06f};
        particles = switch (variant) {
            case "fireflies" -> 220;
            case "lanterns" -> 90;
            default -> 0;
        };
        px = new float[particles];
        py = new float[particles];
        size = new float[particles];
        freqA = new float[particles];
        freqB = new float[particles];
        phase = new float[particles];
        speed = new float[particles];
        for (int k = 0; k < particles; k++) {
            px[k] = setup.range(0, PARTICLE_SPAN);
            py[k] = variant.equals("lanterns") ? setup.range(-0.8, 0.5) : setup.range(HORIZON - 0.2, 0.55);
            size[k] = variant.equals("lanterns") ? setup.range(0.005, 0.012) : setup.range(0.003, 0.007);
            freqA[k] = setup.range(0.2, 0.9);
            freqB[k] = setup.range(0.2, 0.9);
            phase[k] = setup.range(0, 2 * Math.PI);
            speed[k] = setup.range(0.02, 0.05);
        }
        particleColour = variant.equals("lanterns") ? new float[] {1.0f, 0.55f, 0.2f} : new float[] {0.75f, 1.0f, 0.3f};
        detail = Textures.grain(setup.noise, 32);
    }

    @Override
    String variant() {
        return variant;
    }

    @Override
    void describe(Map<String, String> into) {
        into.put("night.bloom", fmt(bloom));
        into.put("night.particles", Integer.toString(particles));
        into.put("night.lit-fraction", fmt(litFraction));
        into.put("night.star-density", fmt(starDensity));
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
        if (emitR.length != w * h) {
            emitR = new float[w * h];
            emitG = new float[w * h];
            emitB = new float[w * h];
            scratch = new float[w * h];
        }
        Parallel.forRows(h, (from, to) -> {
            float[] c = new float[6];
            for (int j = from; j < to; j++) {
                float wy = view.y(j);
                for (int i = 0; i < w; i++) {
                    float wx = view.x(i);
                    int index = j * w + i;
                    if (variant.equals("city") && wy > HORIZON) {
                        // The river: the skyline mirrored about the horizon, broken up by ripples.
                        float depth = wy - HORIZON;
                        float rx = wx + 0.004f * FastMath.sin(wy * 260f + t * 2.1f) * (0.4f + depth * 3);
                        float ry = 2 * HORIZON - wy + 0.002f * FastMath.sin(wx * 90f + wy * 300f - t * 1.7f);
                        cityAt(rx, ry, t, view.step(), c);
                        float k = 0.5f - Math.min(0.3f, depth);
                        c[0] = c[0] * k + 0.008f;
                        c[1] = c[1] * k + 0.012f;
                        c[2] = c[2] * k + 0.025f;
                        c[3] *= k;
                        c[4] *= k;
                        c[5] *= k;
                        out.detailGain[index] = 1f;
                    } else if (variant.equals("city")) {
                        cityAt(wx, wy, t, view.step(), c);
                        out.detailGain[index] = 0.6f;
                    } else {
                        landscapeAt(wx, wy, t, view.step(), c);
                        out.detailGain[index] = 1f;
                    }
                    out.set(index, c[0], c[1], c[2]);
                    emitR[index] = c[3];
                    emitG[index] = c[4];
                    emitB[index] = c[5];
                }
            }
        });
        drawParticles(t, view, w, h);
        for (int i = 0; i < w * h; i++) {
            out.r[i] += emitR[i];
            out.g[i] += emitG[i];
            out.b[i] += emitB[i];
        }
        int radius = Math.max(2, h / 50);
        for (float[] plane : new float[][] {emitR, emitG, emitB}) {
            boxBlur(plane, w, h, radius);
            boxBlur(plane, w, h, radius);
        }
        for (int i = 0; i < w * h; i++) {
            out.r[i] += emitR[i] * bloom;
            out.g[i] += emitG[i] * bloom;
            out.b[i] += emitB[i] * bloom;
        }
    }

    /** Sky, stars and skyline at a world point; writes base colour to c[0..2] and emitted light to c[3..5]. */
    private void cityAt(float wx, float wy, float t, float step, float[] c) {
        sky(wx, wy, t, step, c);
        // Two rows of buildings; the far one moves less when the camera pans (parallax).
        for (int layer = 0; layer < 2; layer++) {
            float parallax = layer == 0 ? 0.55f : 1f;
            float lotWidth = layer == 0 ? 0.045f : 0.085f;
            float x = wx * parallax + layer * 31.7f;
            int lot = FastMath.floor(x / lotWidth);
            float inLot = x - lot * lotWidth;
            float gap = lotWidth * (0.04f + 0.12f * FastMath.hash01(lot, layer, 1));
            float tall = FastMath.hash01(lot, layer, 2);
            float heightOf = layer == 0 ? 0.05f + 0.15f * tall * tall : 0.06f + 0.4f * tall * tall * tall;
            float top = HORIZON - heightOf;
            if (inLot < gap || wy < top) {
                continue;
            }
            float shade = layer == 0 ? 0.045f : 0.02f;
            c[0] = shade * 0.8f;
            c[1] = shade * 0.85f;
            c[2] = shade * 1.2f;
            c[3] = 0;
            c[4] = 0;
            c[5] = 0;
            // Windows on a grid; each toggles on/off at its own slow random moments.
            float colW = layer == 0 ? 0.007f : 0.011f;
            float rowH = layer == 0 ? 0.01f : 0.016f;
            float lx = inLot - gap - 0.004f;
            float ly = wy - top - 0.006f;
            if (lx < 0 || ly < 0) {
                continue;
            }
            int col = FastMath.floor(lx / colW);
            int row = FastMath.floor(ly / rowH);
            float cover = coverage(lx - col * colW, step * parallax, colW * 0.55f)
                    * coverage(ly - row * rowH, step, rowH * 0.55f);
            if (cover <= 0) {
                continue;
            }
            float period = 6f + 14f * FastMath.hash01(lot, row, col);
            int epoch = FastMath.floor((t + period * FastMath.hash01(col, lot, row)) / period);
            float lit = FastMath.hash01(lot * 31 + layer, row * 17 + epoch, col);
            if (lit > litFraction) {
                continue;
            }
            float kind = FastMath.hash01(lot, row, layer + 7);
            float bright = (0.5f + 0.5f * FastMath.hash01(row, col, lot)) * cover * (layer == 0 ? 0.6f : 1f);
            float er;
            float eg;
            float eb;
            if (kind < 0.7f) {
                er = 1.0f; eg = 0.75f; eb = 0.4f;
            } else if (kind < 0.92f) {
                er = 0.75f; eg = 0.85f; eb = 1.0f;
            } else {
                er = 0.9f; eg = 0.2f; eb = 0.85f;
            }
            c[3] = er * bright * 0.5f;
            c[4] = eg * bright * 0.5f;
            c[5] = eb * bright * 0.5f;
            c[0] += er * bright * 0.45f;
            c[1] += eg * bright * 0.45f;
            c[2] += eb * bright * 0.45f;
        }
    }

    /** Dusk sky over a tree line or hills, for fireflies, lanterns and stars. */
    private void landscapeAt(float wx, float wy, float t, float step, float[] c) {
        sky(wx, wy, t, step, c);
        float ridge = variant.equals("stars")
                ? HORIZON + 0.05f - 0.08f * setup.noise.fbm(wx * 1.5f, 5.5f, 4)
                : HORIZON - 0.06f - 0.1f * setup.noise.fbm(wx * 2f, 2.5f, 3)
                - 0.05f * Math.abs(setup.noise.noise(wx * 28f, 0.5f)) - 0.03f * Math.abs(setup.noise.noise(wx * 70f, 3.5f));
        if (wy > ridge) {
            float ground = 0.008f + 0.012f * (0.5f + 0.5f * setup.noise.fbm(wx * 20f, wy * 20f, 3));
            c[0] = ground * 0.7f;
            c[1] = ground * 1.1f;
            c[2] = ground * 0.9f;
            c[3] = 0;
            c[4] = 0;
            c[5] = 0;
        }
    }

    private void sky(float wx, float wy, float t, float step, float[] c) {
        float up = FastMath.clamp01((HORIZON - wy) * 1.3f);
        float pollution = FastMath.clamp01(1 - (HORIZON - wy) * 4f);
        c[0] = FastMath.mix(skyLow[0], skyTop[0], up) + glow[0] * pollution * pollution;
        c[1] = FastMath.mix(skyLow[1], skyTop[1], up) + glow[1] * pollution * pollution;
        c[2] = FastMath.mix(skyLow[2], skyTop[2], up) + glow[2] * pollution * pollution;
        c[3] = 0;
        c[4] = 0;
        c[5] = 0;
        float band = 0;
        if (variant.equals("stars")) {
            float dist = wy * 0.8f + wx * 0.5f + 0.05f + 0.08f * setup.noise.fbm(wx * 2f, wy * 2f, 3);
            band = 1f / (1f + dist * dist * 60f);
            float dust = 0.5f + 0.5f * setup.noise.fbm(wx * 5f + 3f, wy * 5f, 4);
            c[0] += band * dust * 0.16f;
            c[1] += band * dust * 0.14f;
            c[2] += band * dust * 0.2f;
        }
        // Stars: at most one per cell of a fine grid, far away (they barely move when the camera pans).
        float cell = 0.012f;
        float sx = wx * 0.3f / cell;
        float sy = wy / cell;
        int cx = FastMath.floor(sx);
        int cy = FastMath.floor(sy);
        if (FastMath.hash01(cx, cy, 11) < starDensity * (1 + band * 2)) {
            float ox = 0.2f + 0.6f * FastMath.hash01(cx, cy, 12);
            float oy = 0.2f + 0.6f * FastMath.hash01(cx, cy, 13);
            float dx = (sx - cx - ox) * cell / 0.3f / step;
            float dy = (sy - cy - oy) * cell / step;
            float d2 = dx * dx + dy * dy;
            if (d2 < 1.5f) {
                float mag = FastMath.hash01(cx, cy, 14);
                float twinkle = 0.75f + 0.25f * FastMath.sin(t * (2 + 4 * mag) + mag * 40);
                float s = (0.15f + 0.85f * mag * mag * mag) * twinkle * (1 - d2 / 1.5f) * (0.3f + 0.7f * up);
                c[0] += s * 0.9f;
                c[1] += s * 0.92f;
                c[2] += s;
                c[3] += s * 0.15f;
                c[4] += s * 0.15f;
                c[5] += s * 0.18f;
            }
        }
    }

    /** Fraction of a pixel of width {@code step} centred at {@code x} that falls inside [0, width). */
    private static float coverage(float x, float step, float width) {
        float lo = Math.max(0, x - step * 0.5f);
        float hi = Math.min(width, x + step * 0.5f);
        return hi > lo ? (hi - lo) / step : 0;
    }

    private void drawParticles(float t, Camera.View view, int w, int h) {
        boolean rising = variant.equals("lanterns");
        for (int k = 0; k < particles; k++) {
            float x = px[k] + 0.06f * FastMath.sin(freqA[k] * t + phase[k]) + (rising ? 0.01f * t : 0);
            float y = py[k] + 0.04f * FastMath.sin(freqB[k] * t + phase[k] * 1.7f) - (rising ? speed[k] * t : 0);
            if (rising) {
                // Lanterns that float out of the top come back in from below.
                float above = HORIZON + 0.35f - y;
                y = HORIZON + 0.35f - (above - 1.3f * FastMath.floor(above / 1.3f));
            }
            // Place the repeating particle field around the camera.
            x -= PARTICLE_SPAN * FastMath.floor((x - view.x0() + 0.2f) / PARTICLE_SPAN);
            float cxp = (x - view.x0()) / view.step();
            float cyp = (y - view.y0()) / view.step();
            float blink = rising ? 0.85f + 0.15f * FastMath.sin(t * 7 + phase[k] * 5)
                    : FastMath.powTwo(Math.max(0, 0.3f + 0.7f * FastMath.sin(t * freqA[k] * 2.5f + phase[k] * 3)), 1);
            if (blink <= 0.01f) {
                continue;
            }
            float radius = Math.max(0.7f, size[k] / view.step());
            int reach = (int) Math.ceil(radius * 3);
            int i0 = Math.max(0, (int) Math.floor(cxp) - reach);
            int i1 = Math.min(w - 1, (int) Math.floor(cxp) + reach);
            int j0 = Math.max(0, (int) Math.floor(cyp) - reach);
            int j1 = Math.min(h - 1, (int) Math.floor(cyp) + reach);
            for (int j = j0; j <= j1; j++) {
                for (int i = i0; i <= i1; i++) {
                    float dx = (i - cxp) / radius;
                    float dy = (j - cyp) / radius;
                    float f = 1f / (1f + (dx * dx + dy * dy) * 2f);
                    float e = f * f * blink * 1.2f;
                    int index = j * w + i;
                    emitR[index] += particleColour[0] * e;
                    emitG[index] += particleColour[1] * e;
                    emitB[index] += particleColour[2] * e;
                }
            }
        }
    }

    /** In-place box blur of radius {@code r}, rows then columns, each band on its own thread. */
    private void boxBlur(float[] plane, int w, int h, int r) {
        float inv = 1f / (2 * r + 1);
        float[] tmp = scratch;
        Parallel.forRows(h, (from, to) -> {
            for (int j = from; j < to; j++) {
                int row = j * w;
                float sum = 0;
                for (int i = -r; i <= r; i++) {
                    sum += plane[row + Math.max(0, Math.min(w - 1, i))];
                }
                for (int i = 0; i < w; i++) {
                    tmp[row + i] = sum * inv;
                    sum += plane[row + Math.min(w - 1, i + r + 1)] - plane[row + Math.max(0, i - r)];
                }
            }
        });
        Parallel.forRows(w, (from, to) -> {
            for (int i = from; i < to; i++) {
                float sum = 0;
                for (int j = -r; j <= r; j++) {
                    sum += tmp[Math.max(0, Math.min(h - 1, j)) * w + i];
                }
                for (int j = 0; j < h; j++) {
                    plane[j * w + i] = sum * inv;
                    sum += tmp[Math.min(h - 1, j + r + 1) * w + i] - tmp[Math.max(0, j - r) * w + i];
                }
            }
        });
    }

    @Override
    DetailTexture detail() {
        return detail;
    }

    @Override
    float detailAmplitude() {
        return 2f;
    }
}
