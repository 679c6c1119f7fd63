package io.hallmark.generator.raster;

/**
 * BT.709 colour conversion in limited ("TV") range, the range H.264 encoders and players assume by default:
 * Y' in [16, 235], Cb/Cr in [16, 240]. Inputs and outputs are gamma-encoded (no linearisation).
 */
public final class Bt709 {
    public static final float KR = 0.2126f;
    public static final float KB = 0.0722f;
    public static final float KG = 1f - KR - KB;

    private Bt709() {
    }

    /** Luma code value (unclipped float) for R'G'B' in 0..1. */
    public static float luma(float r, float g, float b) {
        return 16f + 219f * (KR * r + KG * g + KB * b);
    }

    /** Cb code value (unclipped float). */
    public static float cb(float r, float g, float b) {
        float y = KR * r + KG * g + KB * b;
        return 128f + 224f * (b - y) / (2f * (1f - KB));
    }

    /** Cr code value (unclipped float). */
    public static float cr(float r, float g, float b) {
        float y = KR * r + KG * g + KB * b;
        return 128f + 224f * (r - y) / (2f * (1f - KR));
    }

    /** Packs Y'CbCr code values back to a 0xRRGGBB int, clipping each channel. */
    public static int toRgb(int y, int cb, int cr) {
        float yn = (y - 16) / 219f;
        float pb = (cb - 128) / 224f;
        float pr = (cr - 128) / 224f;
        float r = yn + 2f * (1f - KR) * pr;
        float b = yn + 2f * (1f - KB) * pb;
        float g = (yn - KR * r - KB * b) / KG;
        return clip255(r) << 16 | clip255(g) << 8 | clip255(b);
    }

    /** Rounds and clips to 0..255. */
    public static int clip255(float unit) {
        int v = (int) (unit * 255f + 0.5f);
        return v < 0 ? 0 : Math.min(255, v);
    }

    /** Rounds a code value and clips it to a byte. */
    public static byte toByte(float code) {
        int v = (int) (code + 0.5f);
        return (byte) (v < 0 ? 0 : Math.min(255, v));
    }
}
