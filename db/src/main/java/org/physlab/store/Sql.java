package org.physlab.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Small JDBC helpers shared by the store's tables. */
final class Sql {

    /** The statuses of runs that have not ended, as an SQL list. */
    static final String ACTIVE = "('QUEUED', 'RUNNING')";

    private Sql() { }

    /** The database clock (the same for every process using the database). */
    static Instant now(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT CURRENT_TIMESTAMP");
             ResultSet rs = select.executeQuery()) {
            rs.next();
            return instant(rs, 1);
        }
    }

    /** An instant as a TIMESTAMP WITH TIME ZONE parameter (JDBC 4.2; H2 and PostgreSQL both take it). */
    static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** The first column of every row. */
    static List<String> strings(PreparedStatement select) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    /** {@code ?, ?, ?} for an IN list of {@code n} values. */
    static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /** Consecutive pieces of at most {@code size} items (views of {@code items}). */
    static <T> List<List<T>> chunks(List<T> items, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            chunks.add(items.subList(from, Math.min(items.size(), from + size)));
        }
        return chunks;
    }

    /** Throws {@link IllegalArgumentException} unless a run with this id exists. */
    static void requireRun(Connection c, String runId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM runs WHERE id = ?")) {
            select.setString(1, runId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("there is no run with id '" + runId + "'");
                }
            }
        }
    }

    /** Throws {@link IllegalArgumentException} unless a process with this id is registered. */
    static void requireProcess(Connection c, String processId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM processes WHERE id = ?")) {
            select.setString(1, processId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("no process with id '" + processId + "' is registered");
                }
            }
        }
    }
}
