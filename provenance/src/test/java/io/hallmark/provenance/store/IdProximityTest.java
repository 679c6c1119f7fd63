package io.hallmark.provenance.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IdProximityTest {
    @Test
    void theBoundIsTheUnionOfHammingBallsOverTheStore() {
        // sum_{k<=4} C(64,k) = 1 + 64 + 2016 + 41664 + 635376 = 679121
        assertEquals(679121 / Math.pow(2, 64), IdProximity.falseCandidateBound(1, 4), 1e-25);
        assertEquals(1e6 * 679121 / Math.pow(2, 64), IdProximity.falseCandidateBound(1_000_000, 4), 1e-15);
    }

    @Test
    void findsTheStoredIdNearAGuessAndNothingForIdsOutsideTheStore() {
        Random random = new Random(9);
        IdProximity ids = new IdProximity();
        long[] stored = new long[20_000];
        for (int i = 0; i < stored.length; i++) {
            stored[i] = random.nextLong();
            ids.add(String.format("%016x", stored[i]));
        }
        long guess = stored[4242] ^ (1L << 3) ^ (1L << 40) ^ (1L << 63);
        assertEquals(List.of(String.format("%016x", stored[4242])), ids.near(guess, 4, 4));
        // 10^5 guesses of IDs that are not stored: the bound says 10^5 * 2*10^4 * 3.7e-14 = 7e-5 false candidates
        int falseCandidates = 0;
        for (int t = 0; t < 100_000; t++) {
            falseCandidates += ids.near(random.nextLong(), 4, 4).size();
        }
        assertEquals(0, falseCandidates);
        assertTrue(IdProximity.falseCandidateBound(stored.length, 4) * 100_000 < 1e-3);
    }
}
