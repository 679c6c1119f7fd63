package io.hallmark.provenance.store;

import io.hallmark.fingerprint.ContentComparison;
import io.hallmark.fingerprint.PdqHash;
import io.hallmark.fingerprint.VideoFingerprint;
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
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every manifest we sign, found again by manifest id or by watermark payload, so a verifier can recover the
 * manifest of a copy whose metadata was stripped, and by content fingerprint ({@link #findByFingerprint}) when the
 * mark is gone too. Two databases hold it, with the same tables and queries:
 * <ul>
 *   <li>an embedded SQLite file (the default; {@link #open(Path)}), one connection;</li>
 *   <li>PostgreSQL for a shared deployment ({@link #open(String)} with a {@code jdbc:postgresql:} URL), connections
 *       pooled by HikariCP.</li>
 * </ul>
 * Flyway makes and migrates both schemas ({@code store/sqlite/V1, V2}, {@code store/postgresql/V2}); SQLite stores
 * made before Flyway are taken over at the version in their {@code PRAGMA user_version}. Newer schemas are refused
 * rather than misread.
 * Thread-safe: access is synchronized (the in-memory look-up indexes are kept in step with writes).
 */
public final class ManifestStore implements ManifestLookup, ManifestRegistry {
    /**
     * signed_at as text of one width (nanoseconds always written): text order is time order. Instant's own
     * toString drops zero fractions, which sorted "12:00:00Z" after "12:00:00.5Z".
     */
    static final java.time.format.DateTimeFormatter SIGNED_AT = java.time.format.DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(java.time.ZoneOffset.UTC);

    static final int SCHEMA_VERSION = 2;
    /** Whole-frame hashes per manifest kept in the look-up index ({@link VideoFingerprint#lookupKeys}). */
    static final int LOOKUP_KEYS = 16;
    /** Candidates (by index hits) compared in full per look-up. */
    static final int LOOKUP_CANDIDATES = 32;

    /** How long an operation waits for a connection to a server database before it is {@link Unavailable}: 2 s. */
    public static final java.time.Duration CONNECTION_TIMEOUT = java.time.Duration.ofSeconds(2);
    /** How long a server database may leave one query unanswered before the connection is dropped: 30 s. */
    public static final java.time.Duration QUERY_TIMEOUT = java.time.Duration.ofSeconds(30);

    /**
     * After a server database was found unreachable, how long further operations fail at once (as {@link Unavailable})
     * before one tries again: 3 s. Without it, callers queued behind the store's lock would each wait out
     * {@link #CONNECTION_TIMEOUT} in turn.
     */
    public static final java.time.Duration RETRY_AFTER_UNREACHABLE = java.time.Duration.ofSeconds(3);

    /** When a server database was last found unreachable ({@link System#nanoTime()}); far in the past when never. */
    private volatile long unreachableSince = System.nanoTime() - (1L << 62);

    /** SQLite's one connection, or null for a pooled database. */
    private final Connection connection;
    /** The pool of a server database, or null for SQLite. */
    private final com.zaxxer.hikari.HikariDataSource pool;
    private final Path path;
    private final String location;
    private LookupIndex index;
    private StoredIds payloads;

    private ManifestStore(Connection connection, com.zaxxer.hikari.HikariDataSource pool, Path path, String location) {
        this.connection = connection;
        this.pool = pool;
        this.path = path;
        this.location = location;
    }

    /**
     * Opens the store at {@code location}: a {@code jdbc:postgresql://HOST/DB?user=..&password=..} URL (tables made or
     * migrated by Flyway on first use), else a SQLite file path.
     *
     * @param location a JDBC URL or a file path
     * @return the store, to be closed
     * @throws IOException when the database cannot be reached, migrated or opened
     */
    public static ManifestStore open(String location) throws IOException {
        if (!location.startsWith("jdbc:")) {
            return open(Path.of(location));
        }
        if (!location.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("the manifest store's JDBC URL must be jdbc:postgresql:..., not " + redact(location));
        }
        com.zaxxer.hikari.HikariConfig hikari = new com.zaxxer.hikari.HikariConfig();
        hikari.setJdbcUrl(location);
        hikari.setPoolName("hallmark-manifest-store");
        hikari.setMaximumPoolSize(4);
        // a database that is down is said within seconds (callers answer "try again later"), not after a request
        // has hung: the pool's wait, the driver's connect and login time-outs (the URL may override the driver's)
        hikari.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        hikari.addDataSourceProperty("connectTimeout", Long.toString(CONNECTION_TIMEOUT.toSeconds()));
        hikari.addDataSourceProperty("loginTimeout", Long.toString(CONNECTION_TIMEOUT.toSeconds()));
        hikari.addDataSourceProperty("socketTimeout", Long.toString(QUERY_TIMEOUT.toSeconds()));
        com.zaxxer.hikari.HikariDataSource pool;
        try {
            pool = new com.zaxxer.hikari.HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw new IOException("cannot reach the manifest store " + redact(location) + ": " + e.getMessage(), e);
        }
        try {
            migrate(flyway().dataSource(pool), "postgresql", redact(location));
        } catch (IOException e) {
            pool.close();
            throw e;
        }
        return new ManifestStore(null, pool, null, redact(location));
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway() {
        return org.flywaydb.core.Flyway.configure(ManifestStore.class.getClassLoader());
    }

    /**
     * Brings the schema to {@link #SCHEMA_VERSION} with the scripts in {@code store/<folder>}; a database migrated by
     * a newer Hallmark is refused rather than misread (Flyway itself ignores migrations it does not know).
     */
    private static void migrate(org.flywaydb.core.api.configuration.FluentConfiguration config, String folder,
                                String where) throws IOException {
        try {
            org.flywaydb.core.Flyway flyway = config.locations("classpath:io/hallmark/provenance/store/" + folder).load();
            flyway.migrate();
            org.flywaydb.core.api.MigrationInfo current = flyway.info().current();
            if (current != null && current.getVersion().isNewerThan(Integer.toString(SCHEMA_VERSION))) {
                throw new IOException("manifest store " + where + " has schema version " + current.getVersion()
                        + ", newer than this Hallmark understands (" + SCHEMA_VERSION + ")");
            }
        } catch (org.flywaydb.core.api.FlywayException e) {
            throw new IOException("cannot migrate the manifest store " + where + ": " + e.getMessage(), e);
        }
    }

    private static boolean hasTable(Connection c, String table) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, null, table, null)) {
            return rs.next();
        }
    }

    /** The URL without its password, for messages. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    /** Opens (creating when missing) the store at {@code path}. */
    public static ManifestStore open(Path path) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            String url = "jdbc:sqlite:" + path.toAbsolutePath();
            Connection c = DriverManager.getConnection(url);
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("PRAGMA busy_timeout=5000");
                int version;
                try (ResultSet rs = st.executeQuery("PRAGMA user_version")) {
                    version = rs.next() ? rs.getInt(1) : 0;
                }
                if (version > SCHEMA_VERSION) {
                    throw new IOException("manifest store " + path + " has schema version " + version
                            + ", newer than this Hallmark understands (" + SCHEMA_VERSION + ")");
                }
                if (version < SCHEMA_VERSION || !hasTable(c, "flyway_schema_history")) {
                    // stores made before Flyway carry their version in user_version: Flyway starts from there
                    migrate(flyway().dataSource(url, null, null).baselineOnMigrate(true)
                            .baselineVersion(Integer.toString(Math.max(version, 1))), "sqlite", path.toString());
                    // older Hallmarks read user_version to refuse a schema newer than theirs
                    st.execute("PRAGMA user_version = " + SCHEMA_VERSION);
                }
            } catch (IOException e) {
                c.close();
                throw e;
            }
            return new ManifestStore(c, null, path, path.toString());
        } catch (SQLException e) {
            throw new IOException("cannot open manifest store " + path + ": " + e.getMessage(), e);
        }
    }

    /** @return the SQLite file, or null for a server database */
    public Path path() {
        return path;
    }

    /** A connection for one operation: SQLite's own (kept open), or one borrowed from the pool (returned by close). */
    private Connection borrow() throws SQLException {
        if (pool != null && System.nanoTime() - unreachableSince < RETRY_AFTER_UNREACHABLE.toNanos()) {
            // just found unreachable: say so at once rather than make every caller wait out the time-out again
            throw new java.sql.SQLTransientConnectionException("unreachable less than "
                    + RETRY_AFTER_UNREACHABLE.toSeconds() + " s ago", "08001");
        }
        return pool != null ? pool.getConnection() : connection;
    }

    private void giveBack(Connection c) throws SQLException {
        if (pool != null) {
            c.close();
        }
    }

    /**
     * A manifest id that is already in the store with other content. The store is append-only: a manifest it holds
     * is what copies of that asset recover, so it is never replaced (registering the same bytes again is a no-op).
     */
    public static final class ManifestExists extends IOException {
        private final String manifestId;

        ManifestExists(String manifestId) {
            super("the store already holds a different manifest under " + manifestId + "; manifests are never replaced");
            this.manifestId = manifestId;
        }

        /** @return the id that is taken */
        public String manifestId() {
            return manifestId;
        }
    }

    /**
     * The database cannot be reached now (connection refused, timed out, pool exhausted, server shutting down): a
     * condition to retry later, not an answer. Its message names no database internals.
     */
    public static final class Unavailable extends LookupUnavailable {
        Unavailable(SQLException cause) {
            super("the manifest store is unavailable", cause);
        }
    }

    /**
     * Stores a manifest; its fingerprint, when it has one, becomes findable by {@link #findByFingerprint}.
     * Append-only: storing the same manifest again changes nothing.
     *
     * @throws ManifestExists           when another manifest is stored under its id (nothing is written)
     * @throws Unavailable              when the database cannot be reached
     * @throws IllegalArgumentException if the fingerprint is not a well-formed {@link VideoFingerprint}
     */
    public synchronized void put(StoredManifest m) throws IOException {
        putAll(List.of(m));
    }

    /** Stores several manifests in one transaction: all or none. See {@link #put}. */
    public synchronized void putAll(List<StoredManifest> manifests) throws IOException {
        List<List<PdqHash>> allKeys = new ArrayList<>();
        for (StoredManifest m : manifests) {
            allKeys.add(m.fingerprint() == null ? List.of()
                    : VideoFingerprint.decode(m.fingerprint()).lookupKeys(LOOKUP_KEYS));
        }
        String[] current = {null};
        boolean[] added = new boolean[manifests.size()];
        try {
            Connection connection = borrow();
            try {
                insert(connection, manifests, allKeys, current, added);
            } finally {
                giveBack(connection);
            }
        } catch (SQLException e) {
            throw failure("cannot store manifest " + current[0], e);
        }
        for (int i = 0; i < manifests.size(); i++) {
            if (!added[i]) {
                continue;
            }
            if (index != null) {
                index.add(manifests.get(i).manifestId(), allKeys.get(i));
            }
            if (payloads != null) {
                payloads.add(manifests.get(i).payloadHex());
            }
        }
    }

    /**
     * One transaction: every manifest and its look-up keys, or none; {@code current} names the one being written,
     * {@code added} says which were new (the others were already stored, byte for byte).
     */
    private static void insert(Connection connection, List<StoredManifest> manifests, List<List<PdqHash>> allKeys,
                               String[] current, boolean[] added) throws SQLException, ManifestExists {
        connection.setAutoCommit(false);
        // append-only: an existing id is never overwritten (both SQLite 3.24+ and PostgreSQL understand this)
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO manifests (manifest_id, payload, algorithm, title, signed_at, manifest_store,"
                        + " report_json, fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (manifest_id) DO NOTHING");
             PreparedStatement existing = connection.prepareStatement(
                     "SELECT manifest_store FROM manifests WHERE manifest_id = ?");
             PreparedStatement key = connection.prepareStatement("INSERT INTO fingerprint_keys VALUES (?, ?)")) {
            for (int i = 0; i < manifests.size(); i++) {
                StoredManifest m = manifests.get(i);
                current[0] = m.manifestId();
                ps.setString(1, m.manifestId());
                ps.setString(2, m.payloadHex());
                ps.setString(3, m.algorithm());
                ps.setString(4, m.title());
                ps.setString(5, SIGNED_AT.format(m.signedAt()));
                ps.setBytes(6, m.manifestStore());
                ps.setString(7, m.reportJson());
                ps.setString(8, m.fingerprint());
                added[i] = ps.executeUpdate() == 1;
                if (!added[i]) {
                    existing.setString(1, m.manifestId());
                    try (ResultSet rs = existing.executeQuery()) {
                        if (!rs.next() || !java.util.Arrays.equals(rs.getBytes(1), m.manifestStore())) {
                            throw new ManifestExists(m.manifestId());
                        }
                    }
                    continue;
                }
                for (PdqHash h : allKeys.get(i)) {
                    key.setString(1, m.manifestId());
                    key.setBytes(2, h.bytes());
                    key.addBatch();
                }
            }
            key.executeBatch();
            connection.commit();
        } catch (SQLException | ManifestExists e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /**
     * A database error as this store reports it: {@link Unavailable} when the database cannot be reached (SQL state
     * class 08, connection exceptions; 57P, operator intervention such as a shutdown; the pool's time-out), else an
     * {@link IOException} with {@code what} and the database's message.
     */
    private IOException failure(String what, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (e instanceof java.sql.SQLTransientConnectionException || e instanceof java.sql.SQLNonTransientConnectionException
                || state.startsWith("08") || state.startsWith("57P")) {
            if (!"08001".equals(state) || !e.getMessage().startsWith("unreachable less than")) {
                unreachableSince = System.nanoTime();
            }
            return new Unavailable(e);
        }
        return new IOException(what + ": " + e.getMessage(), e);
    }

    /**
     * Manifests whose content fingerprint is near {@code query}'s (a "possible match", never proof): the
     * look-up index ({@link io.hallmark.fingerprint.HashIndex}, multi-index hashing over each manifest's {@value #LOOKUP_KEYS} key
     * hashes) proposes candidates, each is then compared frame by frame ({@link ContentComparison#comparePdq}); those
     * with a similarity above 0 are returned, most similar first, at most {@code max}. The index is built
     * from the database on first use (about 2 s per million manifests) and kept up to date by {@link #put}.
     */
    @Override
    public synchronized List<FingerprintMatch> findByFingerprint(VideoFingerprint query, int max) throws IOException {
        if (index == null) {
            index = withConnection(LookupIndex::load);
        }
        List<FingerprintMatch> matches = new ArrayList<>();
        for (String id : index.candidates(query, LOOKUP_CANDIDATES)) {
            String encoded = fingerprintOf(id);
            if (encoded == null) {
                continue;
            }
            ContentComparison c = ContentComparison.comparePdq(query, VideoFingerprint.decode(encoded));
            if (c.similarity() > 0) {
                matches.add(new FingerprintMatch(id, c));
            }
        }
        matches.sort(Comparator.comparingDouble((FingerprintMatch f) -> f.comparison().similarity()).reversed()
                .thenComparingInt(f -> f.comparison().medianDistance()));
        return matches.size() > max ? List.copyOf(matches.subList(0, max)) : List.copyOf(matches);
    }

    @Override
    public synchronized long[] watermarkIds() throws IOException {
        if (payloads == null || payloads.stale(System.currentTimeMillis())) {
            payloads = withConnection(StoredIds::load);
        }
        return payloads.all();
    }

    private interface Work<T> {
        T run(Connection c) throws IOException, SQLException;
    }

    private <T> T withConnection(Work<T> work) throws IOException {
        try {
            Connection c = borrow();
            try {
                return work.run(c);
            } finally {
                giveBack(c);
            }
        } catch (SQLException e) {
            throw failure("manifest store query failed", e);
        }
    }

    private String fingerprintOf(String manifestId) throws IOException {
        return withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT fingerprint FROM manifests WHERE manifest_id = ?")) {
                ps.setString(1, manifestId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    @Override
    public String describe() {
        return location;
    }

    /** Manifests whose soft binding carries this payload, newest first. */
    @Override
    public synchronized List<StoredManifest> findByPayload(String payloadHex) throws IOException {
        // julianday() orders rows written before the fixed-width format too ("...:00Z" sorted after "...:00.5Z")
        return query(pool == null
                ? "SELECT * FROM manifests WHERE payload = ? ORDER BY julianday(signed_at) DESC, signed_at DESC"
                : "SELECT * FROM manifests WHERE payload = ? ORDER BY signed_at DESC", payloadHex);
    }

    public synchronized Optional<StoredManifest> findById(String manifestId) throws IOException {
        return query("SELECT * FROM manifests WHERE manifest_id = ?", manifestId).stream().findFirst();
    }

    @Override
    public Optional<String> payloadOf(String manifestId) throws IOException {
        return findById(manifestId).map(StoredManifest::payloadHex);
    }

    public synchronized long count() throws IOException {
        return withConnection(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM manifests")) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    private List<StoredManifest> query(String sql, String arg) throws IOException {
        return withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, arg);
                List<StoredManifest> found = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(new StoredManifest(rs.getString("manifest_id"), rs.getString("payload"),
                                rs.getString("algorithm"), rs.getString("title"), Instant.parse(rs.getString("signed_at")),
                                rs.getBytes("manifest_store"), rs.getString("report_json"), rs.getString("fingerprint")));
                    }
                }
                return found;
            }
        });
    }

    @Override
    public synchronized void close() throws IOException {
        if (pool != null) {
            pool.close();
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }
}
