package io.hallmark.watermark.quality;

/** Luma fidelity metrics of a marked frame against its original. */
public final class Quality {
    private Quality() {}

    /** PSNR of the luma planes in dB (infinite when identical). */
    public static double psnr(byte[] a, byte[] b) {
        double mse = mse(a, b);
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
    }

    /** PSNR of deep (9- to 16-bit) luma planes in dB against their {@code peak} (2^bits - 1); infinite when identical. */
    public static double psnr(short[] a, short[] b, int peak) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("planes differ in size");
        }
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (a[i] & 0xffff) - (b[i] & 0xffff);
            sum += d * d;
        }
        double mse = sum / a.length;
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10((double) peak * peak / mse);
    }

    public static double mse(byte[] a, byte[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("planes differ in size");
        }
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            int d = (a[i] & 0xff) - (b[i] & 0xff);
            sum += d * d;
        }
        return sum / (double) a.length;
    }

    /**
     * Mean SSIM of the luma over 8x8 windows with stride 4 (Wang et al. 2004 constants, uniform window),
     * the usual fast variant.
     */
    public static double ssim(byte[] a, byte[] b, int width, int height) {
        final double c1 = Math.pow(0.01 * 255, 2);
        final double c2 = Math.pow(0.03 * 255, 2);
        double total = 0;
        int windows = 0;
        for (int y = 0; y + 8 <= height; y += 4) {
            for (int x = 0; x + 8 <= width; x += 4) {
                double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
                for (int dy = 0; dy < 8; dy++) {
                    int row = (y + dy) * width + x;
                    for (int dx = 0; dx < 8; dx++) {
                        int pa = a[row + dx] & 0xff;
                        int pb = b[row + dx] & 0xff;
                        sa += pa; sb += pb; saa += pa * pa; sbb += pb * pb; sab += pa * pb;
                    }
                }
                double ma = sa / 64, mb = sb / 64;
                double va = saa / 64 - ma * ma, vb = sbb / 64 - mb * mb, cov = sab / 64 - ma * mb;
                total += ((2 * ma * mb + c1) * (2 * cov + c2)) / ((ma * ma + mb * mb + c1) * (va + vb + c2));
                windows++;
            }
        }
        return windows == 0 ? 1.0 : total / windows;
    }
}
