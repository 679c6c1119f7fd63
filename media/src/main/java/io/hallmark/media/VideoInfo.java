package io.hallmark.media;

/**
 * What a container says about its video stream before decoding.
 *
 * @param width           width of the frames as read, in pixels: upright, i.e. after {@code rotation}
 * @param height          height of the frames as read, in pixels
 * @param frameRate       frames per second (average; variable-rate streams report their mean)
 * @param durationSeconds container duration, 0 when unknown
 * @param frameCountEstimate the container's estimate; count frames as they are decoded for the truth
 * @param videoCodec      decoder name, e.g. "h264"
 * @param sourcePixelFormat FFmpeg name of the stored pixel format, e.g. "yuv420p10le"
 * @param hasAudio        whether the file has an audio stream that can be carried through
 * @param format          container format name, e.g. "mov,mp4,m4a,3gp,3g2,mj2"
 * @param rotation        degrees clockwise the reader turned the stored frames to present them as the
 *                        file's display matrix says a player shows them (0, 90, 180 or 270; a phone held
 *                        upright typically stores landscape frames and 90)
 * @param colour          the stream's colour description as the file signals it; the frames read are in it (a
 *                        full-range 8-bit source is read at full range, not squeezed to limited)
 */
public record VideoInfo(int width, int height, double frameRate, double durationSeconds, long frameCountEstimate,
                        String videoCodec, String sourcePixelFormat, boolean hasAudio, String format, int rotation,
                        ColourDescription colour) {
    /** Bits per sample of the stored pixel format (8 unless its name says 10, 12 or 16, e.g. "yuv420p10le"). */
    public int bitDepth() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("p(9|10|12|14|16)(le|be)?$").matcher(sourcePixelFormat);
        return m.find() ? Integer.parseInt(m.group(1)) : 8;
    }
}
