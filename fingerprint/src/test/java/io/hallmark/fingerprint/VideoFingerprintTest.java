package io.hallmark.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallmark.media.VideoFrame;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class VideoFingerprintTest {
    static VideoFrame frame(int w, int h, long seed, long micros) {
        VideoFrame f = VideoFrame.blank(w, h, 0, micros);
        System.arraycopy(PdqHasherTest.picture(w, h, seed), 0, f.y(), 0, w * h);
        return f;
    }

    /** A "video" of shots: each second shows picture seed+second. */
    static VideoFingerprint video(VideoFingerprinter fp, long seed, int seconds, int w, int h) {
        for (int t = 0; t < seconds * 10; t++) {
            fp.accept(frame(w, h, seed + t / 10, t * 100_000L));
        }
        return fp.result();
    }

    @Test
    void signersSampleDenselyInEveryViewAndVerifiersInTheWholeFrameOnly() {
        VideoFingerprint signed = video(VideoFingerprinter.forSigning(), 1, 3, 160, 90);
        assertEquals(15, signed.frames().size()); // every 200 ms
        assertEquals(400, signed.frames().get(2).timeMillis());
        assertEquals(VideoFingerprint.View.values().length, signed.views().size());
        assertEquals(6, signed.thumbnails().size()); // every 500 ms
        assertEquals(32, signed.thumbnails().get(0).side());
        VideoFingerprint seen = video(VideoFingerprinter.forVerification(), 1, 3, 160, 90);
        assertEquals(List.of(VideoFingerprint.View.FULL), seen.views());
        assertEquals(6, seen.frames().size()); // every 500 ms
        assertEquals(64, seen.thumbnails().get(0).side());
        // the same picture gives the same whole-frame hash on both sides
        assertEquals(signed.frames().get(0).full(), seen.frames().get(0).full());
    }

    @Test
    void encodingRoundTrips() {
        VideoFingerprint fp = video(VideoFingerprinter.forSigning(), 7, 2, 160, 90);
        assertEquals(fp, VideoFingerprint.decode(fp.encode()));
    }

    @Test
    void malformedEncodingsAreRefusedWithoutAllocatingTheirClaims() {
        assertThrows(IllegalArgumentException.class, () -> VideoFingerprint.decode("not base64!"));
        assertThrows(IllegalArgumentException.class, () -> VideoFingerprint.decode(
                Base64.getEncoder().encodeToString("HMFP".getBytes())));
        byte[] raw = Base64.getDecoder().decode(video(VideoFingerprinter.forVerification(), 1, 1, 160, 90).encode());
        raw[7] = 0x7f; // frame count far beyond the bytes that follow
        assertThrows(IllegalArgumentException.class, () -> VideoFingerprint.decode(Base64.getEncoder().encodeToString(raw)));
        byte[] truncated = java.util.Arrays.copyOf(raw, raw.length - 1);
        assertThrows(IllegalArgumentException.class, () -> VideoFingerprint.decode(Base64.getEncoder().encodeToString(truncated)));
    }

    @Test
    void lookupKeysKeepOneHashPerDistinctShot() {
        VideoFingerprint fp = video(VideoFingerprinter.forVerification(), 20, 4, 160, 90);
        assertEquals(4, fp.lookupKeys(16).size());
        assertEquals(2, fp.lookupKeys(2).size());
    }

    @Test
    void longVideosKeepBoundedSamples() {
        VideoFingerprinter fp = VideoFingerprinter.forVerification();
        for (int i = 0; i < VideoFingerprinter.MAX_FRAMES + 10; i++) {
            fp.accept(frame(64, 64, i % 3, i * 500_000L));
        }
        assertTrue(fp.result().frames().size() <= VideoFingerprinter.MAX_FRAMES);
    }

    @Test
    void anAuditsGridFramesSurviveEncodingAndOthersWriteTheOldVersion() {
        VideoFingerprinter audit = VideoFingerprinter.forAudit(new java.util.Random(5));
        VideoFingerprint seen = video(audit, 1, 3, 160, 90);
        assertEquals(15, seen.gridFrames().size());
        VideoFingerprint back = VideoFingerprint.decode(seen.encode());
        assertEquals(seen.gridFrames(), back.gridFrames());
        assertEquals(seen.frames(), back.frames());
        VideoFingerprint signed = video(VideoFingerprinter.forSigning(), 1, 3, 160, 90);
        assertTrue(signed.gridFrames().isEmpty());
        assertEquals(2, Base64.getDecoder().decode(signed.encode())[4], "signers still write version 2");
    }
}
