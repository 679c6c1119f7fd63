package io.hallmark.provenance.store;

import java.io.IOException;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The store's watermark IDs in memory, for store-assisted identification: which stored IDs lie within a few
 * bits of a decoder's best guess. A linear scan (one XOR and popcount per ID: about 1 ms per million IDs)
 * is fast enough that an index would add nothing. Guarded by the store's lock.
 */
public final class IdProximity {
    private long[] ids = new long[1024];
    private int size;

    static IdProximity load(Connection connection) throws IOException {
        IdProximity p = new IdProximity();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT DISTINCT payload FROM manifests WHERE payload IS NOT NULL")) {
            while (rs.next()) {
                p.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IOException("cannot load watermark IDs: " + e.getMessage(), e);
        }
        return p;
    }

    void add(String payloadHex) {
        if (payloadHex == null || !payloadHex.matches("[0-9a-fA-F]{16}")) {
            return;
        }
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
        }
        ids[size++] = Long.parseUnsignedLong(payloadHex, 16);
    }

    /** Stored IDs (16 lower-case hex digits) within {@code maxDistance} bits of {@code bits}, nearest first. */
    List<String> near(long bits, int maxDistance, int max) {
        List<long[]> found = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            int d = Long.bitCount(ids[i] ^ bits);
            if (d <= maxDistance) {
                found.add(new long[] {d, ids[i]});
            }
        }
        found.sort(Comparator.comparingLong(a -> a[0]));
        return found.stream().limit(max).map(a -> String.format("%016x", a[1])).distinct().toList();
    }

    /**
     * Probability that a best guess independent of the store (the video carries an ID that is not stored)
     * lies within {@code maxDistance} bits of at least one of {@code storedIds} uniformly random 64-bit IDs:
     * at most {@code storedIds * sum_{k=0..d} C(64, k) / 2^64} (union bound).
     */
    public static double falseCandidateBound(long storedIds, int maxDistance) {
        BigInteger ball = BigInteger.ZERO;
        for (int k = 0; k <= maxDistance; k++) {
            ball = ball.add(binomial(64, k));
        }
        return storedIds * ball.doubleValue() / Math.pow(2, 64);
    }

    private static BigInteger binomial(int n, int k) {
        BigInteger r = BigInteger.ONE;
        for (int i = 0; i < k; i++) {
            r = r.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        }
        return r;
    }
}
