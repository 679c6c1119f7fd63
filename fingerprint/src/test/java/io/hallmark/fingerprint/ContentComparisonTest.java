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

    /** 3 s of 320x180 shots, signed as they are and seen by a verifier through {@code copy}. */
    private static VideoFingerprint[] signedAndSeen(java.util.function.UnaryOperator<VideoFrame> copy) {
        VideoFingerprinter signer = VideoFingerprinter.forSigning();
        VideoFingerprinter verifier = VideoFingerprinter.forVerification();
        for (int t = 0; t < 30; t++) {
            VideoFrame f = VideoFingerprintTest.frame(320, 180, 40 + t / 10, t * 100_000L);
            signer.accept(f);
            verifier.accept(copy.apply(f));
        }
        return new VideoFingerprint[] {signer.result(), verifier.result()};
    }

    @Test
    void aCroppedCopyMeetsTheSignersCropView() {
        VideoFingerprint[] fp = signedAndSeen(f -> {
            // the centre 80 % of the same frame
            VideoFrame crop = VideoFrame.blank(256, 144, 0, f.timestampMicros());
            for (int y = 0; y < 144; y++) {
                System.arraycopy(f.y(), (y + 18) * 320 + 32, crop.y(), y * 256, 256);
            }
            return crop;
        });
        assertEquals(Decision.MATCH, ContentComparison.compare(fp[1], fp[0]).decision());
    }

    @Test
    void aPortraitCropOfLandscapeFootageIsTheSameContent() {
        // 9:16 out of 16:9, as a phone or a short-video platform crops: 101 of 320 columns, scaled up to 90x160
        VideoFingerprint[] fp = signedAndSeen(f -> {
            VideoFrame portrait = VideoFrame.blank(90, 160, 0, f.timestampMicros());
            for (int y = 0; y < 160; y++) {
                for (int x = 0; x < 90; x++) {
                    portrait.y()[y * 90 + x] = f.y()[(y * 180 / 160) * 320 + 110 + x * 101 / 90];
                }
            }
            return portrait;
        });
        ContentComparison c = ContentComparison.compare(fp[1], fp[0]);
        assertEquals(Decision.MATCH, c.decision(), () -> "registration " + c.registration());
        VideoFingerprint other = VideoFingerprintTest.video(VideoFingerprinter.forSigning(), 100, 3, 320, 180);
        assertTrue(ContentComparison.compare(fp[1], other).decision() != Decision.MATCH);
    }

    /** A fast pan over a wide picture at 30 fps: frame t shows columns 12t.. of picture seed, plus noise of sigma. */
    private static void pan(VideoFingerprinter fp, long seed, double sigma, long noiseSeed) {
        byte[] wide = PdqHasherTest.picture(1600, 180, seed);
        java.util.Random noise = new java.util.Random(noiseSeed);
        for (int t = 0; t < 90; t++) {
            VideoFrame f = VideoFrame.blank(320, 180, t, t * 1_000_000L / 30);
            for (int y = 0; y < 180; y++) {
                for (int x = 0; x < 320; x++) {
                    int v = (wide[y * 1600 + x + 12 * t] & 0xff) + (int) Math.round(sigma * noise.nextGaussian());
                    f.y()[y * 320 + x] = (byte) Math.max(0, Math.min(255, v));
                }
            }
            fp.accept(f);
        }
    }

    @Test
    void aCopyWithTheSignedTimelineIsConfirmedAtTheSignedInstantsEvenWhenItMovesFast() {
        VideoFingerprinter signer = VideoFingerprinter.forSigning();
        pan(signer, 7, 0, 1);
        VideoFingerprinter audit = VideoFingerprinter.forAudit(new java.util.Random(3));
        pan(audit, 7, 1, 2); // a re-encode's noise
        VideoFingerprint copy = audit.result();
        assertEquals(15, copy.gridFrames().size(), "every 200 ms, as the signer");
        ContentComparison c = ContentComparison.compare(copy, signer.result());
        assertTrue(c.alignedDistance() <= ContentComparison.STRONG_DISTANCE, c.toString());
        assertEquals(Decision.MATCH, c.decision(), c.toString());
        // the grid frames are for the same instants only: they never make up the share of samples that match
        assertEquals(copy.frames().size(), ContentComparison.comparePdq(copy, signer.result()).usableFrames());
    }

    @Test
    void aLookAlikeIsNotCloseAtTheSignedInstants() {
        VideoFingerprinter signer = VideoFingerprinter.forSigning();
        pan(signer, 7, 0, 1);
        VideoFingerprinter audit = VideoFingerprinter.forAudit(new java.util.Random(3));
        pan(audit, 8, 1, 2);
        ContentComparison c = ContentComparison.compare(audit.result(), signer.result());
        assertTrue(c.alignedDistance() > ContentComparison.STRONG_DISTANCE, c.toString());
        assertTrue(c.decision() != Decision.MATCH, c.toString());
    }

    @Test
    void withoutTexturedThumbnailsAWeakPdqMatchIsNotEnough() {
        // the attacker review's look-alike: thumbnails flattened below the texture floor (no registration),
        // PDQ kept usable, every frame 50 bits from a signed one (a look-alike's distance, under FRAME_DISTANCE)
        VideoFingerprint signed = VideoFingerprintTest.video(VideoFingerprinter.forSigning(), 1, 6, 160, 90);
        java.util.Random random = new java.util.Random(4);
        java.util.List<VideoFingerprint.Frame> frames = new java.util.ArrayList<>();
        java.util.List<Thumbnail> flat = new java.util.ArrayList<>();
        for (VideoFingerprint.Frame f : signed.frames()) {
            long[] w = f.full().words();
            java.util.List<Integer> bits = new java.util.ArrayList<>(java.util.stream.IntStream.range(0, 256).boxed().toList());
            java.util.Collections.shuffle(bits, random);
            for (int bit : bits.subList(0, 50)) {
                w[bit / 64] ^= 1L << (bit % 64);
            }
            frames.add(new VideoFingerprint.Frame(f.timeMillis(), 60, java.util.List.of(new PdqHash(w, 60))));
            flat.add(new Thumbnail(f.timeMillis(), 64, new byte[64 * 64]));
        }
        VideoFingerprint lookAlike = new VideoFingerprint(java.util.List.of(VideoFingerprint.View.FULL), frames, flat);
        ContentComparison c = ContentComparison.compare(lookAlike, signed);
        assertEquals(1.0, c.similarity(), c.toString());
        assertEquals(50, c.medianDistance(), c.toString());
        assertTrue(Double.isNaN(c.registration()), c.toString());
        assertEquals(Decision.INCONCLUSIVE, c.decision(), c.toString());
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
