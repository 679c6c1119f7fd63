package io.hallmark.provenance.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every manifest we sign, kept in an embedded SQLite database and found again by manifest id or by
 * watermark payload, so a verifier can recover the manifest of a copy whose metadata was stripped.
 * The schema is versioned ({@code PRAGMA user_version}); newer schemas are refused rather than misread.
 * Thread-safe: one connection, synchronized access (SQLite serializes writers anyway).
 */
public final class ManifestStore implements ManifestLookup {
    static final int SCHEMA_VERSION = 1;

    private final Connection connection;
    private final Path path;

    private ManifestStore(Connection connection, Path path) {
        this.connection = connection;
        this.path = path;
    }

    /** Opens (creating when missing) the store at {@code path}. */
    public static ManifestStore open(Path path) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + path.toAbsolutePath());
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("PRAGMA busy_timeout=5000");
                int version;
                try (ResultSet rs = st.executeQuery("PRAGMA user_version")) {
                    version = rs.next() ? rs.getInt(1) : 0;
                }
                if (version > SCHEMA_VERSION) {
                    c.close();
                    throw new IOException("manifest store " + path + " has schema version " + version
                            + ", newer than this Hallmark understands (" + SCHEMA_VERSION + ")");
                }
                if (version < 1) {
                    st.execute("""
                            CREATE TABLE IF NOT EXISTS manifests (
                              manifest_id    TEXT PRIMARY KEY,
                              payload        TEXT,
                              algorithm      TEXT,
                              title          TEXT,
                              signed_at      TEXT NOT NULL,
                              manifest_store BLOB NOT NULL,
                              report_json    TEXT NOT NULL)""");
                    st.execute("CREATE INDEX IF NOT EXISTS manifests_by_payload ON manifests(payload)");
                    st.execute("PRAGMA user_version = " + SCHEMA_VERSION);
                }
            }
            return new ManifestStore(c, path);
        } catch (SQLException e) {
            throw new IOException("cannot open manifest store " + path + ": " + e.getMessage(), e);
        }
    }

    public Path path() {
        return path;
    }

    public synchronized void put(StoredManifest m) throws IOException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT OR REPLACE INTO manifests VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, m.manifestId());
            ps.setString(2, m.payloadHex());
            ps.setString(3, m.algorithm());
            ps.setString(4, m.title());
            ps.setString(5, m.signedAt().toString());
            ps.setBytes(6, m.manifestStore());
            ps.setString(7, m.reportJson());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IOException("cannot store manifest " + m.manifestId() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return path.toString();
    }

    /** Manifests whose soft binding carries this payload, newest first. */
    @Override
    public synchronized List<StoredManifest> findByPayload(String payloadHex) throws IOException {
        return query("SELECT * FROM manifests WHERE payload = ? ORDER BY signed_at DESC", payloadHex);
    }

    public synchronized Optional<StoredManifest> findById(String manifestId) throws IOException {
        return query("SELECT * FROM manifests WHERE manifest_id = ?", manifestId).stream().findFirst();
    }

    public synchronized long count() throws IOException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM manifests")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IOException("cannot count manifests: " + e.getMessage(), e);
        }
    }

    private List<StoredManifest> query(String sql, String arg) throws IOException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, arg);
            List<StoredManifest> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new StoredManifest(rs.getString("manifest_id"), rs.getString("payload"),
                            rs.getString("algorithm"), rs.getString("title"), Instant.parse(rs.getString("signed_at")),
                            rs.getBytes("manifest_store"), rs.getString("report_json")));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IOException("manifest store query failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }
}
