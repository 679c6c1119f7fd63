package io.hallmark.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallmark.fingerprint.ContentComparison.Decision;
import io.hallmark.media.VideoFrame;
import org.junit.jupiter.api.Test;

class ContentComparisonTest {
    @Test
    void theSameContentMatchesAndAnExcerptMatchesAsWell() {
        VideoFingerprint signed = VideoFingerprintTest.video(VideoFingerprinter.forSigning(), 1, 6, 160, 90);
        VideoFingerprint copy = VideoFingerprintTest.video(VideoFingerprinter.forVerification(), 1, 6, 160, 90);
        assertEquals(Decision.MATCH, ContentComparison.compare(copy, signed).decision());
        VideoFingerprint excerpt = VideoFingerprintTest.video(VideoFingerprinter.forVerification(), 3, 2, 160, 90);
        ContentComparison c = ContentComparison.compare(excerpt, signed);
        assertEquals(Decision.MATCH, c.decision());
        assertEquals(1.0, c.similarity());
    }

    @Test
    void otherContentIsAMismatch() {
        VideoFingerprint signed = VideoFingerprintTest.video(VideoFingerprinter.forSigning(), 1, 6, 160, 90);
        VideoFingerprint other = VideoFingerprintTest.video(VideoFingerprinter.forVerification(), 100, 6, 160, 90);
        ContentComparison c = ContentComparison.compare(other, signed);
        assertEquals(Decision.MISMATCH, c.decision());
        assertTrue(c.medianDistance() > ContentComparison.FRAME_DISTANCE);
    }

    @Test
    void aCroppedCopyMeetsTheSignersCropView() {
        VideoFingerprinter signer = VideoFingerprinter.forSigning();
        VideoFingerprinter verifier = VideoFingerprinter.forVerification();
        for (int t = 0; t < 30; t++) {
            VideoFrame f = VideoFingerprintTest.frame(320, 180, 40 + t / 10, t * 100_000L);
            signer.accept(f);
            // the centre 80 % of the same frame
            VideoFrame crop = VideoFrame.blank(256, 144, 0, t * 100_000L);
            for (int y = 0; y < 144; y++) {
                System.arraycopy(f.y(), (y + 18) * 320 + 32, crop.y(), y * 256, 256);
            }
            verifier.accept(crop);
        }
        assertEquals(Decision.MATCH, ContentComparison.compare(verifier.result(), signer.result()).decision());
    }

    @Test
    void flatOrTooShortContentIsInconclusiveNeverAMismatch() {
        VideoFingerprinter flat = VideoFingerprinter.forVerification();
        for (int t = 0; t < 40; t++) {
            flat.accept(VideoFrame.blank(160, 90, t, t * 100_000L));
        }
        VideoFingerprint signed = VideoFingerprintTest.video(VideoFingerprinter.forSigning(), 1, 4, 160, 90);
        assertEquals(Decision.INCONCLUSIVE, ContentComparison.compare(flat.result(), signed).decision());
        VideoFingerprint oneFrame = VideoFingerprintTest.video(VideoFingerprinter.forVerification(), 100, 1, 160, 90);
        assertTrue(oneFrame.frames().size() < ContentComparison.MIN_FRAMES);
        assertEquals(Decision.INCONCLUSIVE, ContentComparison.compare(oneFrame, signed).decision());
    }
}
