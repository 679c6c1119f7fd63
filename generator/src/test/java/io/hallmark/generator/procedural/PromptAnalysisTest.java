package io.hallmark.generator.procedural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PromptAnalysisTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource({
            "'Rain falling on a quiet pond', WATER",
            "'ocean waves at sunset', WATER",
            "'ripples on a lake', WATER",
            "'clouds drifting across the sky', CLOUDS",
            "'smoke rising from a chimney', CLOUDS",
            "'morning fog', CLOUDS",
            "'a flag waving', FLAG",
            "'red silk cloth in the wind', FLAG",
            "'a banner', FLAG",
            "'city lights at night', NIGHT_LIGHTS",
            "'fireflies', NIGHT_LIGHTS",
            "'glowing particles', NIGHT_LIGHTS",
            "'STARS!!!', NIGHT_LIGHTS"})
    void keywordsChooseTheFamily(String prompt, SceneFamily expected) {
        PromptAnalysis a = PromptAnalysis.of(prompt);
        assertEquals(expected, a.family());
        assertEquals("keyword:", a.familyReason().substring(0, 8));
    }

    @Test
    void mostKeywordsWinAndTiesGoToTheFirstMentioned() {
        assertEquals(SceneFamily.FLAG, PromptAnalysis.of("a flag in the wind over the sea").family());
        assertEquals(SceneFamily.WATER, PromptAnalysis.of("sea and sky").family());
        assertEquals(SceneFamily.CLOUDS, PromptAnalysis.of("sky and sea").family());
    }

    @Test
    void withoutKeywordsTheHashDecidesStablyAndReachesEveryFamily() {
        Set<SceneFamily> seen = EnumSet.noneOf(SceneFamily.class);
        for (int i = 0; i < 40; i++) {
            PromptAnalysis a = PromptAnalysis.of("an abstract composition number " + i);
            assertEquals("prompt-hash", a.familyReason());
            assertEquals(a.family(), PromptAnalysis.of("an abstract composition number " + i).family());
            seen.add(a.family());
        }
        assertEquals(EnumSet.allOf(SceneFamily.class), seen);
    }

    @Test
    void readsTimeOfDayAndTint() {
        assertEquals(PromptAnalysis.TimeOfDay.SUNSET, PromptAnalysis.of("clouds at sunset").timeOfDay());
        assertEquals(PromptAnalysis.TimeOfDay.NIGHT, PromptAnalysis.of("a lake at night").timeOfDay());
        assertEquals(PromptAnalysis.TimeOfDay.OVERCAST, PromptAnalysis.of("stormy sea").timeOfDay());
        assertEquals(PromptAnalysis.TimeOfDay.DAY, PromptAnalysis.of("a flag").timeOfDay());
        assertEquals("blue", PromptAnalysis.of("a deep blue green ocean").tint());
        assertEquals("none", PromptAnalysis.of("an ocean").tint());
    }

    @Test
    void sceneLabelsParseAndUnknownOnesAreRejected() {
        assertEquals(SceneFamily.NIGHT_LIGHTS, SceneFamily.fromLabel("night-lights"));
        assertEquals(SceneFamily.WATER, SceneFamily.fromLabel("WATER"));
        assertThrows(IllegalArgumentException.class, () -> SceneFamily.fromLabel("lava"));
        assertThrows(IllegalArgumentException.class, () -> CameraMove.fromLabel("barrel-roll"));
    }
}
