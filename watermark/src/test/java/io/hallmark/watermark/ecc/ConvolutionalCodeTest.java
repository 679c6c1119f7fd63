package io.hallmark.watermark.ecc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConvolutionalCodeTest {
    private final ConvolutionalCode code = new ConvolutionalCode(96);

    private static int[] randomBits(Random random, int n) {
        int[] bits = new int[n];
        for (int i = 0; i < n; i++) {
            bits[i] = random.nextInt(2);
        }
        return bits;
    }

    private static double[] hard(int[] coded) {
        double[] soft = new double[coded.length];
        for (int i = 0; i < coded.length; i++) {
            soft[i] = coded[i] == 0 ? 1 : -1;
        }
        return soft;
    }

    /** The codeword as +-1 soft values plus Gaussian noise of standard deviation {@code sigma}. */
    private static double[] noisy(int[] coded, double sigma, Random random) {
        double[] soft = hard(coded);
        for (int i = 0; i < soft.length; i++) {
            soft[i] += sigma * random.nextGaussian();
        }
        return soft;
    }

    @Test
    void hasRateOneHalfWithSixTailBits() {
        assertEquals(2 * (96 + 6), code.codedBits());
    }

    @Test
    void decodesCleanCodewords() {
        Random random = new Random(3);
        for (int trial = 0; trial < 20; trial++) {
            int[] info = randomBits(random, 96);
            assertArrayEquals(info, code.decode(hard(code.encode(info))));
        }
    }

    @Test
    void correctsScatteredHardErrors() {
        Random random = new Random(4);
        int[] info = randomBits(random, 96);
        double[] soft = hard(code.encode(info));
        // One flipped bit in every 20: well within the free distance (10) between flips.
        for (int i = 5; i < soft.length; i += 20) {
            soft[i] = -soft[i];
        }
        assertArrayEquals(info, code.decode(soft));
    }

    @Test
    void softDecisionsBeatHardDecisionsOnGaussianNoise() {
        Random random = new Random(5);
        int softFailures = 0;
        int hardFailures = 0;
        for (int trial = 0; trial < 60; trial++) {
            int[] info = randomBits(random, 96);
            double[] soft = noisy(code.encode(info), 0.65, random); // about 6 % raw bit errors
            double[] signs = new double[soft.length];
            for (int i = 0; i < soft.length; i++) {
                signs[i] = Math.signum(soft[i]);
            }
            if (!Arrays.equals(info, code.decode(soft))) {
                softFailures++;
            }
            if (!Arrays.equals(info, code.decode(signs))) {
                hardFailures++;
            }
        }
        assertTrue(softFailures < hardFailures, "soft " + softFailures + " vs hard " + hardFailures);
        assertTrue(softFailures <= 6, "soft failures: " + softFailures);
    }

    @Test
    void treatsNonFiniteValuesAsErasures() {
        Random random = new Random(6);
        int[] info = randomBits(random, 96);
        double[] soft = hard(code.encode(info));
        for (int i = 0; i < soft.length; i += 7) {
            soft[i] = Double.NaN;
        }
        assertArrayEquals(info, code.decode(soft));
    }

    @Test
    void rejectsWrongLengths() {
        assertThrows(IllegalArgumentException.class, () -> code.encode(new int[95]));
        assertThrows(IllegalArgumentException.class, () -> code.decode(new double[10]));
        assertThrows(IllegalArgumentException.class, () -> new ConvolutionalCode(0));
    }

    private double metric(int[] info, double[] soft) {
        int[] coded = code.encode(info);
        double m = 0;
        for (int i = 0; i < coded.length; i++) {
            m += coded[i] == 0 ? soft[i] : -soft[i];
        }
        return m;
    }

    @Test
    void listStartsWithTheViterbiWordAndHoldsDistinctWordsBestFirst() {
        Random random = new Random(9);
        double[] soft = new double[code.codedBits()];
        for (int i = 0; i < soft.length; i++) {
            soft[i] = random.nextGaussian();
        }
        List<int[]> list = code.decodeList(soft, 16);
        assertEquals(16, list.size());
        assertArrayEquals(code.decode(soft), list.get(0));
        Set<String> seen = new HashSet<>();
        double previous = Double.POSITIVE_INFINITY;
        for (int[] word : list) {
            assertTrue(seen.add(Arrays.toString(word)), "duplicate word in the list");
            double m = metric(word, soft);
            assertTrue(m <= previous + 1e-9, "list out of order");
            previous = m;
        }
    }

    @Test
    void listHoldsTheSentWordWhenThePlainDecodeMissesIt() {
        Random random = new Random(10);
        int plainMisses = 0;
        int foundInList = 0;
        for (int trial = 0; trial < 100; trial++) {
            int[] info = randomBits(random, 96);
            double[] soft = noisy(code.encode(info), 0.9, random);
            if (!Arrays.equals(info, code.decode(soft))) {
                plainMisses++;
                if (code.decodeList(soft, 32).stream().anyMatch(w -> Arrays.equals(w, info))) {
                    foundInList++;
                }
            }
        }
        assertTrue(plainMisses >= 10, "noise too weak to test: " + plainMisses);
        assertTrue(foundInList >= plainMisses / 4, foundInList + " of " + plainMisses + " misses found in the list");
    }

    @Test
    void rejectsListSizesOutOfRange() {
        double[] soft = new double[code.codedBits()];
        assertThrows(IllegalArgumentException.class, () -> code.decodeList(soft, 0));
        assertThrows(IllegalArgumentException.class, () -> code.decodeList(soft, ConvolutionalCode.MAX_LIST + 1));
    }
}
