package io.hallmark.bench.generator;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GeneratorBenchmarkTest {

    @Test
    void measuresAPositiveFrameRate() throws Exception {
        double fps = GeneratorBenchmark.measure("procedural", "clouds", Map.of(), 256, 144);
        assertTrue(fps > 0 && Double.isFinite(fps), "fps " + fps);
    }
}
