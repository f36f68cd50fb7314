package org.physlab.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The connection pool of one store, with the two ways the store talks to it: work on an auto-commit
 * connection, and a unit of work in one transaction that is rolled back on any failure.
 * Every {@link SQLException} becomes a {@link StoreException} that says what was being done, e.g.
 * {@code appending 2 log lines to run 20261123-145501-3fa9 failed: Unique index or primary key
 * violation: ... (SQL state 23505)}.
 *
 * <p>Pooling is HikariCP rather than H2's {@code JdbcConnectionPool}: Hikari checks a connection
 * before lending it after idling, which matters for an H2 TCP server that restarts and for mixed mode
 * ({@code AUTO_SERVER}) where the serving process can change; it bounds waits, resets connection state
 * (auto-commit) on return, and works unchanged with PostgreSQL. Closing the pool closes every
 * connection synchronously, and H2 closes an embedded database cleanly when its last connection closes.
 */
final class Database implements AutoCloseable {

    /** A piece of JDBC work on a connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final HikariDataSource pool;
    private final String url;

    private Database(HikariDataSource pool, String url) {
        this.pool = pool;
        this.url = url;
    }

    /** Connects to the database and brings its schema up to date; throws {@link StoreException} if either fails. */
    static Database open(StoreConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("a JDBC URL is required to open the run store");
        }
        DatabaseKind kind = DatabaseKind.of(config.jdbcUrl());
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("physlab-store-" + POOLS.incrementAndGet());
        hikari.setJdbcUrl(config.jdbcUrl());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(8);
        hikari.setMinimumIdle(1);
        hikari.setConnectionTimeout(15_000);
        hikari.setRegisterMbeans(false);
        if (kind == DatabaseKind.H2) {
            // Never retire connections by age: closing the last connection to an embedded database
            // closes the database (and hands mixed mode's server role to another process). H2 servers
            // do not time connections out either. PostgreSQL keeps Hikari's default (30 minutes), which
            // stays below the idle timeouts of servers and firewalls between a lab's hosts.
            hikari.setMaxLifetime(0);
        }
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw new StoreException("opening the run store at " + config.jdbcUrl() + " failed: " + describe(e), e);
        }
        try {
            migrate(pool, kind);
        } catch (RuntimeException e) {
            pool.close();
            throw new StoreException("migrating the run store at " + config.jdbcUrl() + " failed: " + describe(e), e);
        }
        return new Database(pool, config.jdbcUrl());
    }

    private static void migrate(DataSource dataSource, DatabaseKind kind) {
        migrations(kind).dataSource(dataSource).load().migrate();
    }

    /** Flyway set up with the run store's migrations for {@code kind}; the caller adds the data source. */
    static FluentConfiguration migrations(DatabaseKind kind) {
        // Our own class loader, not the thread's: open() may be called from a thread whose context
        // class loader is a plugin bundle's, which cannot see db/migration.
        return Flyway.configure(Database.class.getClassLoader())
                .locations(kind.migrationLocations())
                .javaMigrations(new RunParametersBackfill());
    }

    /** Runs {@code work} on an auto-commit connection (for reads and single statements). */
    <T> T withConnection(String what, Work<T> work) {
        try (Connection connection = connection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /**
     * Runs {@code work} in one transaction: committed if it returns, rolled back if it throws anything,
     * so a failure leaves the database as it was.
     */
    <T> T inTransaction(String what, Work<T> work) {
        try (Connection connection = connection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(connection, e);
                throw e;
            }
            // Hikari restores auto-commit when the connection goes back to the pool.
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private Connection connection() throws SQLException {
        if (pool.isClosed()) {
            throw new IllegalStateException("the run store at " + url + " is closed");
        }
        return pool.getConnection();
    }

    private static void rollbackQuietly(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    private StoreException failure(String what, SQLException e) {
        return new StoreException(what + " failed: " + describe(e), e);
    }

    /** The cause's message with its SQL state, e.g. {@code Unique index violation ... (SQL state 23505)}. */
    static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        SQLException sql = findSqlException(e);
        if (sql != null) {
            if (sql != e && sql.getMessage() != null && !text.toString().contains(sql.getMessage())) {
                text.append(": ").append(sql.getMessage());
            }
            if (sql.getSQLState() != null) {
                text.append(" (SQL state ").append(sql.getSQLState()).append(')');
            }
        }
        return text.toString();
    }

    static SQLException findSqlException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    /** Whether the failure is a unique or primary key violation (SQL state 23505 in H2 and PostgreSQL). */
    static boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    @Override
    public void close() {
        pool.close();
    }
}
