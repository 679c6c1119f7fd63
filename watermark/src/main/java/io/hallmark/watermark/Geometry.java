package io.hallmark.watermark;

/**
 * The geometric change, beyond uniform rescaling, cropping and padding, under which the detector found the
 * mark: the copy was mirrored left-right when {@code mirrored}, then rotated by {@code rotationDegrees}
 * (counter-clockwise on screen is negative: image rows grow downwards), then stretched horizontally by
 * {@code stretchX} relative to its height. Mirroring after a rotation by d equals rotating by -d after mirroring. {@link #NONE} for a copy that was only
 * rescaled, cropped or padded (or for no detection). Values are the detector's grid estimates (0.05 degree,
 * 0.1 % steps), not exact measurements.
 */
public record Geometry(double rotationDegrees, double stretchX, boolean mirrored) {
    public static final Geometry NONE = new Geometry(0, 1, false);

    public boolean isNone() {
        return rotationDegrees == 0 && stretchX == 1 && !mirrored;
    }

    @Override
    public String toString() {
        if (isNone()) {
            return "none";
        }
        StringBuilder s = new StringBuilder();
        if (rotationDegrees != 0) {
            s.append(String.format(java.util.Locale.ROOT, "rotated %.2f deg", rotationDegrees));
        }
        if (stretchX != 1) {
            s.append(s.length() > 0 ? ", " : "").append(String.format(java.util.Locale.ROOT, "stretched x%.3f", stretchX));
        }
        if (mirrored) {
            s.append(s.length() > 0 ? ", " : "").append("mirrored");
        }
        return s.toString();
    }
}
