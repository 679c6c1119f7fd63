package io.hallmark.bench.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GeneratorBenchmarkTest {

    @Test
    void theFrameRateIsTheTimedFramesOverTheTimeTheyTook() throws Exception {
        // a clock that says the timed frames took exactly 2 s, whatever this machine's speed
        long[] reads = {5_000_000_000L, 7_000_000_000L};
        int[] next = {0};
        double fps = GeneratorBenchmark.measure("procedural", "clouds", Map.of(), 256, 144, () -> reads[next[0]++]);
        assertEquals(GeneratorBenchmark.timedFrames() / 2.0, fps, 1e-9);
        assertEquals(2, next[0], "the clock is read once before and once after the timed frames");
    }

    @Test
    void anUnknownGeneratorIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GeneratorBenchmark.measure("sora", "clouds", Map.of(), 256, 144));
        assertTrue(e.getMessage().contains("sora"), e.getMessage());
    }
}
