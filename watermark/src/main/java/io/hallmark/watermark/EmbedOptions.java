package io.hallmark.watermark;

/**
 * How strongly to mark.
 *
 * @param strength      multiplier of the default amplitude and of the per-frame SSIM budget (1.0 keeps SSIM
 *                      around 0.99); higher is more robust and more visible
 * @param minPsnrDb     per-frame cap: the gain is lowered on any frame where the expected PSNR of the luma
 *                      would fall below this
 */
public record EmbedOptions(double strength, double minPsnrDb) {
    public static final EmbedOptions DEFAULT = new EmbedOptions(1.0, 42.2);

    public EmbedOptions {
        if (!(strength > 0 && strength <= 8)) {
            throw new IllegalArgumentException("strength must be within (0, 8]: " + strength);
        }
        if (!(minPsnrDb >= 20 && minPsnrDb <= 80)) {
            throw new IllegalArgumentException("minPsnrDb must be within [20, 80]: " + minPsnrDb);
        }
    }

    public EmbedOptions withStrength(double s) {
        return new EmbedOptions(s, minPsnrDb);
    }
}
