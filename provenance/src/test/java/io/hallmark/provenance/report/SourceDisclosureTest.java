package io.hallmark.provenance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SourceDisclosureTest {
    static final String IPTC = "http://cv.iptc.org/newscodes/digitalsourcetype/";

    @Test
    void onlyTrainedAlgorithmicMediaIsAiGenerated() {
        assertEquals(Optional.of("AI-generated"), SourceDisclosure.of(IPTC + "trainedAlgorithmicMedia"));
        assertTrue(SourceDisclosure.aiGenerated(IPTC + "trainedAlgorithmicMedia"));
        assertEquals(Optional.of("Contains AI-generated elements"),
                SourceDisclosure.of(IPTC + "compositeWithTrainedAlgorithmicMedia"));
        assertFalse(SourceDisclosure.aiGenerated(IPTC + "compositeWithTrainedAlgorithmicMedia"));
        assertEquals(Optional.of("Made by an algorithm (no trained AI model)"), SourceDisclosure.of(IPTC + "algorithmicMedia"));
        assertFalse(SourceDisclosure.aiGenerated(IPTC + "algorithmicMedia"));
    }

    @Test
    void captureTypesAndOtherVocabulariesSayNothing() {
        assertEquals(Optional.empty(), SourceDisclosure.of(IPTC + "digitalCapture"));
        assertEquals(Optional.empty(), SourceDisclosure.of(IPTC + "humanEdits"));
        assertEquals(Optional.empty(), SourceDisclosure.of("https://example.com/vocab/trainedAlgorithmicMedia"));
        assertEquals(Optional.of("AI-generated"), SourceDisclosure.of("trainedAlgorithmicMedia"));
    }
}
