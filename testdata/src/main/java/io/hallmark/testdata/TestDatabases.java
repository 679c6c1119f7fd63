package io.hallmark.testdata;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The databases a manifest-store test runs on: SQLite always; PostgreSQL when {@code HALLMARK_TEST_POSTGRES} names a test
 * database ({@code jdbc:postgresql://127.0.0.1:5432/hallmark_test?user=..&password=..}), as {@code .ci/run} sets it
 * after starting the server ({@code scripts/test-postgres.sh}). Each PostgreSQL test gets a schema of its own.
 */
public final class TestDatabases {
    /** Environment variable naming the PostgreSQL test database. */
    public static final String POSTGRES = "HALLMARK_TEST_POSTGRES";

    private TestDatabases() {}

    /** @return "sqlite", and "postgresql" when a test server is configured */
    public static List<String> names() {
        List<String> names = new ArrayList<>(List.of("sqlite"));
        if (System.getenv(POSTGRES) != null) {
            names.add("postgresql");
        }
        return names;
    }

    /**
     * A fresh, empty store location on {@code backend}.
     *
     * @param backend "sqlite" or "postgresql"
     * @param dir     a temp folder for SQLite
     * @return a file path or a JDBC URL with a new schema
     */
    public static String fresh(String backend, Path dir) throws java.sql.SQLException {
        if (backend.equals("sqlite")) {
            return dir.resolve("store-" + UUID.randomUUID() + ".db").toString();
        }
        String base = System.getenv(POSTGRES);
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
        try (var c = DriverManager.getConnection(base); var st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        }
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
