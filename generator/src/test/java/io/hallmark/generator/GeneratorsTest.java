package io.hallmark.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GeneratorsTest {

    @Test
    void listsEveryBackendWithTheDefaultFirst() {
        assertEquals(List.of("procedural", "djl", "import"), Generators.ids());
        assertEquals(Generators.DEFAULT_ID, Generators.ids().get(0));
    }

    @Test
    void findsEachBackendByItsOwnId() {
        for (String id : Generators.ids()) {
            assertEquals(id, Generators.byId(id).id());
        }
        assertEquals("hallmark-procedural", Generators.byId("procedural").modelName());
    }

    @Test
    void unknownIdNamesTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Generators.byId("sora"));
        assertTrue(e.getMessage().contains("procedural"), e.getMessage());
    }
}
