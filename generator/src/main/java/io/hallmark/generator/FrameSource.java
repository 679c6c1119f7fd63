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

    /** The colour description of the frames' values: BT.709 limited range for rendered frames, a file's own for imports. */
    default io.hallmark.media.ColourDescription colour() {
        return io.hallmark.media.ColourDescription.BT709;
    }

    /** The codec family the output is encoded with: H.264 for rendered frames, the source's where the writer has it. */
    default io.hallmark.media.VideoCodec codec() {
        return io.hallmark.media.VideoCodec.H264;
    }

    /** Static HDR metadata to write again (an HDR10 import's mastering display and light levels), none by default. */
    default io.hallmark.media.HdrMetadata hdr() {
        return io.hallmark.media.HdrMetadata.NONE;
    }

    /** Bits per sample the output is encoded with (8 or 10): 10 for a 10-bit import, whose frames carry their samples. */
    default int bitDepth() {
        return 8;
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
