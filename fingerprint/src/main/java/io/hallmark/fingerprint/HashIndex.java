package io.hallmark.fingerprint;

import java.util.Arrays;

/**
 * An in-memory index of 256-bit PDQ hashes for Hamming-distance search: multi-index hashing (Norouzi,
 * Punjani and Fleet, "Fast Search in Hamming Space with Multi-Index Hashing", CVPR 2012). Each hash is cut
 * into 16 chunks of 16 bits and filed under each chunk's value; a query probes, per chunk, its own value
 * and the 16 values one bit away. By the pigeonhole principle every stored hash within
 * {@value #GUARANTEED_RADIUS} bits of the query (16 chunks x 2 bits = 32 > 31) differs from it in at most one
 * bit of some chunk, so it is always found; farther hashes are found when one chunk happens to be that close:
 * for d bits spread at random, with probability 1 - (1 - P(Binomial(16, d/256) &lt;= 1))^16, about 0.99 at
 * d = 40 and 0.97 at d = 46 per query hash. (Probing two bits per chunk, guaranteeing 47, made a look-up in a
 * million manifests 10x slower, slower than a linear scan.)
 *
 * <p>Memory: 32 bytes + 16 x 4 bytes per hash plus the owner id (about 100 bytes a hash). Not thread-safe for
 * writes; concurrent {@link #search}es after the last {@link #add} are safe only under external locking
 * (the scratch "seen" stamps are shared), so callers synchronize.
 */
public final class HashIndex {
    /** Distance up to which a stored hash is always found. */
    public static final int GUARANTEED_RADIUS = 31;
    private static final int CHUNKS = 16;

    private long[] hashes = new long[4 * 1024];
    private int[] owners = new int[1024];
    private int[] seen = new int[1024];
    private int stamp;
    private int size;
    private final int[][] buckets = new int[CHUNKS * 65536][];
    private final int[] bucketSizes = new int[CHUNKS * 65536];

    /** Receives each hit of a search once: the owner given to {@link #add} and the distance in bits. */
    @FunctionalInterface
    public interface Hits {
        void hit(int owner, int distance);
    }

    public int size() {
        return size;
    }

    /** Files {@code hash} under {@code owner} (any int the caller chooses, e.g. a row number). */
    public void add(int owner, PdqHash hash) {
        if (size == owners.length) {
            int n = owners.length * 2;
            owners = Arrays.copyOf(owners, n);
            seen = Arrays.copyOf(seen, n);
            hashes = Arrays.copyOf(hashes, n * 4);
        }
        long[] w = hash.words();
        System.arraycopy(w, 0, hashes, size * 4, 4);
        owners[size] = owner;
        for (int c = 0; c < CHUNKS; c++) {
            int b = c * 65536 + chunk(w, c);
            int[] bucket = buckets[b];
            if (bucket == null) {
                bucket = buckets[b] = new int[2];
            } else if (bucketSizes[b] == bucket.length) {
                bucket = buckets[b] = Arrays.copyOf(bucket, bucket.length * 2);
            }
            bucket[bucketSizes[b]++] = size;
        }
        size++;
    }

    /**
     * Reports every stored hash within {@code radius} bits that the probes reach: all of them up to
     * {@value #GUARANTEED_RADIUS}, some beyond. Each stored hash is reported at most once per call.
     */
    public void search(PdqHash query, int radius, Hits hits) {
        long[] q = query.words();
        if (++stamp == 0) {
            Arrays.fill(seen, 0);
            stamp = 1;
        }
        for (int c = 0; c < CHUNKS; c++) {
            int v = chunk(q, c);
            probe(c * 65536 + v, q, radius, hits);
            for (int bit = 0; bit < 16; bit++) {
                probe(c * 65536 + (v ^ (1 << bit)), q, radius, hits);
            }
        }
    }

    private void probe(int b, long[] q, int radius, Hits hits) {
        int[] bucket = buckets[b];
        if (bucket == null) {
            return;
        }
        for (int i = 0, n = bucketSizes[b]; i < n; i++) {
            int e = bucket[i];
            if (seen[e] == stamp) {
                continue;
            }
            seen[e] = stamp;
            int d = PdqHash.distance(q, 0, hashes, e * 4);
            if (d <= radius) {
                hits.hit(owners[e], d);
            }
        }
    }

    private static int chunk(long[] w, int c) {
        return (int) (w[c >>> 2] >>> ((c & 3) * 16)) & 0xffff;
    }
}
