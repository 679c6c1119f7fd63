package io.hallmark.media;

/**
 * Bounds applied while decoding untrusted files, in the spirit of Jackson's StreamReadConstraints:
 * immutable, with documented defaults, changed through {@code with*} copies.
 *
 * @param maxWidth   widest frame accepted (default 7680, 8K)
 * @param maxHeight  tallest frame accepted (default 7680, portrait 8K)
 * @param maxFrames  frames decoded at most before reading stops with an error (default 216,000: 2 h at 30 fps)
 */
public record MediaLimits(int maxWidth, int maxHeight, long maxFrames) {
    public static final MediaLimits DEFAULT = new MediaLimits(7680, 7680, 216_000);

    public MediaLimits {
        if (maxWidth <= 0 || maxHeight <= 0 || maxFrames <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    public MediaLimits withMaxFrames(long frames) {
        return new MediaLimits(maxWidth, maxHeight, frames);
    }

    void checkSize(int width, int height) throws MediaException {
        if (width > maxWidth || height > maxHeight) {
            throw new MediaException("frame size " + width + "x" + height + " exceeds the limit "
                    + maxWidth + "x" + maxHeight);
        }
    }
}
