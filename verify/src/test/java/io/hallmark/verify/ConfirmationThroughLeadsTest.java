package io.hallmark.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallmark.fingerprint.ContentComparison;
import io.hallmark.fingerprint.Reorientation;
import io.hallmark.fingerprint.VideoFingerprint;
import io.hallmark.media.Ffmpeg;
import io.hallmark.provenance.TrustSettings;
import io.hallmark.provenance.store.FingerprintMatch;
import io.hallmark.provenance.store.ManifestLookup;
import io.hallmark.provenance.store.StoredManifest;
import io.hallmark.watermark.DetectionResult;
import io.hallmark.watermark.Geometry;
import io.hallmark.watermark.IdEvidence;
import io.hallmark.watermark.Payload;
import io.hallmark.watermark.WatermarkKey;
import io.hallmark.watermark.internal.PayloadFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mark whose ID did not decode is confirmed against the IDs of the manifests whose content the file resembles
 * (the fingerprint look-up's leads), where the same evidence is too weak to single out one of a large store's IDs.
 * The mark's evidence is synthetic (the true codeword plus noise, at a fixed seed) so the case is exact.
 */
class ConfirmationThroughLeadsTest {
    private static final WatermarkKey KEY = WatermarkKey.fromPassphrase("leads test");
    private static final Payload TRUTH = Payload.fromHex("5a17c0de00c0ffee");
    private static final int STORED = 100_000;

    @TempDir
    static Path dir;
    static Path video;

    @BeforeAll
    static void video() throws Exception {
        video = dir.resolve("copy.mp4");
        Ffmpeg.run(60, "-f", "lavfi", "-i", "testsrc=size=320x240:rate=10:duration=1", "-c:v", "libx264",
                "-pix_fmt", "yuv420p", video.toString());
    }

    /** The true codeword at amplitude 1 under Gaussian noise of 1.62 per bit: a normalised score near 7.5. */
    private static DetectionResult weakMark() {
        int[] bits = PayloadFormat.encode(KEY, TRUTH);
        Random noise = new Random(7);
        float[] soft = new float[IdEvidence.CODED_BITS];
        for (int i = 0; i < soft.length; i++) {
            soft[i] = (float) ((bits[i] == 0 ? 1 : -1) + 1.62 * noise.nextGaussian());
        }
        IdEvidence evidence = new IdEvidence(List.of(new IdEvidence.Hypothesis(1e-6, soft, 7.5, Geometry.NONE)));
        return new DetectionResult(true, Optional.empty(), 1e-6, 1, 5, 160, 0, List.of(), 10, 10, Geometry.NONE,
                evidence, 0);
    }

    private static final class Inspector implements VideoInspector {
        @Override
        public Inspection inspect(Path v) {
            return new Inspection(Optional.of(weakMark()), Optional.of(new VideoFingerprint(List.of(VideoFingerprint.View.FULL), List.of())),
                    Optional.empty(), Optional.empty(), Optional.empty());
        }

        @Override
        public Audit audit(Path v, Reorientation reorientation) {
            return Audit.failed("not decoded in this test");
        }

        @Override
        public Optional<WatermarkKey> watermarkKey() {
            return Optional.of(KEY);
        }
    }

    /** A store of {@value #STORED} random IDs and the true one; its fingerprint look-up names one lead. */
    private static final class Store implements ManifestLookup {
        private final List<FingerprintMatch> leads;
        private final String leadPayload;

        Store(boolean lead, Payload leadPayload) {
            this.leads = lead ? List.of(new FingerprintMatch("urn:c2pa:lead",
                    new ContentComparison(10, 9, 0.9, 12, 0.99, ContentComparison.Decision.MATCH))) : List.of();
            this.leadPayload = leadPayload.hex();
        }

        @Override
        public List<StoredManifest> findByPayload(String payloadHex) {
            return List.of();
        }

        @Override
        public List<FingerprintMatch> findByFingerprint(VideoFingerprint query, int max) {
            return leads;
        }

        @Override
        public long[] watermarkIds() {
            Random r = new Random(11);
            long[] ids = new long[STORED + 1];
            for (int i = 0; i < STORED; i++) {
                ids[i] = r.nextLong();
            }
            ids[STORED] = TRUTH.bits();
            return ids;
        }

        @Override
        public Optional<String> payloadOf(String manifestId) {
            return manifestId.equals("urn:c2pa:lead") ? Optional.of(leadPayload) : Optional.empty();
        }

        @Override
        public String describe() {
            return "test store";
        }

        @Override
        public void close() {
        }
    }

    private static VerificationReport verify(Store store) throws Exception {
        return new Verifier(TrustSettings.NONE, new Inspector(), Optional.of(store)).verify(video);
    }

    @Test
    void aLeadsIdIsConfirmedWhereTheWholeStoreIsTooManyCandidates() throws Exception {
        VerificationReport r = verify(new Store(true, TRUTH));
        DetectionResult d = r.watermark().orElseThrow();
        assertEquals(Optional.of(TRUTH), d.payload(), r.notes().toString());
        assertTrue(d.idConfirmed());
        assertEquals(1, d.idCandidates());
        assertTrue(d.payloadPValue() <= 5e-10, "p " + d.payloadPValue());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("manifests whose content this file resembles")), r.notes().toString());
    }

    @Test
    void withoutTheLeadTheSameEvidenceConfirmsNothing() throws Exception {
        VerificationReport r = verify(new Store(false, TRUTH));
        assertEquals(Optional.empty(), r.watermark().orElseThrow().payload(), r.notes().toString());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("none of the store's " + (STORED + 1) + " IDs")), r.notes().toString());
    }

    @Test
    void aLeadWithAnotherIdIsNotConfirmed() throws Exception {
        VerificationReport r = verify(new Store(true, Payload.fromHex("0123456789abcdef")));
        assertEquals(Optional.empty(), r.watermark().orElseThrow().payload(), r.notes().toString());
    }
}
