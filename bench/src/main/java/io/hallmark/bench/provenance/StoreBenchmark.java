package io.hallmark.bench.provenance;

import io.hallmark.fingerprint.PdqHash;
import io.hallmark.fingerprint.VideoFingerprint;
import io.hallmark.provenance.store.FingerprintMatch;
import io.hallmark.provenance.store.ManifestStore;
import io.hallmark.provenance.store.StoredManifest;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * {@code hallmark bench store}: fingerprint look-up latency in a store of N synthetic manifests. Each
 * manifest gets a random fingerprint of {@value #FRAMES} sampled frames (uniform random PDQ hashes, the
 * hardest case for bucket balance is the opposite, so the note in docs says how real hashes differ).
 * Queries are copies of stored fingerprints with {@value #FLIPS} random bits flipped per frame (a re-encoded
 * copy) and unrelated random fingerprints; the peer is a linear scan over the same hashes in the same run.
 */
public final class StoreBenchmark {
    static final int FRAMES = 8;
    static final int FLIPS = 24;

    private StoreBenchmark() {}

    public static int run(Path work, int manifests, int queries, PrintStream out) throws Exception {
        Files.createDirectories(work);
        Path db = work.resolve("store-" + manifests + ".db");
        Random random = new Random(5);
        long[][] firstHashes = new long[manifests][];
        long[] all = new long[manifests * FRAMES * 4];
        boolean fresh = !Files.exists(db);
        long t0 = System.nanoTime();
        try (ManifestStore store = ManifestStore.open(db)) {
            List<StoredManifest> batch = new ArrayList<>();
            for (int m = 0; m < manifests; m++) {
                List<VideoFingerprint.Frame> frames = new ArrayList<>();
                for (int f = 0; f < FRAMES; f++) {
                    long[] w = {random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong()};
                    System.arraycopy(w, 0, all, (m * FRAMES + f) * 4, 4);
                    if (f == 0) {
                        firstHashes[m] = w;
                    }
                    frames.add(new VideoFingerprint.Frame(f * 500L, 80, List.of(new PdqHash(w, 80))));
                }
                if (fresh) {
                    String fp = new VideoFingerprint(List.of(VideoFingerprint.View.FULL), frames).encode();
                    batch.add(new StoredManifest("urn:bench:" + m, null, null, "m" + m, Instant.EPOCH, new byte[] {0},
                            "{}", fp));
                    if (batch.size() == 10_000) {
                        store.putAll(batch);
                        batch.clear();
                        if (m % 100_000 == 99_999) {
                            out.printf("store: %,d manifests%n", m + 1);
                        }
                    }
                }
            }
            store.putAll(batch);
            long filled = System.nanoTime();
            out.printf(Locale.ROOT, "filled %,d manifests (%d frames each) in %.1f s%n", manifests, FRAMES, (filled - t0) / 1e9);
            // first look-up builds the index
            long tIndex = System.nanoTime();
            store.findByFingerprint(query(all, 0, random), 1);
            out.printf(Locale.ROOT, "index built on first look-up in %.1f s%n", (System.nanoTime() - tIndex) / 1e9);

            double[] hit = new double[queries];
            double[] miss = new double[queries];
            double[] scan = new double[Math.min(queries, 20)];
            int found = 0;
            for (int q = 0; q < queries; q++) {
                int target = random.nextInt(manifests);
                VideoFingerprint copy = query(all, target, random);
                long s = System.nanoTime();
                List<FingerprintMatch> r = store.findByFingerprint(copy, 5);
                hit[q] = (System.nanoTime() - s) / 1e6;
                if (!r.isEmpty() && r.get(0).manifestId().equals("urn:bench:" + target)) {
                    found++;
                }
                VideoFingerprint unrelated = query(null, 0, random);
                s = System.nanoTime();
                store.findByFingerprint(unrelated, 5);
                miss[q] = (System.nanoTime() - s) / 1e6;
                if (q < scan.length) {
                    s = System.nanoTime();
                    linearScan(copy, all);
                    scan[q] = (System.nanoTime() - s) / 1e6;
                }
            }
            out.printf(Locale.ROOT, "look-up of a copy (%d bits flipped per frame): median %.2f ms, p99 %.2f ms; right manifest first in %d of %d%n",
                    FLIPS, pct(hit, 50), pct(hit, 99), found, queries);
            out.printf(Locale.ROOT, "look-up of unrelated content: median %.2f ms, p99 %.2f ms%n", pct(miss, 50), pct(miss, 99));
            out.printf(Locale.ROOT, "linear scan of the same hashes (peer): median %.1f ms  -> index is %.0fx faster%n",
                    pct(scan, 50), pct(scan, 50) / pct(hit, 50));
            return found == queries ? 0 : 1;
        }
    }

    private static VideoFingerprint query(long[] all, int manifest, Random random) {
        List<VideoFingerprint.Frame> frames = new ArrayList<>();
        for (int f = 0; f < FRAMES; f++) {
            long[] w = all == null ? new long[] {random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong()}
                    : Arrays.copyOfRange(all, (manifest * FRAMES + f) * 4, (manifest * FRAMES + f) * 4 + 4);
            if (all != null) {
                for (int i = 0; i < FLIPS; i++) {
                    int b = random.nextInt(256);
                    w[b >>> 6] ^= 1L << (b & 63);
                }
            }
            frames.add(new VideoFingerprint.Frame(f * 500L, 80, List.of(new PdqHash(w, 80))));
        }
        return new VideoFingerprint(List.of(VideoFingerprint.View.FULL), frames);
    }

    private static int linearScan(VideoFingerprint query, long[] all) {
        int best = 256;
        for (VideoFingerprint.Frame f : query.frames()) {
            long[] q = f.full().words();
            for (int off = 0; off < all.length; off += 4) {
                int d = Long.bitCount(q[0] ^ all[off]) + Long.bitCount(q[1] ^ all[off + 1])
                        + Long.bitCount(q[2] ^ all[off + 2]) + Long.bitCount(q[3] ^ all[off + 3]);
                best = Math.min(best, d);
            }
        }
        return best;
    }

    private static double pct(double[] v, int p) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)];
    }
}
