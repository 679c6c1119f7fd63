package io.hallmark.provenance.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestSpecTest {
    private static JsonNode openedAction(GenerationInfo claim) throws Exception {
        JsonNode root = new ObjectMapper().readTree(ManifestSpec.imported("in.mp4", claim).toJson());
        JsonNode actions = root.path("assertions").get(0);
        assertEquals("c2pa.actions.v2", actions.path("label").asText());
        return actions.path("data").path("actions").get(0);
    }

    private static GenerationInfo claim(String model, String version) {
        return new GenerationInfo(model, version, null, null, Map.of(), false);
    }

    @Test
    void anImportedFileWithAClaimedModelNamesItAsTheSoftwareAgent() throws Exception {
        JsonNode opened = openedAction(claim("Sora", "2"));
        assertEquals("c2pa.opened", opened.path("action").asText());
        assertEquals("Sora", opened.path("softwareAgent").path("name").asText());
        assertEquals("2", opened.path("softwareAgent").path("version").asText());
    }

    @Test
    void anImportedFileWithNoClaimedModelIsStillAiGeneratedButNamesNoAgent() throws Exception {
        JsonNode opened = openedAction(claim(GenerationInfo.UNCLAIMED, GenerationInfo.UNCLAIMED));
        assertEquals("http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia",
                opened.path("digitalSourceType").asText());
        assertFalse(opened.has("softwareAgent"), opened.toString());
    }
}
