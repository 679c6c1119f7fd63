package io.hallmark.provenance.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallmark.provenance.ProvenanceReader;
import io.hallmark.provenance.TrustSettings;
import io.hallmark.provenance.report.C2paReport;
import io.hallmark.testdata.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class JumbfManifestStoreTest {
    private static final Path CLOUD = SharedData.c2paFixture("c2pa-rs/image/cloud.jpg");
    private static final Path CLOUD_STORE = SharedData.c2paFixture("c2pa-rs/image/cloud_manifest.c2pa");

    @Test
    void theActiveManifestAloneIsTheLastManifestOfTheStoreAndStillValidates() throws Exception {
        byte[] store = Files.readAllBytes(CLOUD_STORE);
        List<String> labels = JumbfManifestStore.manifestLabels(store);
        assertEquals(2, labels.size(), "the fixture's store has an ingredient's manifest and the active one");

        byte[] active = JumbfManifestStore.activeManifestOnly(store);
        assertEquals(List.of(labels.get(1)), JumbfManifestStore.manifestLabels(active));
        assertTrue(active.length < store.length);

        try (ProvenanceReader reader = new ProvenanceReader(TrustSettings.NONE)) {
            C2paReport whole = reader.readDetached(CLOUD, store);
            C2paReport alone = reader.readDetached(CLOUD, active);
            assertTrue(whole.present() && alone.present(), alone.toString());
            assertEquals(whole.manifestId(), alone.manifestId());
            assertTrue(alone.manifestId().orElseThrow().contains(labels.get(1)), alone.manifestId().toString());
            assertTrue(!alone.failureCodes().contains("claimSignature.mismatch"), alone.failureCodes().toString());
        }
    }

    @Test
    void malformedBytesAreRefusedWithAReason() {
        assertThrows(IllegalArgumentException.class, () -> JumbfManifestStore.activeManifestOnly(new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> JumbfManifestStore.activeManifestOnly(new byte[] {0, 0, 0, 9}));
        byte[] hugeBox = {0x7f, 0, 0, 0, 'j', 'u', 'm', 'b'};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JumbfManifestStore.activeManifestOnly(hugeBox));
        assertTrue(e.getMessage().contains("outside its container"), e.getMessage());
    }

    @Test
    void aStoreCutShortIsRefused() throws Exception {
        byte[] store = Files.readAllBytes(CLOUD_STORE);
        assertThrows(IllegalArgumentException.class,
                () -> JumbfManifestStore.activeManifestOnly(Arrays.copyOf(store, store.length - 100)));
    }
}
