package io.hallmark.generator.procedural;

/**
 * Maps low-resolution pixels to world coordinates over time. World units: at zoom 1 the frame is one unit
 * high, centred on the origin, with y pointing down.
 *
 * <p>Scenes that are finite (a flag on a pole) only allow moves that stay inside their frame: pans there
 * swing back and forth, and zooms only push in. Endless scenes (water, clouds, a skyline) pan freely.
 */
final class Camera {
    /** Period of the back-and-forth moves, seconds. */
    private static final double PERIOD = 30;
    private static final double MAX_PUSH = 0.35;

    /** Pixel (i, j) of the low-resolution image is at world ({@code x0 + i*step}, {@code y0 + j*step}). */
    record View(float x0, float y0, float step, float centerX, float centerY, float height) {
        float x(int i) {
            return x0 + i * step;
        }

        float y(int j) {
            return y0 + j * step;
        }
    }

    private final CameraMove move;
    private final double speed;
    private final boolean endlessX;
    private final boolean endlessY;
    private final int lowW;
    private final int lowH;

    Camera(CameraMove move, double speed, boolean endlessX, boolean endlessY, int lowW, int lowH) {
        this.move = move;
        this.speed = speed;
        this.endlessX = endlessX;
        this.endlessY = endlessY;
        this.lowW = lowW;
        this.lowH = lowH;
    }

    View view(double t) {
        double swing = StrictMath.sin(2 * StrictMath.PI * t / PERIOD);
        double push = (1 - StrictMath.cos(2 * StrictMath.PI * t / PERIOD)) / 2; // 0 -> 1 -> 0
        double cx = 0.004 * StrictMath.sin(0.7 * t);
        double cy = 0.003 * StrictMath.sin(0.9 * t + 1);
        double zoom = 1;
        switch (move) {
            case STATIC -> { }
            case PAN_LEFT, PAN_RIGHT -> {
                double dir = move == CameraMove.PAN_LEFT ? -1 : 1;
                cx += endlessX ? dir * speed * t : dir * 0.6 * speed * PERIOD / (2 * StrictMath.PI) * swing;
            }
            case TILT_UP -> cy += endlessY ? -speed * t : -0.4 * speed * PERIOD / (2 * StrictMath.PI) * swing;
            case ZOOM_IN -> zoom = 1 + MAX_PUSH * push;
            case ZOOM_OUT -> zoom = 1 + MAX_PUSH * (1 - push);
            case DOLLY -> {
                zoom = 1 + 0.6 * MAX_PUSH * push;
                cx += endlessX ? 0.5 * speed * t : 0.1 * swing;
            }
        }
        if (!endlessX) {
            // Never show beyond the scene's designed frame: drift inwards as the view widens.
            double slack = (1 - 1 / zoom) * 0.5 * lowW / lowH;
            double limit = slack + 0.08;
            cx = Math.max(-limit, Math.min(limit, cx));
        }
        float height = (float) (1 / zoom);
        float step = height / lowH;
        float x0 = (float) (cx - step * (lowW - 1) / 2.0);
        float y0 = (float) (cy - step * (lowH - 1) / 2.0);
        return new View(x0, y0, step, (float) cx, (float) cy, height);
    }
}
