package org.physlab.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import org.h2.tools.Server;
import org.junit.jupiter.api.Assumptions;

/**
 * The ways the tests reach a database: H2 as an embedded file in mixed mode, H2 as a TCP server on
 * loopback, and PostgreSQL when one is configured through {@link #POSTGRES_URL_ENV} (with
 * {@code PHYSLAB_TEST_POSTGRES_USER} and {@code PHYSLAB_TEST_POSTGRES_PASSWORD}); {@code .ci/run}
 * installs and configures one. Without it the PostgreSQL cases are skipped and say why.
 */
enum Backend {

    /** {@link StoreConfig#embedded}: a file under the test's directory, {@code AUTO_SERVER=TRUE}. */
    EMBEDDED {
        @Override
        TestDatabase create(Path dir) {
            return new TestDatabase(StoreConfig.embedded(dir), () -> { });
        }
    },

    /** An H2 TCP server started for the test, its databases under the test's directory. */
    TCP_SERVER {
        @Override
        TestDatabase create(Path dir) throws SQLException {
            // Port 0: any free port. Loopback only: no -tcpAllowOthers, and surefire sets h2.bindAddress.
            Server server = Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-tcpDaemon",
                    "-baseDir", dir.toAbsolutePath().toString()).start();
            String url = "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/physlab";
            return new TestDatabase(new StoreConfig(url, "sa", ""), server::stop);
        }
    },

    /**
     * The configured PostgreSQL database, in a schema of the test's own (created empty, dropped after):
     * the store sees an empty database through {@code currentSchema}, and tests do not need a database
     * each (creating one takes PostgreSQL about a second).
     */
    POSTGRESQL {
        @Override
        TestDatabase create(Path dir) throws SQLException {
            StoreConfig server = postgres();
            Assumptions.assumeTrue(server != null, NOT_CONFIGURED);
            String schema = "physlab_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            execute(server, "CREATE SCHEMA " + schema);
            String url = server.jdbcUrl() + (server.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema;
            return new TestDatabase(new StoreConfig(url, server.user(), server.password()),
                    () -> execute(server, "DROP SCHEMA " + schema + " CASCADE"));
        }
    };

    static final String POSTGRES_URL_ENV = "PHYSLAB_TEST_POSTGRES_URL";
    static final String NOT_CONFIGURED = "PostgreSQL is not configured: set " + POSTGRES_URL_ENV
            + " (e.g. jdbc:postgresql://127.0.0.1:5432/physlab_test), PHYSLAB_TEST_POSTGRES_USER and "
            + "PHYSLAB_TEST_POSTGRES_PASSWORD; .ci/run does";

    static {
        if (postgres() == null) {
            System.err.println("[physlab store tests] the POSTGRESQL cases are skipped: " + NOT_CONFIGURED);
        }
    }

    /** A fresh, empty database in {@code dir}; close it after the stores on it. */
    abstract TestDatabase create(Path dir) throws SQLException;

    /**
     * A fresh, empty database of its own, where {@link #create} may share one: PostgreSQL gets a new
     * database (for backups, which carry their schema's name) rather than a schema.
     */
    TestDatabase createDatabase(Path dir) throws SQLException {
        if (this != POSTGRESQL) {
            return create(dir);
        }
        StoreConfig server = postgres();
        Assumptions.assumeTrue(server != null, NOT_CONFIGURED);
        String name = "physlab_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(server, "CREATE DATABASE " + name);
        Properties parts = org.postgresql.Driver.parseURL(server.jdbcUrl(), null);
        String url = "jdbc:postgresql://" + parts.getProperty("PGHOST") + ":" + parts.getProperty("PGPORT") + "/" + name;
        return new TestDatabase(new StoreConfig(url, server.user(), server.password()),
                () -> execute(server, "DROP DATABASE " + name + " WITH (FORCE)"));
    }

    /** The configured PostgreSQL test database, or null when there is none. */
    static StoreConfig postgres() {
        String url = System.getenv(POSTGRES_URL_ENV);
        if (url == null || url.isBlank()) {
            return null;
        }
        if (!url.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException(POSTGRES_URL_ENV + " must be a jdbc:postgresql:// URL, was " + url);
        }
        return new StoreConfig(url.trim(), System.getenv("PHYSLAB_TEST_POSTGRES_USER"),
                System.getenv("PHYSLAB_TEST_POSTGRES_PASSWORD"));
    }

    private static void execute(StoreConfig server, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
             Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
    }
}
