package io.hallmark.provenance.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/**
 * The store's watermark IDs in memory, the candidates of identification by confirmation
 * ({@code io.hallmark.watermark.IdConfirmation}): 8 bytes an ID, so a million take 8 MB. Loaded once, kept up to date
 * with this process's own registrations, and loaded again when older than {@link #MAX_AGE_MILLIS} (a shared
 * store takes registrations from other instances). Guarded by the store's lock.
 */
final class StoredIds {
    /** How long a loaded list is used before the database is read again. */
    static final long MAX_AGE_MILLIS = 10_000;

    private long[] ids = new long[1024];
    private int size;
    private final long loadedAt;

    StoredIds(long loadedAt) {
        this.loadedAt = loadedAt;
    }

    static StoredIds load(Connection connection) throws IOException {
        StoredIds p = new StoredIds(System.currentTimeMillis());
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

    boolean stale(long now) {
        return now - loadedAt > MAX_AGE_MILLIS;
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

    /** Every stored ID once, as 64-bit values. */
    long[] all() {
        return Arrays.stream(ids, 0, size).distinct().toArray();
    }
}
