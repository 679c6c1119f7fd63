package io.hallmark.bench.watermark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallmark.media.EncodeSettings;
import io.hallmark.media.VideoFrame;
import io.hallmark.media.VideoReader;
import io.hallmark.media.VideoWriter;
import io.hallmark.testdata.SharedData;
import io.hallmark.watermark.DetectionResult;
import io.hallmark.watermark.Payload;
import io.hallmark.watermark.WatermarkDetector;
import io.hallmark.watermark.WatermarkEmbedder;
import io.hallmark.watermark.WatermarkKey;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The keyless copy attack is real: one marked clip is enough to make the detector report the victim's exact
 * 64-bit ID on a different, unmarked clip, and to remove the mark from the marked clip.
 */
class CopyAttackTest {
    private static final double SECONDS = 3.0;

    @TempDir
    Path dir;

    @Test
    void forgesTheVictimsExactIdOntoOtherClipsAndRemovesItWithoutTheKey() throws Exception {
        byte[] keyBytes = new byte[WatermarkKey.LENGTH];
        new SecureRandom().nextBytes(keyBytes);
        WatermarkKey key = WatermarkKey.fromBytes(keyBytes);
        Payload victim = Payload.random();
        String seed = "key fingerprint " + key.fingerprintHex() + ", payload " + victim.hex();

        // The victim: 3 s of a 1280x720 clip, marked and encoded as `hallmark embed` does.
        Path marked = dir.resolve("marked.mp4");
        WatermarkEmbedder embedder = new WatermarkEmbedder(key, victim);
        try (VideoReader reader = VideoReader.open(SharedData.clip("sam2_01_dog.mp4"))) {
            var info = reader.info();
            try (VideoWriter writer = VideoWriter.create(marked, info.width() & ~1, info.height() & ~1,
                    info.frameRate(), EncodeSettings.DEFAULT.withSourceTiming())) {
                VideoFrame frame;
                while ((frame = reader.read()) != null && frame.timestampMicros() < SECONDS * 1e6) {
                    writer.write(embedder.embed(frame.evenCropped()));
                }
                writer.finish();
            }
        }
        DetectionResult original = WatermarkDetector.detect(marked, key);
        assertEquals(victim, original.payload().orElseThrow(), seed);

        // The attacker: no key, one marked file.
        CopyAttack.Estimate e = CopyAttack.estimate(marked);
        assertEquals(180, e.periodPixels(), "the embedder's period at 720p");
        assertTrue(e.bins() > 2500 && e.bins() < 3400, "bins kept: " + e.bins() + "; " + seed);

        // Forged onto two different, unmarked clips of other sizes (640x480 and 480x360), at ~44 dB.
        for (String target : new String[] {"mdn_friday.mp4", "mdn_stream-of-water.webm"}) {
            Path clip = SharedData.clip(target);
            Path forged = dir.resolve("forged-" + target + ".mp4");
            double psnr = CopyAttack.forge(e, clip, forged, 44.0, CopyAttack.Options.FORGE.withMaxSeconds(SECONDS));
            assertEquals(44.0, psnr, 0.3, target);
            DetectionResult r = WatermarkDetector.detect(forged, key);
            assertTrue(r.detected(), target + ": " + r + "; " + seed);
            assertTrue(r.pValue() < 1e-9, target + ": " + r + "; " + seed);
            assertEquals(victim, r.payload().orElseThrow(() -> new AssertionError(target + ": no payload, " + r
                    + "; " + seed)), target + "; " + seed);
            // Not something the clip had already: the same clip without the forgery is clean.
            assertFalse(WatermarkDetector.detect(clip, key).detected(), target);
        }

        // And removed from the victim at the embedder's own amplitude, recomputed without the key.
        Path removed = dir.resolve("removed.mp4");
        double psnr = CopyAttack.remove(e, marked, removed);
        assertTrue(psnr > 36 && psnr < 48, "removal PSNR-Y " + psnr);
        DetectionResult r = WatermarkDetector.detect(removed, key);
        assertFalse(r.detected(), r + "; " + seed);
        assertTrue(r.payload().isEmpty(), r + "; " + seed);
    }

    @Test
    void recoversPeriodAndPhasesOfASyntheticPeriodicPattern() {
        // A 96 px tile with unit-magnitude bins at 6..32 cycles per tile and random phases, at 2 levels RMS,
        // under heavy Gaussian "picture" noise: the synthetic equivalent of the mark, summed over 40 frames.
        int p = 96;
        int w = 480;
        int h = 384;
        Random random = new Random(7);
        double[] re = new double[p * p];
        double[] im = new double[p * p];
        for (int v = 0; v < p; v++) {
            for (int u = 0; u < p; u++) {
                int ku = u <= p / 2 ? u : u - p;
                int kv = v <= p / 2 ? v : v - p;
                int r2 = ku * ku + kv * kv;
                boolean upper = kv > 0 || (kv == 0 && ku > 0);
                if (upper && r2 >= 36 && r2 <= 1024) {
                    double theta = 2 * Math.PI * random.nextDouble();
                    re[v * p + u] = Math.cos(theta);
                    im[v * p + u] = Math.sin(theta);
                    int mirror = Math.floorMod(-kv, p) * p + Math.floorMod(-ku, p);
                    re[mirror] = Math.cos(theta);
                    im[mirror] = -Math.sin(theta);
                }
            }
        }
        new CopyAttack.Dft(p).transform(re, im, +1);
        double sq = 0;
        for (double v : re) {
            sq += v * v;
        }
        float[] tile = new float[p * p];
        for (int i = 0; i < tile.length; i++) {
            tile[i] = (float) (re[i] / Math.sqrt(sq / tile.length));
        }
        float[] sum = new float[w * h];
        CopyAttack.HighPass highPass = new CopyAttack.HighPass(w, h);
        byte[] luma = new byte[w * h];
        for (int frame = 0; frame < 40; frame++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double value = 128 + 2 * tile[(y % p) * p + x % p] + 12 * random.nextGaussian();
                    luma[y * w + x] = (byte) Math.max(0, Math.min(255, Math.round(value)));
                }
            }
            highPass.accumulate(luma, sum);
        }
        CopyAttack.Estimate e = CopyAttack.estimate(sum, w, h, 40);
        assertEquals(p, e.periodPixels());
        double dot = 0;
        for (int i = 0; i < tile.length; i++) {
            dot += tile[i] * e.tile()[i];
        }
        double correlation = dot / tile.length; // both unit RMS
        assertTrue(correlation > 0.9, "correlation with the true tile " + correlation);
        // The outer edge is sharp; the inner one is generous on purpose (a few noise bins cost little).
        assertTrue(e.ringMin() >= 1 && e.ringMin() <= 7, "inner ring " + e.ringMin());
        assertEquals(32, e.ringMax(), 1);
        // The embedder's period rule, and the size-ratio rule.
        assertEquals(180, CopyAttack.embedderPeriod(1280, 720));
        assertEquals(160, CopyAttack.embedderPeriod(640, 480));
        assertEquals(160, CopyAttack.embedderPeriod(480, 360));
        assertEquals(120, CopyAttack.embedderPeriod(320, 240)); // below 320 px: half the shorter side
        assertEquals(96, CopyAttack.embedderPeriod(256, 144)); // the MIN_PERIOD floor: top frequency 1/3 cycle per pixel
        assertEquals(270, CopyAttack.embedderPeriod(1080, 1920));
        assertEquals(192, e.periodScaledTo(960, 768));
    }
}
