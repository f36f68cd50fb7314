package org.physlab.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A database for one test: its store configuration, plain JDBC access for checks and for setting up
 * situations the store's API cannot make (a heartbeat from ten minutes ago), and what closing it
 * tears down (an H2 TCP server, a PostgreSQL schema).
 */
final class TestDatabase implements AutoCloseable {

    /** Tears the database down. */
    @FunctionalInterface
    interface Teardown {
        void run() throws SQLException;
    }

    private final StoreConfig config;
    private final Teardown teardown;

    TestDatabase(StoreConfig config, Teardown teardown) {
        this.config = config;
        this.teardown = teardown;
    }

    StoreConfig config() {
        return config;
    }

    RunStore open() {
        return RunStore.open(config);
    }

    Connection jdbc() throws SQLException {
        return DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
    }

    /** Runs an update with the given parameters and returns the number of rows changed. */
    int update(String sql, Object... parameters) throws SQLException {
        try (Connection c = jdbc(); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    /** The first column of the first row of a query, or null when there is no row. */
    Object queryValue(String sql, Object... parameters) throws SQLException {
        try (Connection c = jdbc(); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        }
    }

    @Override
    public void close() throws SQLException {
        teardown.run();
    }

    /** The kind of database under test. */
    DatabaseKind kind() {
        return DatabaseKind.of(config.jdbcUrl());
    }
}
