package io.hallmark.watermark.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.apache.commons.math3.complex.Complex;
import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;
import org.junit.jupiter.api.Test;

class FftTest {
    @Test
    void forwardMatchesCommonsMath() {
        Random random = new Random(1);
        int n = 256;
        double[] re = new double[n];
        double[] im = new double[n];
        Complex[] reference = new Complex[n];
        for (int i = 0; i < n; i++) {
            re[i] = random.nextGaussian();
            im[i] = random.nextGaussian();
            reference[i] = new Complex(re[i], im[i]);
        }
        Complex[] expected = new FastFourierTransformer(DftNormalization.STANDARD).transform(reference, TransformType.FORWARD);
        new Fft(n).forward(re, im);
        for (int i = 0; i < n; i++) {
            assertEquals(expected[i].getReal(), re[i], 1e-9);
            assertEquals(expected[i].getImaginary(), im[i], 1e-9);
        }
    }

    @Test
    void inverseOfForwardIsNTimesTheInput() {
        Random random = new Random(2);
        int n = 64;
        double[] re = new double[n * n];
        double[] im = new double[n * n];
        double[] original = new double[n * n];
        for (int i = 0; i < re.length; i++) {
            re[i] = original[i] = random.nextGaussian();
        }
        Fft2d fft = new Fft2d(n);
        fft.forward(re, im);
        fft.inverse(re, im);
        for (int i = 0; i < re.length; i++) {
            assertEquals(original[i] * n * n, re[i], 1e-7);
            assertEquals(0, im[i], 1e-7);
        }
    }

    @Test
    void twoDimensionalTransformPutsACosineOnItsBin() {
        int n = 32;
        double[] re = new double[n * n];
        double[] im = new double[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                re[y * n + x] = Math.cos(2 * Math.PI * (3 * x + 5 * y) / n);
            }
        }
        new Fft2d(n).forward(re, im);
        assertEquals(n * n / 2.0, re[5 * n + 3], 1e-6);
        assertEquals(n * n / 2.0, re[(n - 5) * n + (n - 3)], 1e-6);
        assertEquals(0, re[3 * n + 5], 1e-6);
    }

    @Test
    void rejectsSizesThatAreNotPowersOfTwo() {
        assertThrows(IllegalArgumentException.class, () -> new Fft(100));
    }

    @Test
    void realForwardMatchesTheComplexTransform() {
        Random random = new Random(3);
        for (int n : new int[] {2, 8, 64}) {
            double[] re = new double[n * n];
            double[] im = new double[n * n];
            double[] expectedRe = new double[n * n];
            double[] expectedIm = new double[n * n];
            for (int i = 0; i < re.length; i++) {
                re[i] = expectedRe[i] = random.nextGaussian();
                im[i] = 123; // ignored on input
            }
            Fft2d fft = new Fft2d(n);
            fft.forward(expectedRe, expectedIm);
            fft.forwardReal(re, im);
            for (int i = 0; i < re.length; i++) {
                assertEquals(expectedRe[i], re[i], 1e-9, "re at " + i + ", n=" + n);
                assertEquals(expectedIm[i], im[i], 1e-9, "im at " + i + ", n=" + n);
            }
        }
    }

    @Test
    void inverseToRealMatchesTheComplexInverseOfAHermitianSpectrum() {
        Random random = new Random(4);
        for (int n : new int[] {2, 8, 64}) {
            double[] re = new double[n * n];
            double[] im = new double[n * n];
            for (int i = 0; i < re.length; i++) {
                re[i] = random.nextGaussian();
            }
            Fft2d fft = new Fft2d(n);
            fft.forward(re, im); // a Hermitian spectrum
            double[] expectedRe = re.clone();
            double[] expectedIm = im.clone();
            fft.inverse(expectedRe, expectedIm);
            fft.inverseToReal(re, im);
            for (int i = 0; i < re.length; i++) {
                assertEquals(expectedRe[i], re[i], 1e-8, "at " + i + ", n=" + n);
            }
        }
    }
}
