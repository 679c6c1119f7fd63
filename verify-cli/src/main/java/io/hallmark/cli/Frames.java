package io.hallmark.cli;

import io.hallmark.media.VideoFrame;

/** Small frame adaptations the encoder needs. */
final class Frames {
    private Frames() {}

    /** H.264 4:2:0 needs even sizes: drop the last column/row of odd-sized frames. */
    static VideoFrame evenCrop(VideoFrame f) {
        int w = f.width() & ~1;
        int h = f.height() & ~1;
        if (w == f.width() && h == f.height()) {
            return f;
        }
        byte[] y = new byte[w * h];
        for (int row = 0; row < h; row++) {
            System.arraycopy(f.y(), row * f.width(), y, row * w, w);
        }
        int cw = w / 2;
        int ch = h / 2;
        byte[] u = new byte[cw * ch];
        byte[] v = new byte[cw * ch];
        for (int row = 0; row < ch; row++) {
            System.arraycopy(f.u(), row * f.chromaWidth(), u, row * cw, cw);
            System.arraycopy(f.v(), row * f.chromaWidth(), v, row * cw, cw);
        }
        return new VideoFrame(w, h, y, u, v, f.index(), f.timestampMicros());
    }
}
