package io.hallmark.generator.procedural;

import java.util.Locale;

/** A camera move over the scene, chosen from the seed (or the {@code camera} option). */
public enum CameraMove {
    /** Locked off, with a faint hand-held drift. */
    STATIC,
    PAN_LEFT,
    PAN_RIGHT,
    TILT_UP,
    ZOOM_IN,
    ZOOM_OUT,
    /** Push in while drifting sideways. */
    DOLLY;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static CameraMove fromLabel(String label) {
        String wanted = label.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (CameraMove m : values()) {
            if (m.label().equals(wanted)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown camera move '" + label + "'; expected one of "
                + java.util.Arrays.stream(values()).map(CameraMove::label).toList());
    }
}
