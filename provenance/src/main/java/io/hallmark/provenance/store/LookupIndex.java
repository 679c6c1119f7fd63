package io.hallmark.provenance.store;

import io.hallmark.fingerprint.ContentComparison;
import io.hallmark.fingerprint.HashIndex;
import io.hallmark.fingerprint.PdqHash;
import io.hallmark.fingerprint.VideoFingerprint;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The store's fingerprint keys in a {@link HashIndex}, with manifest ids as owners. Guarded by the store's lock. */
final class LookupIndex {
    private final HashIndex hashes = new HashIndex();
    private final List<String> ids = new ArrayList<>();
    private final Map<String, Integer> owners = new HashMap<>();

    static LookupIndex load(Connection connection) throws IOException {
        LookupIndex index = new LookupIndex();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT manifest_id, hash FROM fingerprint_keys")) {
            while (rs.next()) {
                byte[] hash = rs.getBytes(2);
                if (hash != null && hash.length == 32) {
                    index.add(rs.getString(1), PdqHash.fromBytes(hash, 100));
                }
            }
        } catch (SQLException e) {
            throw new IOException("cannot load the fingerprint index: " + e.getMessage(), e);
        }
        return index;
    }

    void add(String manifestId, List<PdqHash> keys) {
        for (PdqHash h : keys) {
            add(manifestId, h);
        }
    }

    private void add(String manifestId, PdqHash hash) {
        Integer owner = owners.get(manifestId);
        if (owner == null) {
            owner = ids.size();
            ids.add(manifestId);
            owners.put(manifestId, owner);
        }
        hashes.add(owner, hash);
    }

    int size() {
        return hashes.size();
    }

    /** Manifests with the most query frames near one of their keys, best first, at most {@code max}. */
    List<String> candidates(VideoFingerprint query, int max) {
        Map<Integer, Integer> votes = new HashMap<>();
        for (VideoFingerprint.Frame f : query.frames()) {
            if (f.quality() < ContentComparison.MIN_QUALITY) {
                continue;
            }
            java.util.Set<Integer> thisFrame = new java.util.HashSet<>();
            hashes.search(f.full(), ContentComparison.FRAME_DISTANCE, (owner, d) -> thisFrame.add(owner));
            thisFrame.forEach(o -> votes.merge(o, 1, Integer::sum));
        }
        return votes.entrySet().stream()
                .sorted(Map.Entry.<Integer, Integer>comparingByValue().reversed())
                .limit(max).map(e -> ids.get(e.getKey())).toList();
    }
}
