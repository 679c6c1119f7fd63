package io.hallmark.generator;

import io.hallmark.media.VideoFrame;

/**
 * The frames of one generation, produced in order. Not thread-safe: one consumer calls {@link #next()}.
 *
 * <p>Each returned frame is newly allocated and owned by the caller.
 */
public interface FrameSource extends AutoCloseable {
    /** How many frames {@link #next()} will return in total (an estimate for imported files). */
    long frameCount();

    /** The next frame, or {@code null} when all frames have been produced. */
    VideoFrame next() throws GenerationException;

    /** What made these frames, with what parameters, and timings so far; for the provenance manifest. */
    GenerationRecord record();

    /**
     * {@code base} with what keeps these frames as they are (colour description, codec family, bit depth, HDR metadata):
     * {@code base} itself for rendered frames (BT.709, 8-bit H.264 by default), {@link
     * io.hallmark.media.EncodeSettings#keeping} for an imported file.
     */
    default io.hallmark.media.EncodeSettings keeping(io.hallmark.media.EncodeSettings base) {
        return base;
    }

    /**
     * What of the source the output cannot keep, in words (e.g. "bit depth: ..."), for the user and the report; empty
     * when everything is kept.
     */
    default java.util.List<String> notKept() {
        return java.util.List.of();
    }

    @Override
    void close() throws GenerationException;
}
