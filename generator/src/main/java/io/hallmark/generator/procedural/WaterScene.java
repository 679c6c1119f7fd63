package io.hallmark.generator.procedural;

import io.hallmark.generator.raster.DetailTexture;
import io.hallmark.generator.raster.Parallel;
import io.hallmark.generator.raster.RgbImage;
import java.util.Map;

/**
 * Water seen from above: a 2D wave-equation simulation (raindrops and disturbances spreading as ripples) plus
 * analytic swell, shaded with sky reflection, sun glints, and a refracted, caustic-lit bed.
 *
 * <p>The simulation runs on a periodic grid at a fixed 60 steps per second whatever the frame rate, so the
 * water behaves the same at 24 and 60 fps. Each step is the standard explicit scheme
 * {@code next = (N + S + E + W) / 2 - previous}, damped.
 */
final class WaterScene extends Scene {
    private static final int N = 256;
    private static final int MASK = N - 1;
    private static final float DOMAIN = 2f;          // world units covered by the periodic grid
    private static final float CELLS_PER_UNIT = N / DOMAIN;
    private static final double STEPS_PER_SECOND = 60;
    private static final int FLOOR = 256;            // floor texture covers one world unit

    private final SceneSetup setup;
    private final String variant;
    private float[] current = new float[N * N];
    private float[] previous = new float[N * N];
    private final float[] slopeX = new float[N * N];
    private final float[] slopeY = new float[N * N];
    private final float[] laplacian = new float[N * N];
    private final float[] floor = new float[FLOOR * FLOOR];
    private long stepsDone;
    private double dropDebt;
    private boolean warmedUp;
    private boolean slopesStale;

    private final float dropsPerSecond;
    private final float damping;
    private final float dropStrength;
    private final float clarity;
    private final float reflectance;
    private final float horizonY;
    private final float[] swellKx;
    private final float[] swellKy;
    private final float[] swellAmp;
    private final float[] swellOmega;
    private final float[] swellPhase;
    private final float foam;
    private final float[] deep;
    private final float[] bed;
    private final float[] zenith;
    private final float[] horizon;
    private final float[] sun;
    private final float sunX;
    private final float sunY;
    private final float sunZ;
    private final DetailTexture detail;

    WaterScene(SceneSetup setup) {
        this.setup = setup;
        PromptAnalysis p = setup.prompt;
        if (p.mentions("ocean", "oceans", "sea", "seas", "wave", "waves", "surf", "tide")) {
            variant = "ocean";
        } else if (p.mentions("rain", "rainy", "raining", "raindrop", "raindrops", "drops", "droplets", "puddle",
                "puddles", "storm")) {
            variant = "rain";
        } else {
            variant = "pond";
        }
        int swells;
        switch (variant) {
            case "ocean" -> {
                dropsPerSecond = setup.range(0, 1.5);
                damping = 0.994f;
                clarity = 0f;
                swells = 9;
                foam = setup.range(0.5, 1);
            }
            case "rain" -> {
                dropsPerSecond = setup.range(35, 70);
                damping = 0.988f;
                clarity = setup.range(0.25, 0.45);
                swells = 2;
                foam = 0;
            }
            default -> {
                dropsPerSecond = setup.range(3, 9);
                damping = 0.995f;
                clarity = setup.range(0.5, 0.7);
                swells = 3;
                foam = 0;
            }
        }
        dropStrength = setup.range(0.8, 1.4);
        reflectance = variant.equals("rain") ? 0.55f : 0.2f;
        horizonY = setup.range(-0.2, -0.05);
        swellKx = new float[swells];
        swellKy = new float[swells];
        swellAmp = new float[swells];
        swellOmega = new float[swells];
        swellPhase = new float[swells];
        double wind = setup.random.nextDouble() * 2 * Math.PI;
        for (int k = 0; k < swells; k++) {
            double dir = wind + (setup.random.nextDouble() - 0.5) * (variant.equals("ocean") ? 2.2 : 1.4);
            double wavelength = variant.equals("ocean") ? 0.012 * StrictMath.pow(0.35 / 0.012, (double) k / (swells - 1))
                    * setup.range(0.85, 1.15) : setup.range(0.03, 0.09);
            double waveNumber = 2 * Math.PI / wavelength;
            swellKx[k] = (float) (waveNumber * StrictMath.cos(dir));
            swellKy[k] = (float) (waveNumber * StrictMath.sin(dir));
            // Constant steepness: longer waves are proportionally higher.
            double steepness = variant.equals("ocean") ? 0.55 : 0.12;
            swellAmp[k] = (float) (steepness / waveNumber / Math.sqrt(swells));
            // Deep-water dispersion; one world unit is 20 m (top-down) or 100 m (the ocean's sea plane).
            swellOmega[k] = (float) StrictMath.sqrt(9.81 * waveNumber / (variant.equals("ocean") ? 100 : 20));
            swellPhase[k] = (float) (setup.random.nextDouble() * 2 * Math.PI);
        }
        PromptAnalysis.TimeOfDay tod = p.timeOfDay();
        if (variant.equals("rain") && tod == PromptAnalysis.TimeOfDay.DAY) {
            tod = PromptAnalysis.TimeOfDay.OVERCAST;
        }
        switch (tod) {
            case SUNSET -> {
                zenith = new float[] {0.35f, 0.3f, 0.5f};
                horizon = new float[] {1.0f, 0.62f, 0.35f};
                sun = new float[] {1.6f, 1.1f, 0.6f};
            }
            case NIGHT -> {
                zenith = new float[] {0.02f, 0.03f, 0.08f};
                horizon = new float[] {0.1f, 0.12f, 0.2f};
                sun = new float[] {0.9f, 0.9f, 0.85f}; // moon
            }
            case OVERCAST -> {
                zenith = new float[] {0.5f, 0.53f, 0.56f};
                horizon = new float[] {0.72f, 0.74f, 0.76f};
                sun = new float[] {0.35f, 0.35f, 0.35f};
            }
            default -> {
                zenith = new float[] {0.32f, 0.52f, 0.85f};
                horizon = new float[] {0.78f, 0.86f, 0.95f};
                sun = new float[] {1.4f, 1.35f, 1.2f};
            }
        }
        float hueShift = setup.range(-0.06, 0.06);
        deep = switch (variant) {
            case "ocean" -> new float[] {0.02f + hueShift * 0.2f, 0.16f + hueShift, 0.26f - hueShift};
            case "rain" -> new float[] {0.09f, 0.1f, 0.11f};
            default -> new float[] {0.05f, 0.2f + hueShift, 0.18f};
        };
        bed = variant.equals("rain") ? new float[] {0.42f, 0.41f, 0.4f}
                : new float[] {0.62f + hueShift, 0.55f, 0.4f - hueShift};
        double sunAzimuth = setup.random.nextDouble() * 2 * Math.PI;
        double sunElevation = setup.range(0.55, 0.85);
        sunX = (float) (StrictMath.cos(sunAzimuth) * StrictMath.cos(sunElevation));
        sunY = (float) (StrictMath.sin(sunAzimuth) * StrictMath.cos(sunElevation));
        sunZ = (float) StrictMath.sin(sunElevation);
        buildFloor();
        detail = Textures.grain(setup.noise, 16);
    }

    /** A pebble bed: cellular (Worley) stones with noise, tileable over one world unit. */
    private void buildFloor() {
        int cells = variant.equals("rain") ? 48 : 20;
        float[] px = new float[cells * cells];
        float[] py = new float[cells * cells];
        float[] tone = new float[cells * cells];
        for (int i = 0; i < px.length; i++) {
            px[i] = (float) setup.random.nextDouble();
            py[i] = (float) setup.random.nextDouble();
            tone[i] = (float) setup.random.nextDouble();
        }
        float scale = (float) cells / FLOOR;
        for (int j = 0; j < FLOOR; j++) {
            for (int i = 0; i < FLOOR; i++) {
                float x = (i + 0.5f) * scale;
                float y = (j + 0.5f) * scale;
                int cx = FastMath.floor(x);
                int cy = FastMath.floor(y);
                float d1 = 9;
                float d2 = 9;
                float t1 = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int gx = Math.floorMod(cx + dx, cells);
                        int gy = Math.floorMod(cy + dy, cells);
                        int c = gy * cells + gx;
                        float ox = cx + dx + px[c] - x;
                        float oy = cy + dy + py[c] - y;
                        float d = ox * ox + oy * oy;
                        if (d < d1) {
                            d2 = d1;
                            d1 = d;
                            t1 = tone[c];
                        } else if (d < d2) {
                            d2 = d;
                        }
                    }
                }
                float edge = (float) Math.sqrt(d2) - (float) Math.sqrt(d1);   // 0 at the gaps between stones
                // Rounded stones: bright crowns, dark silt in the gaps.
                float dome = FastMath.smoothstep(0f, 0.45f, edge);
                float stone = (float) Math.sqrt(dome) * (0.45f + 0.55f * t1);
                float grit = 0.12f * setup.noise.periodic(i * 32f / FLOOR, j * 32f / FLOOR, 32);
                floor[j * FLOOR + i] = 0.25f + 0.75f * stone + grit;
            }
        }
    }

    @Override
    String variant() {
        return variant;
    }

    @Override
    void describe(Map<String, String> into) {
        into.put("water.simulation", "2d-wave-equation " + N + "x" + N + " periodic, " + (int) STEPS_PER_SECOND
                + " steps/s");
        into.put("water.drops-per-second", fmt(dropsPerSecond));
        into.put("water.damping", fmt(damping));
        into.put("water.swell-components", Integer.toString(swellAmp.length));
        into.put("water.clarity", fmt(clarity));
    }

    @Override
    boolean endlessX() {
        return true;
    }

    @Override
    boolean endlessY() {
        return true;
    }

    @Override
    void advanceTo(double t) {
        if (!warmedUp) {
            // Start mid-shower rather than on a flat mirror.
            for (int i = 0; i < Math.max(2, dropsPerSecond * 0.5); i++) {
                drop();
            }
            for (int s = 0; s < 30; s++) {
                step();
            }
            warmedUp = true;
            slopesStale = true;
        }
        long target = (long) Math.floor(t * STEPS_PER_SECOND);
        while (stepsDone < target) {
            // Random arrival times with the configured mean rate.
            dropDebt += dropsPerSecond / STEPS_PER_SECOND * 2 * setup.random.nextDouble();
            while (dropDebt >= 1) {
                dropDebt -= 1;
                drop();
            }
            step();
            stepsDone++;
            slopesStale = true;
        }
        if (!slopesStale) {
            return;
        }
        slopesStale = false;
        Parallel.forRows(N, (from, to) -> {
            for (int y = from; y < to; y++) {
                int up = ((y - 1) & MASK) * N;
                int down = ((y + 1) & MASK) * N;
                int row = y * N;
                for (int x = 0; x < N; x++) {
                    int l = row + ((x - 1) & MASK);
                    int r = row + ((x + 1) & MASK);
                    float c = current[row + x];
                    slopeX[row + x] = (current[r] - current[l]) * 0.5f;
                    slopeY[row + x] = (current[down + x] - current[up + x]) * 0.5f;
                    laplacian[row + x] = current[r] + current[l] + current[up + x] + current[down + x] - 4 * c;
                }
            }
        });
    }

    private void drop() {
        int cx = setup.random.nextInt(N);
        int cy = setup.random.nextInt(N);
        float radius = setup.range(1.2, variant.equals("rain") ? 2.2 : 3.5);
        float strength = dropStrength * setup.range(0.4, 1.0) * (variant.equals("ocean") ? 0.5f : 1f);
        int reach = (int) Math.ceil(radius * 2.5);
        for (int dy = -reach; dy <= reach; dy++) {
            for (int dx = -reach; dx <= reach; dx++) {
                float d2 = (dx * dx + dy * dy) / (radius * radius);
                if (d2 < 6.25f) {
                    int i = ((cy + dy) & MASK) * N + ((cx + dx) & MASK);
                    current[i] -= strength * (float) StrictMath.exp(-d2);
                }
            }
        }
    }

    private void step() {
        float[] cur = current;
        float[] prev = previous;
        for (int y = 0; y < N; y++) {
            int up = ((y - 1) & MASK) * N;
            int down = ((y + 1) & MASK) * N;
            int row = y * N;
            for (int x = 0; x < N; x++) {
                float sum = cur[row + ((x - 1) & MASK)] + cur[row + ((x + 1) & MASK)] + cur[up + x] + cur[down + x];
                prev[row + x] = (sum * 0.5f - prev[row + x]) * damping;
            }
        }
        previous = cur;
        current = prev;
    }

    @Override
    void render(double time, Camera.View view, RgbImage out) {
        float t = (float) time;
        int w = out.width();
        boolean ocean = variant.equals("ocean");
        Parallel.forRows(out.height(), (from, to) -> {
            for (int j = from; j < to; j++) {
                float wy = view.y(j);
                for (int i = 0; i < w; i++) {
                    float wx = view.x(i);
                    if (ocean) {
                        ocean(wx, wy, t, view.step(), out, j * w + i);
                    } else {
                        shade(wx, wy, t, out, j * w + i);
                    }
                }
            }
        });
    }

    private void shade(float wx, float wy, float t, RgbImage out, int index) {
        // Simulated ripples, bilinear on the periodic grid.
        float gxf = wx * CELLS_PER_UNIT;
        float gyf = wy * CELLS_PER_UNIT;
        int x0 = FastMath.floor(gxf);
        int y0 = FastMath.floor(gyf);
        float fx = gxf - x0;
        float fy = gyf - y0;
        int a = (y0 & MASK) * N + (x0 & MASK);
        int b = (y0 & MASK) * N + ((x0 + 1) & MASK);
        int c = ((y0 + 1) & MASK) * N + (x0 & MASK);
        int d = ((y0 + 1) & MASK) * N + ((x0 + 1) & MASK);
        float sx = bilinear(slopeX, a, b, c, d, fx, fy) * 6f;
        float sy = bilinear(slopeY, a, b, c, d, fx, fy) * 6f;
        float lap = bilinear(laplacian, a, b, c, d, fx, fy);
        float height = bilinear(current, a, b, c, d, fx, fy) * 0.05f;
        // Analytic swell (slopes in height per world unit, scaled to the ripples' units).
        for (int k = 0; k < swellAmp.length; k++) {
            float phase = swellKx[k] * wx + swellKy[k] * wy - swellOmega[k] * t + swellPhase[k];
            float s = FastMath.sin(phase);
            float co = FastMath.cos(phase);
            height += swellAmp[k] * s;
            sx += swellAmp[k] * swellKx[k] * co;
            sy += swellAmp[k] * swellKy[k] * co;
        }
        float nz = 1f / (float) Math.sqrt(1 + sx * sx + sy * sy);
        float nx = -sx * nz;
        float ny = -sy * nz;
        // Reflection of a view ray looking straight down.
        float rx = 2 * nz * nx;
        float ry = 2 * nz * ny;
        float rz = 2 * nz * nz - 1;
        float skyT = FastMath.clamp01(0.55f - wy * 0.35f + (rz - 0.8f) * 1.5f);
        float cloud = 0.5f + 0.5f * setup.noise.fbm((wx + rx * 0.25f) * 2.2f + t * 0.01f, (wy + ry * 0.25f) * 2.2f, 4);
        float skyLight = 0.6f + 0.7f * cloud * cloud;
        float fresnel = FastMath.clamp01(reflectance + 3.2f * (1 - nz));
        // The bed, seen through the water: displaced by refraction, lit by focusing caustics.
        float under0;
        float under1;
        float under2;
        if (clarity > 0) {
            float bed = floorAt(wx + nx * 0.08f, wy + ny * 0.08f);
            float caustic = 1 + FastMath.clamp01(-lap * 1.6f) * 1.4f - FastMath.clamp01(lap * 1.2f) * 0.4f;
            float lit = bed * caustic * clarity;
            under0 = deep[0] * (1 - clarity) + this.bed[0] * lit;
            under1 = deep[1] * (1 - clarity) + this.bed[1] * lit;
            under2 = deep[2] * (1 - clarity) + this.bed[2] * lit;
        } else {
            float body = 0.8f + 0.35f * nz + height * 3f;
            under0 = deep[0] * body;
            under1 = deep[1] * body;
            under2 = deep[2] * body;
        }
        float rDotSun = rx * sunX + ry * sunY + rz * sunZ;
        float glint = rDotSun > 0 ? FastMath.powTwo(rDotSun, 8) : 0;  // (r.sun)^256
        float sky0 = FastMath.mix(horizon[0], zenith[0], skyT) * skyLight;
        float sky1 = FastMath.mix(horizon[1], zenith[1], skyT) * skyLight;
        float sky2 = FastMath.mix(horizon[2], zenith[2], skyT) * skyLight;
        float r = under0 * (1 - fresnel) + sky0 * fresnel + sun[0] * glint;
        float g = under1 * (1 - fresnel) + sky1 * fresnel + sun[1] * glint;
        float bl = under2 * (1 - fresnel) + sky2 * fresnel + sun[2] * glint;
        if (foam > 0) {
            float crest = FastMath.smoothstep(0.018f, 0.035f, height)
                    * (0.6f + 0.4f * setup.noise.noise(wx * 40f, wy * 40f + t * 0.3f)) * foam;
            r = FastMath.mix(r, 0.9f, crest);
            g = FastMath.mix(g, 0.93f, crest);
            bl = FastMath.mix(bl, 0.95f, crest);
        }
        out.set(index, r, g, bl);
    }

    /**
     * The open sea seen from a low camera: a sky above the horizon and, below it, the swell on a ground plane in
     * perspective, with Fresnel reflection of the sky, a sun glitter path and foam on the crests. Wave
     * components shorter than a pixel's footprint are faded out, so the distance does not alias.
     */
    private void ocean(float wx, float wy, float t, float step, RgbImage out, int index) {
        float below = wy - horizonY;
        if (below <= 0.002f) {
            float up = -below;
            float skyT = FastMath.clamp01(up * 1.6f);
            float sdx = wx - sunX * 0.8f;
            float sdy = up - sunZ * 0.25f;
            float glow = 0.5f / (1f + (sdx * sdx + sdy * sdy) * 40f);
            float disc = FastMath.smoothstep(0.0016f, 0.0009f, sdx * sdx + sdy * sdy);
            float cloud = FastMath.smoothstep(0f, 0.7f, setup.noise.fbm(wx * 2f + t * 0.01f, up * 7f + 3f, 4));
            float r = FastMath.mix(horizon[0], zenith[0], skyT) + sun[0] * (glow + disc);
            float g = FastMath.mix(horizon[1], zenith[1], skyT) + sun[1] * (glow + disc);
            float b = FastMath.mix(horizon[2], zenith[2], skyT) + sun[2] * (glow + disc) * 0.8f;
            float shade = 0.75f + 0.4f * glow;
            out.set(index, FastMath.mix(r, horizon[0] * shade, cloud * 0.7f), FastMath.mix(g, horizon[1] * shade, cloud * 0.7f),
                    FastMath.mix(b, horizon[2] * shade, cloud * 0.7f));
            out.detailGain[index] = 0.3f;
            return;
        }
        float cam = 0.05f;
        float planeX = wx * cam / below;
        float planeZ = cam / below;
        float footprint = cam / (below * below) * step;
        float height = 0;
        float sx = 0;
        float sz = 0;
        for (int k = 0; k < swellAmp.length; k++) {
            float kk = swellKx[k] * swellKx[k] + swellKy[k] * swellKy[k];
            float fade = 1f / (1f + kk * footprint * footprint * 4f);
            float phase = swellKx[k] * planeX + swellKy[k] * planeZ - swellOmega[k] * t + swellPhase[k];
            float a = swellAmp[k] * fade;
            float co = FastMath.cos(phase);
            height += a * FastMath.sin(phase);
            sx += a * swellKx[k] * co;
            sz += a * swellKy[k] * co;
        }
        // Normal (y up), view ray from the camera, reflection.
        float nLen = 1f / (float) Math.sqrt(sx * sx + 1 + sz * sz);
        float nx = -sx * nLen;
        float ny = nLen;
        float nz = -sz * nLen;
        float iLen = 1f / (float) Math.sqrt(wx * wx + below * below + 1);
        float ix = wx * iLen;
        float iy = -below * iLen;
        float iz = iLen;
        float dot = ix * nx + iy * ny + iz * nz;
        float rx = ix - 2 * dot * nx;
        float ry = Math.abs(iy - 2 * dot * ny);
        float rz = iz - 2 * dot * nz;
        float cosTheta = FastMath.clamp01(-dot);
        float f5 = FastMath.powTwo(1 - cosTheta, 2) * (1 - cosTheta);
        float fresnel = 0.02f + 0.98f * f5;
        float skyT = FastMath.clamp01(ry * 1.6f);
        float sky0 = FastMath.mix(horizon[0], zenith[0], skyT);
        float sky1 = FastMath.mix(horizon[1], zenith[1], skyT);
        float sky2 = FastMath.mix(horizon[2], zenith[2], skyT);
        // The sun sits low ahead of the camera for a glitter path.
        float sl = 1f / (float) Math.sqrt(sunX * sunX * 0.64f + sunZ * sunZ * 0.0625f + 1);
        float rDotSun = (rx * sunX * 0.8f + ry * sunZ * 0.25f + rz) * sl
                / (float) Math.sqrt(rx * rx + ry * ry + rz * rz);
        float glitter = rDotSun > 0 ? FastMath.powTwo(rDotSun, 9) * 6f : 0;
        float body = 0.55f + 0.6f * FastMath.clamp01(0.5f + height * 20f);
        float r = deep[0] * body * (1 - fresnel) + sky0 * fresnel + sun[0] * glitter;
        float g = deep[1] * body * (1 - fresnel) + sky1 * fresnel + sun[1] * glitter;
        float b = deep[2] * body * (1 - fresnel) + sky2 * fresnel + sun[2] * glitter;
        float crest = FastMath.smoothstep(0.6f, 1f, height / (swellAmp[swellAmp.length - 1] * 1.6f + 1e-6f))
                * FastMath.clamp01(0.5f + setup.noise.fbm(planeX * 60f, planeZ * 60f + t * 0.2f, 2)) * foam;
        out.set(index, FastMath.mix(r, 0.85f, crest), FastMath.mix(g, 0.88f, crest), FastMath.mix(b, 0.9f, crest));
        out.detailGain[index] = 1f / (1f + footprint * 40f);
    }

    private static float bilinear(float[] grid, int a, int b, int c, int d, float fx, float fy) {
        float top = grid[a] + (grid[b] - grid[a]) * fx;
        float bottom = grid[c] + (grid[d] - grid[c]) * fx;
        return top + (bottom - top) * fy;
    }

    private float floorAt(float wx, float wy) {
        float fx = wx * FLOOR;
        float fy = wy * FLOOR;
        int x0 = FastMath.floor(fx);
        int y0 = FastMath.floor(fy);
        float ax = fx - x0;
        float ay = fy - y0;
        int m = FLOOR - 1;
        int r0 = (y0 & m) * FLOOR;
        int r1 = ((y0 + 1) & m) * FLOOR;
        float top = floor[r0 + (x0 & m)] + (floor[r0 + ((x0 + 1) & m)] - floor[r0 + (x0 & m)]) * ax;
        float bottom = floor[r1 + (x0 & m)] + (floor[r1 + ((x0 + 1) & m)] - floor[r1 + (x0 & m)]) * ax;
        return top + (bottom - top) * ay;
    }

    @Override
    DetailTexture detail() {
        return detail;
    }

    @Override
    float detailAmplitude() {
        return 2.5f;
    }
}
