package io.hallmark.verify;

import io.hallmark.fingerprint.VideoFingerprint;
import io.hallmark.fingerprint.Reorientation;
import io.hallmark.fingerprint.VideoFingerprinter;
import io.hallmark.watermark.DetectionResult;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Decodes a video for the verifier: the watermark detection, the content fingerprint (whole frames,
 * {@link VideoFingerprinter#forVerification()}) and a first-frame thumbnail, in one decoding pass. Decoding is
 * where hostile files can hurt (native FFmpeg), so this is the seam where it can be moved into a child
 * process ({@link io.hallmark.verify.isolation.IsolatedInspector}).
 */
public interface VideoInspector extends AutoCloseable {
    /**
     * What decoding found; {@code error} says why there is no detection.
     *
     * @param thumbnailJpeg  the first frame, at most 320 pixels across
     * @param frameStripJpeg frames spread over the whole video side by side ({@link io.hallmark.media.FrameStrip})
     */
    record Inspection(Optional<DetectionResult> detection, Optional<VideoFingerprint> fingerprint,
                      Optional<byte[]> thumbnailJpeg, Optional<byte[]> frameStripJpeg, Optional<String> error) {
        public static Inspection failed(String reason) {
            return new Inspection(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.of(reason));
        }
    }

    Inspection inspect(Path video);

    /**
     * Decodes every frame of {@code video} again and fingerprints it at unpredictable times
     * ({@link VideoFingerprinter#forAudit}): what the content check uses before a manifest found through the
     * watermark is reported as this file's, so that the signed video's frames placed where a fixed sampler
     * looks, with other footage between them, do not pass. Empty with a reason when decoding fails.
     */
    default Audit audit(Path video) {
        return audit(video, Reorientation.NONE);
    }

    /**
     * {@link #audit(Path)} for a copy the watermark detector found mirrored, rotated or stretched: the frames are
     * turned back before they are fingerprinted, so a rightful copy can still be confirmed.
     */
    Audit audit(Path video, Reorientation reorientation);

    /** An audit fingerprint, or why there is none. */
    record Audit(Optional<VideoFingerprint> fingerprint, Optional<String> error) {
        public static Audit failed(String reason) {
            return new Audit(Optional.empty(), Optional.of(reason));
        }
    }

    /**
     * The key the detection is made with, for confirming candidate IDs against the mark's evidence
     * ({@link io.hallmark.watermark.IdConfirmation}); empty when it cannot be had here.
     */
    default Optional<io.hallmark.watermark.WatermarkKey> watermarkKey() {
        return Optional.empty();
    }

    @Override
    default void close() {
    }
}
