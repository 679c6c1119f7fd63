package io.hallmark.generator.procedural;

import static io.hallmark.generator.FrameHashes.hashAll;
import static io.hallmark.generator.FrameHashes.lumaGradient;
import static io.hallmark.generator.FrameHashes.lumaStdDev;
import static io.hallmark.generator.FrameHashes.meanAbsLumaDifference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallmark.generator.FrameSource;
import io.hallmark.generator.GenerationRecord;
import io.hallmark.generator.GenerationRequest;
import io.hallmark.media.VideoFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProceduralGeneratorTest {
    private final ProceduralGenerator generator = new ProceduralGenerator();

    private static GenerationRequest small(String prompt, long seed) {
        return new GenerationRequest(prompt, seed, 1, 320, 180, 12);
    }

    private String hash(GenerationRequest r) throws Exception {
        try (FrameSource s = generator.open(r)) {
            return hashAll(s);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"rain on a pond", "ocean at sunset", "clouds", "smoke", "foggy hills", "a flag in the wind",
            "silk cloth", "city lights", "fireflies", "lanterns", "starry sky"})
    void samePromptAndSeedGiveBitIdenticalFramesAndAnotherSeedDoesNot(String prompt) throws Exception {
        String first = hash(small(prompt, 7));
        assertEquals(first, hash(small(prompt, 7)));
        assertNotEquals(first, hash(small(prompt, 8)));
    }

    @Test
    void anotherPromptGivesOtherFrames() throws Exception {
        assertNotEquals(hash(small("rain on a pond", 7)), hash(small("rain on a lake", 7)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"water, rain on a pond", "water, ocean waves", "clouds, clouds in the sky", "clouds, smoke",
            "clouds, fog", "flag, a flag waving", "flag, silk cloth", "night-lights, city lights",
            "night-lights, fireflies", "night-lights, starry night"})
    void everyFamilyHasTextureAndMotion(String family, String prompt) throws Exception {
        GenerationRequest r = new GenerationRequest(prompt, 3, 2, 640, 360, 15, Map.of("camera", "static"));
        List<VideoFrame> frames = new ArrayList<>();
        try (FrameSource s = generator.open(r)) {
            assertEquals(family, s.record().parameters().get("scene.family"));
            VideoFrame f;
            while ((f = s.next()) != null) {
                frames.add(f);
            }
        }
        VideoFrame first = frames.get(0);
        VideoFrame last = frames.get(frames.size() - 1);
        // Not flat colour: contrast across the frame and pixel-level detail.
        assertTrue(lumaStdDev(first) > 6, "luma std-dev " + lumaStdDev(first));
        assertTrue(lumaGradient(first) > 0.5, "luma gradient " + lumaGradient(first));
        // The scene itself moves even with a locked-off camera.
        assertTrue(meanAbsLumaDifference(first, last) > 0.4, "temporal change " + meanAbsLumaDifference(first, last));
        // And it moves smoothly: neighbouring frames are closer than frames two seconds apart.
        assertTrue(meanAbsLumaDifference(first, frames.get(1)) < meanAbsLumaDifference(first, last));
    }

    @Test
    void producesExactlyTheRequestedFramesWithTiming() throws Exception {
        GenerationRequest r = new GenerationRequest("clouds", 1, 0.5, 128, 96, 24);
        try (FrameSource s = generator.open(r)) {
            assertEquals(12, s.frameCount());
            for (int i = 0; i < 12; i++) {
                VideoFrame f = s.next();
                assertEquals(i, f.index());
                assertEquals(r.timestampMicros(i), f.timestampMicros());
                assertEquals(128, f.width());
                assertEquals(96, f.height());
            }
            assertNull(s.next());
            assertEquals(12, s.record().framesProduced());
        }
    }

    @Test
    void recordDescribesWhatWasMade() throws Exception {
        GenerationRequest r = new GenerationRequest("ocean waves at sunset", 5, 0.2, 160, 90, 10, Map.of("camera", "pan-left"));
        try (FrameSource s = generator.open(r)) {
            s.next();
            GenerationRecord rec = s.record();
            assertEquals("procedural", rec.generatorId());
            assertEquals(GenerationRecord.Origin.GENERATED, rec.origin());
            assertEquals("ocean waves at sunset", rec.prompt());
            assertEquals(5, rec.seed());
            assertEquals("water", rec.parameters().get("scene.family"));
            assertEquals("ocean", rec.parameters().get("scene.variant"));
            assertEquals("sunset", rec.parameters().get("scene.time-of-day"));
            assertEquals("pan-left", rec.parameters().get("camera.move"));
            assertEquals("keyword:ocean", rec.parameters().get("scene.family-reason"));
            assertEquals(1, rec.framesProduced());
            assertTrue(rec.renderTime().toNanos() > 0);
            assertTrue(rec.statement().contains("procedural"));
        }
    }

    @Test
    void optionsForceSceneAndCameraAndBadValuesAreRejected() throws Exception {
        GenerationRequest r = new GenerationRequest("city lights", 1, 0.1, 64, 64, 10,
                Map.of("scene", "flag", "camera", "zoom-in"));
        try (FrameSource s = generator.open(r)) {
            assertEquals("flag", s.record().parameters().get("scene.family"));
            assertEquals("option:scene", s.record().parameters().get("scene.family-reason"));
            assertEquals("zoom-in", s.record().parameters().get("camera.move"));
        }
        assertThrows(IllegalArgumentException.class, () -> generator.open(r.withOption("scene", "lava")));
        assertThrows(IllegalArgumentException.class, () -> generator.open(r.withOption("camera", "spin")));
    }

    @Test
    void seedChoosesTheCameraMove() throws Exception {
        java.util.Set<String> moves = new java.util.HashSet<>();
        for (long seed = 0; seed < 30; seed++) {
            try (FrameSource s = generator.open(new GenerationRequest("clouds", seed, 0.1, 64, 64, 10))) {
                moves.add(s.record().parameters().get("camera.move"));
            }
        }
        assertEquals(CameraMove.values().length, moves.size(), moves.toString());
    }

    @Test
    void aClosedSourceRefusesToContinue() throws Exception {
        FrameSource s = generator.open(small("clouds", 1));
        s.close();
        assertThrows(IllegalStateException.class, s::next);
    }
}
