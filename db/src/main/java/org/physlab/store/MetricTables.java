package org.physlab.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
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
    private static final int IN_LIST_MAX = 500;

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
        updateAggregates(c, series, points);
    }

    /** The aggregates of the points of one key in one append, in the order appended. */
    private static final class BatchStats {
        long count;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        long lastStep = Long.MIN_VALUE;
        double lastValue;

        void add(MetricPoint p) {
            count++;
            min = Math.min(min, p.value());
            max = Math.max(max, p.value());
            if (p.step() >= lastStep) { // of equal steps, the one appended last is the last value
                lastStep = p.step();
                lastValue = p.value();
            }
        }
    }

    /**
     * Folds the appended points into the series' last value, min, max and count. Every SET expression
     * sees the row as it was before the update (SQL standard; H2 and PostgreSQL), so the new last value
     * is compared with the old last step.
     */
    private static void updateAggregates(Connection c, Map<String, Long> series, List<MetricPoint> points)
            throws SQLException {
        Map<String, BatchStats> batch = new LinkedHashMap<>();
        for (MetricPoint p : points) {
            batch.computeIfAbsent(p.key(), k -> new BatchStats()).add(p);
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE metric_series SET "
                + "point_count = point_count + ?, "
                + "min_value = CASE WHEN min_value IS NULL OR ? < min_value THEN ? ELSE min_value END, "
                + "max_value = CASE WHEN max_value IS NULL OR ? > max_value THEN ? ELSE max_value END, "
                + "last_value = CASE WHEN last_step IS NULL OR ? >= last_step THEN ? ELSE last_value END, "
                + "last_step = CASE WHEN last_step IS NULL OR ? >= last_step THEN ? ELSE last_step END "
                + "WHERE id = ?")) {
            for (Map.Entry<String, BatchStats> e : batch.entrySet()) {
                BatchStats b = e.getValue();
                update.setLong(1, b.count);
                update.setDouble(2, b.min);
                update.setDouble(3, b.min);
                update.setDouble(4, b.max);
                update.setDouble(5, b.max);
                update.setLong(6, b.lastStep);
                update.setDouble(7, b.lastValue);
                update.setLong(8, b.lastStep);
                update.setLong(9, b.lastStep);
                update.setLong(10, series.get(e.getKey()));
                update.addBatch();
            }
            update.executeBatch();
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
        return stats(c, List.of(runId)).getOrDefault(runId, Map.of());
    }

    /**
     * The metric statistics of several runs, read from the aggregates kept in {@code metric_series}:
     * per run id (runs without metrics are left out), per key in key order.
     */
    static Map<String, Map<String, MetricStats>> stats(Connection c, Collection<String> runIds) throws SQLException {
        Map<String, Map<String, MetricStats>> stats = new HashMap<>();
        for (List<String> chunk : Sql.chunks(List.copyOf(new LinkedHashSet<>(runIds)), IN_LIST_MAX)) {
            try (PreparedStatement select = c.prepareStatement("SELECT run_id, metric_key, last_value, last_step, "
                    + "min_value, max_value, point_count FROM metric_series WHERE point_count > 0 AND run_id IN ("
                    + Sql.placeholders(chunk.size()) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    select.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        String key = rs.getString(2);
                        stats.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(key, new MetricStats(key,
                                rs.getDouble(3), rs.getLong(4), rs.getDouble(5), rs.getDouble(6), rs.getLong(7)));
                    }
                }
            }
        }
        Map<String, Map<String, MetricStats>> ordered = new HashMap<>();
        stats.forEach((run, byKey) -> ordered.put(run, new LinkedHashMap<>(byKey)));
        return ordered;
    }

    /** Distinct metric keys over all runs, or over the runs of one experiment (when not null), sorted. */
    static List<String> allKeys(Connection c, String experimentId) throws SQLException {
        String sql = experimentId == null ? "SELECT DISTINCT metric_key FROM metric_series"
                : "SELECT DISTINCT s.metric_key FROM metric_series s JOIN runs r ON r.id = s.run_id WHERE r.experiment_id = ?";
        try (PreparedStatement select = c.prepareStatement(sql)) {
            if (experimentId != null) {
                select.setString(1, experimentId);
            }
            List<String> keys = new ArrayList<>(Sql.strings(select));
            keys.sort(null);
            return keys;
        }
    }
}
