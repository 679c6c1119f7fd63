package io.hallmark.generator.djl;

import static io.hallmark.generator.FrameHashes.hashAll;
import static io.hallmark.generator.FrameHashes.lumaStdDev;
import static io.hallmark.generator.FrameHashes.meanAbsLumaDifference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallmark.generator.FrameSource;
import io.hallmark.generator.GenerationException;
import io.hallmark.generator.GenerationRecord;
import io.hallmark.generator.GenerationRequest;
import io.hallmark.media.VideoFrame;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DJL backend on the PyTorch engine, offline (surefire sets ai.djl.offline and a cache under target/). */
class DjlGeneratorTest {
    private final DjlGenerator generator = new DjlGenerator();

    private String hash(GenerationRequest r) throws Exception {
        try (FrameSource s = generator.open(r)) {
            return hashAll(s);
        }
    }

    @Test
    void runsOfflineAndIsDeterministicPerSeed() throws Exception {
        assertEquals("true", System.getProperty("ai.djl.offline"));
        GenerationRequest r = new GenerationRequest("an abstract dream", 7, 0.5, 256, 144, 10);
        String first = hash(r);
        assertEquals(first, hash(r));
        assertNotEquals(first, hash(new GenerationRequest("an abstract dream", 8, 0.5, 256, 144, 10)));
        assertNotEquals(first, hash(new GenerationRequest("another dream", 7, 0.5, 256, 144, 10)));
    }

    @Test
    void cppnFramesHaveStructureAndMoveSmoothly() throws Exception {
        List<VideoFrame> frames = new ArrayList<>();
        GenerationRequest r = new GenerationRequest("a dream", 3, 4, 320, 180, 5);
        try (FrameSource s = generator.open(r)) {
            VideoFrame f;
            while ((f = s.next()) != null) {
                frames.add(f);
            }
            GenerationRecord rec = s.record();
            assertEquals("djl", rec.generatorId());
            assertEquals(DjlGenerator.MODEL_NAME, rec.modelName());
            assertEquals(GenerationRecord.Origin.GENERATED, rec.origin());
            assertTrue(rec.parameters().get("engine").startsWith("PyTorch"), rec.parameters().toString());
            assertEquals(20, rec.framesProduced());
        }
        assertEquals(20, frames.size());
        VideoFrame first = frames.get(0);
        assertTrue(lumaStdDev(first) > 10, "luma std-dev " + lumaStdDev(first));
        double step = meanAbsLumaDifference(first, frames.get(1));
        double far = meanAbsLumaDifference(first, frames.get(19));
        assertTrue(step > 0.05, "frames must change: " + step);
        assertTrue(step < far, "neighbouring frames " + step + " vs 4 s apart " + far);
    }

    @Test
    void runsAUsersTorchScriptModelFromALocalFile(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("tiny.pt");
        TinyTorchScript.write(model, TinyTorchScript.CODE);
        GenerationRequest r = new GenerationRequest("anything", 1, 1, 128, 96, 8,
                Map.of("model", model.toString(), "model-name", "tiny-generator"));
        List<VideoFrame> frames = new ArrayList<>();
        try (FrameSource s = generator.open(r)) {
            VideoFrame f;
            while ((f = s.next()) != null) {
                frames.add(f);
            }
            assertNull(s.next());
            GenerationRecord rec = s.record();
            assertEquals("tiny-generator", rec.modelName());
            assertTrue(rec.modelVersion().startsWith("sha256:"), rec.modelVersion());
            assertEquals(TinyTorchScript.WIDTH + "x" + TinyTorchScript.HEIGHT, rec.parameters().get("model.output-size"));
        }
        assertEquals(8, frames.size());
        assertEquals(128, frames.get(0).width());
        assertTrue(lumaStdDev(frames.get(0)) > 5);
        assertTrue(meanAbsLumaDifference(frames.get(0), frames.get(7)) > 1);
        assertEquals(hash(r), hash(r));
    }

    @Test
    void aModelBreakingTheOutputContractIsAClearError(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("flat.pt");
        TinyTorchScript.write(model, TinyTorchScript.CODE.replace(
                "return torch.unsqueeze(torch.stack([r, g, b]), 0)", "return torch.stack([r, g, b])"));
        try (FrameSource s = generator.open(new GenerationRequest("x", 1, 1, 64, 64, 2, Map.of("model", model.toString())))) {
            GenerationException e = assertThrows(GenerationException.class, s::next);
            assertTrue(e.getMessage().contains("[1, 3, H, W]"), e.getMessage());
        }
    }

    @Test
    void missingOrCorruptModelFilesAndBadOptionsAreClearErrors(@TempDir Path dir) throws Exception {
        GenerationRequest base = new GenerationRequest("x", 1, 1, 64, 64, 2);
        assertThrows(GenerationException.class, () -> generator.open(base.withOption("model", dir.resolve("no.pt").toString())));
        Path junk = Files.writeString(dir.resolve("junk.pt"), "not a model");
        assertThrows(GenerationException.class, () -> generator.open(base.withOption("model", junk.toString())));
        assertThrows(IllegalArgumentException.class, () -> generator.open(base.withOption("latent-dim", "many")));
        assertThrows(IllegalArgumentException.class, () -> generator.open(base.withOption("latent-dim", "0")));
    }
}
