package io.hallmark.fingerprint;

/**
 * Turns the frames of a copy back the way they were before it was mirrored, rotated and stretched, as the
 * watermark detector measured it, so that the content check compares like with like. Model (the detector's):
 * an original pixel p appears at {@code q = S R F p} about the frame centre, {@code F} mirroring left-right,
 * {@code R} the rotation, {@code S = diag(stretchX, 1)}; the frame handed back samples the copy at {@code q}
 * for every p (bilinear), sized {@code width / stretchX x height}, outside the copy filled with the nearest
 * edge pixel (the content check's registration tolerates borders). Immutable, thread-safe.
 *
 * @param rotationDegrees rotation the copy underwent
 * @param stretchX        horizontal stretch the copy underwent (relative to its height)
 * @param mirrored        whether the copy was mirrored left-right (before the rotation)
 */
public record Reorientation(double rotationDegrees, double stretchX, boolean mirrored) {
    public static final Reorientation NONE = new Reorientation(0, 1, false);

    public Reorientation {
        if (!(stretchX > 0.5 && stretchX < 2) || !(Math.abs(rotationDegrees) <= 45)) {
            throw new IllegalArgumentException("reorientation out of range: " + rotationDegrees + " deg, x" + stretchX);
        }
    }

    public boolean isNone() {
        return rotationDegrees == 0 && stretchX == 1 && !mirrored;
    }

    /** A luma image put back (see the class comment); {@code out[0]} receives the new width, the array the pixels. */
    byte[] apply(byte[] luma, int w, int h, int[] outWidth) {
        int ow = Math.max(1, (int) Math.round(w / stretchX));
        int oh = h;
        byte[] out = new byte[ow * oh];
        double cos = Math.cos(Math.toRadians(rotationDegrees));
        double sin = Math.sin(Math.toRadians(rotationDegrees));
        double cxIn = (w - 1) / 2.0;
        double cyIn = (h - 1) / 2.0;
        double cxOut = (ow - 1) / 2.0;
        double cyOut = (oh - 1) / 2.0;
        for (int y = 0; y < oh; y++) {
            for (int x = 0; x < ow; x++) {
                double px = x - cxOut;
                double py = y - cyOut;
                if (mirrored) {
                    px = -px;
                }
                // q = S R (F p), R = [[cos, -sin], [sin, cos]] as in the detector's lattice model
                double qx = stretchX * (cos * px - sin * py) + cxIn;
                double qy = sin * px + cos * py + cyIn;
                out[y * ow + x] = (byte) sample(luma, w, h, qx, qy);
            }
        }
        outWidth[0] = ow;
        return out;
    }

    private static int sample(byte[] luma, int w, int h, double x, double y) {
        x = Math.max(0, Math.min(w - 1, x));
        y = Math.max(0, Math.min(h - 1, y));
        int x0 = Math.min(w - 2, (int) x);
        int y0 = Math.min(h - 2, (int) y);
        if (w < 2 || h < 2) {
            return luma[0] & 0xff;
        }
        double tx = x - x0;
        double ty = y - y0;
        double top = (1 - tx) * (luma[y0 * w + x0] & 0xff) + tx * (luma[y0 * w + x0 + 1] & 0xff);
        double bottom = (1 - tx) * (luma[(y0 + 1) * w + x0] & 0xff) + tx * (luma[(y0 + 1) * w + x0 + 1] & 0xff);
        return (int) Math.round((1 - ty) * top + ty * bottom);
    }
}
