package org.physlab.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * SQL over {@code metric_series} (one row per run and metric key) and {@code metrics} (the points),
 * on a connection whose transaction the caller manages.
 */
final class MetricTables {

    /** Rows per multi-row INSERT: one round trip per 500 points even over TCP (JDBC batches of single rows are not). */
    static final int ROWS_PER_INSERT = 500;

    /** Thrown when another transaction created the same series first; the caller retries its transaction. */
    static final class SeriesRace extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SeriesRace(SQLException cause) {
            super("another writer created the same metric series", cause, false, false);
        }
    }

    private MetricTables() { }

    /** Appends points (already validated) to the run's series, creating the series it lacks. */
    static void append(Connection c, String runId, List<MetricPoint> points) throws SQLException {
        Map<String, Long> series = seriesIds(c, runId, points);
        int full = points.size() / ROWS_PER_INSERT;
        if (full > 0) {
            try (PreparedStatement insert = c.prepareStatement(insertSql(ROWS_PER_INSERT))) {
                for (int chunk = 0; chunk < full; chunk++) {
                    bind(insert, series, points.subList(chunk * ROWS_PER_INSERT, (chunk + 1) * ROWS_PER_INSERT));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        List<MetricPoint> rest = points.subList(full * ROWS_PER_INSERT, points.size());
        if (!rest.isEmpty()) {
            try (PreparedStatement insert = c.prepareStatement(insertSql(rest.size()))) {
                bind(insert, series, rest);
                insert.executeUpdate();
            }
        }
    }

    private static Map<String, Long> seriesIds(Connection c, String runId, List<MetricPoint> points) throws SQLException {
        Set<String> keys = new LinkedHashSet<>();
        for (MetricPoint p : points) {
            keys.add(p.key());
        }
        Map<String, Long> ids = existingSeries(c, runId);
        if (!ids.keySet().containsAll(keys)) {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO metric_series (run_id, metric_key) VALUES (?, ?)")) {
                for (String key : keys) {
                    if (!ids.containsKey(key)) {
                        insert.setString(1, runId);
                        insert.setString(2, key);
                        insert.executeUpdate();
                    }
                }
            } catch (SQLException e) {
                if (Database.isUniqueViolation(e)) {
                    throw new SeriesRace(e);
                }
                throw e;
            }
            ids = existingSeries(c, runId);
        }
        return ids;
    }

    private static Map<String, Long> existingSeries(Connection c, String runId) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT metric_key, id FROM metric_series WHERE run_id = ?")) {
            select.setString(1, runId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return ids;
    }

    private static String insertSql(int rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO metrics (series_id, step, metric_value, time_millis) VALUES ");
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "(?, ?, ?, ?)" : ", (?, ?, ?, ?)");
        }
        return sql.toString();
    }

    private static void bind(PreparedStatement insert, Map<String, Long> series, List<MetricPoint> points)
            throws SQLException {
        int i = 1;
        for (MetricPoint p : points) {
            insert.setLong(i++, series.get(p.key()));
            insert.setLong(i++, p.step());
            insert.setDouble(i++, p.value());
            insert.setLong(i++, p.timeMillis());
        }
    }

    /** Points of one series with step &gt; {@code afterStep}, by step (equal steps in the order appended). */
    static List<MetricPoint> points(Connection c, String runId, String key, long afterStep, int limit)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT m.step, m.metric_value, m.time_millis "
                + "FROM metric_series s JOIN metrics m ON m.series_id = s.id "
                + "WHERE s.run_id = ? AND s.metric_key = ? AND m.step > ? ORDER BY m.step, m.id FETCH FIRST ? ROWS ONLY")) {
            select.setString(1, runId);
            select.setString(2, key);
            select.setLong(3, afterStep);
            select.setInt(4, limit);
            select.setFetchSize(Math.min(limit, 10_000));
            List<MetricPoint> points = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    points.add(new MetricPoint(key, rs.getLong(1), rs.getDouble(2), rs.getLong(3)));
                }
            }
            return points;
        }
    }

    /** The run's metric keys, sorted in Java so that the order does not depend on the database's collation. */
    static List<String> keys(Connection c, String runId) throws SQLException {
        List<String> keys = new ArrayList<>(existingSeries(c, runId).keySet());
        keys.sort(null);
        return keys;
    }

    /** Count, min, max and the value at the highest step (of several there, the last appended) per key, by key. */
    static Map<String, MetricStats> stats(Connection c, String runId) throws SQLException {
        Map<String, MetricStats> stats = new TreeMap<>();
        try (PreparedStatement aggregates = c.prepareStatement("SELECT s.id, s.metric_key, COUNT(*), "
                + "MIN(m.metric_value), MAX(m.metric_value), MAX(m.step) FROM metric_series s "
                + "JOIN metrics m ON m.series_id = s.id WHERE s.run_id = ? GROUP BY s.id, s.metric_key");
             // One index lookup per key; joining the aggregate with the points instead was quadratic in H2.
             PreparedStatement last = c.prepareStatement("SELECT metric_value FROM metrics "
                     + "WHERE series_id = ? AND step = ? ORDER BY id DESC FETCH FIRST 1 ROW ONLY")) {
            aggregates.setString(1, runId);
            try (ResultSet rs = aggregates.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString(2);
                    long lastStep = rs.getLong(6);
                    last.setLong(1, rs.getLong(1));
                    last.setLong(2, lastStep);
                    double lastValue;
                    try (ResultSet lastRow = last.executeQuery()) {
                        lastRow.next();
                        lastValue = lastRow.getDouble(1);
                    }
                    stats.put(key, new MetricStats(key, lastValue, lastStep, rs.getDouble(4), rs.getDouble(5), rs.getLong(3)));
                }
            }
        }
        return new LinkedHashMap<>(stats);
    }
}
