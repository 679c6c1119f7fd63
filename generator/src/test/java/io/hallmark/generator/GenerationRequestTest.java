package io.hallmark.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GenerationRequestTest {

    @Test
    void acceptsTheLimits() {
        new GenerationRequest("p", 1, 600, 3840, 2160, 120);
        new GenerationRequest("p", 1, 0.001, 64, 64, 0.5);
    }

    @ParameterizedTest(name = "{0}x{1} {2}s {3}fps is rejected: {4}")
    @CsvSource({
            "63, 64, 1, 30, below the minimum",
            "64, 62, 1, 30, below the minimum",
            "3842, 2160, 1, 30, exceeds the maximum",
            "3840, 2162, 1, 30, exceeds the maximum",
            "641, 480, 1, 30, even width and height",
            "640, 481, 1, 30, even width and height",
            "640, 480, 0, 30, duration",
            "640, 480, 600.5, 30, duration",
            "640, 480, NaN, 30, duration",
            "640, 480, 1, 0, frame rate",
            "640, 480, 1, 120.5, frame rate",
            "640, 480, 1, Infinity, frame rate"})
    void rejectsBadGeometryWithAClearMessage(int w, int h, double seconds, double fps, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GenerationRequest("p", 1, seconds, w, h, fps));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void rejectsNullPromptAndNullOptionValues() {
        assertThrows(NullPointerException.class, () -> new GenerationRequest(null, 1, 1, 64, 64, 30));
        Map<String, String> options = new LinkedHashMap<>();
        options.put("scene", null);
        assertThrows(NullPointerException.class, () -> new GenerationRequest("p", 1, 1, 64, 64, 30, options));
    }

    @Test
    void optionsAreCopiedSortedAndUnmodifiable() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("z", "1");
        options.put("a", "2");
        GenerationRequest r = new GenerationRequest("p", 1, 1, 64, 64, 30, options);
        options.put("b", "3");
        assertEquals(List.of("a", "z"), List.copyOf(r.options().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> r.options().put("c", "4"));
        assertEquals("5", r.withOption("c", "5").option("c", "none"));
    }

    @Test
    void frameCountAndTimestampsFollowDurationAndRate() {
        GenerationRequest r = new GenerationRequest("p", 1, 2.5, 64, 64, 24);
        assertEquals(60, r.frameCount());
        assertEquals(1_000_000, r.timestampMicros(24));
        assertEquals(1, new GenerationRequest("p", 1, 0.001, 64, 64, 24).frameCount());
    }
}
