package io.hallmark.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HashIndexTest {
    static PdqHash random(Random r) {
        return new PdqHash(new long[] {r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong()}, 100);
    }

    static PdqHash flip(PdqHash h, int bits, Random r) {
        long[] w = h.words();
        java.util.Set<Integer> done = new java.util.HashSet<>();
        while (done.size() < bits) {
            int b = r.nextInt(256);
            if (done.add(b)) {
                w[b >>> 6] ^= 1L << (b & 63);
            }
        }
        return new PdqHash(w, 100);
    }

    @Test
    void everyHashWithinTheGuaranteedRadiusIsFoundAndMatchesALinearScan() {
        Random r = new Random(1);
        HashIndex index = new HashIndex();
        PdqHash[] stored = new PdqHash[20_000];
        for (int i = 0; i < stored.length; i++) {
            stored[i] = random(r);
            index.add(i, stored[i]);
        }
        for (int q = 0; q < 200; q++) {
            int target = r.nextInt(stored.length);
            PdqHash query = flip(stored[target], 1 + r.nextInt(HashIndex.GUARANTEED_RADIUS), r);
            Map<Integer, Integer> hits = new HashMap<>();
            index.search(query, HashIndex.GUARANTEED_RADIUS, (owner, d) -> assertEquals(null, hits.put(owner, d)));
            Map<Integer, Integer> scan = new HashMap<>();
            for (int i = 0; i < stored.length; i++) {
                int d = stored[i].distance(query);
                if (d <= HashIndex.GUARANTEED_RADIUS) {
                    scan.put(i, d);
                }
            }
            assertEquals(scan, hits);
            assertTrue(hits.containsKey(target));
        }
    }

    @Test
    void unrelatedHashesAreNotReported() {
        Random r = new Random(2);
        HashIndex index = new HashIndex();
        for (int i = 0; i < 5_000; i++) {
            index.add(i, random(r));
        }
        int[] hits = {0};
        for (int q = 0; q < 100; q++) {
            index.search(random(r), HashIndex.GUARANTEED_RADIUS, (owner, d) -> hits[0]++);
        }
        assertEquals(0, hits[0]);
    }
}
