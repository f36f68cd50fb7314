package org.physlab.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** SQL over {@code run_scheduling} (migration V3), on a connection whose transaction the caller manages. */
final class QueueTable {

    /** Queued runs whose {@code resumable} flag keeps them QUEUED after their process is gone. */
    static final String RESUMABLE_QUEUED = "(runs.status = 'QUEUED' AND EXISTS (SELECT 1 FROM run_scheduling s "
            + "WHERE s.run_id = runs.id AND s.resumable = TRUE))";

    private static final String QUEUED_COLUMNS = "r.id, r.experiment_id, r.user_name, s.priority, s.queue_order, "
            + "s.time_limit_millis, s.resumable, r.process_id, r.created_at, r.backend";

    private QueueTable() { }

    /** The scheduling row of a run just inserted; the database numbers it in queue order. */
    static void insert(Connection c, String runId, NewRun run) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO run_scheduling (run_id, priority, time_limit_millis, resumable) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, runId);
            insert.setInt(2, run.priority());
            if (run.timeLimitMillis() == null) {
                insert.setNull(3, java.sql.Types.BIGINT);
            } else {
                insert.setLong(3, run.timeLimitMillis());
            }
            insert.setBoolean(4, run.resumeAfterRestart());
            insert.executeUpdate();
        }
    }

    static QueueSnapshot snapshot(Connection c) throws SQLException {
        List<QueuedRun> queued = queued(c, "", null);
        List<QueueSnapshot.RunningRun> running = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT r.id, r.experiment_id, r.user_name, "
                + "COALESCE(s.priority, 0), r.process_id, r.started_at, r.backend FROM runs r "
                + "LEFT JOIN run_scheduling s ON s.run_id = r.id WHERE r.status = 'RUNNING' ORDER BY r.started_at, r.id");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                running.add(new QueueSnapshot.RunningRun(rs.getString(1), rs.getString(2), user(rs.getString(3)),
                        rs.getInt(4), rs.getString(5), Sql.instant(rs, 6), rs.getString(7)));
            }
        }
        Map<String, Instant> lastStart = new LinkedHashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT r.user_name, MAX(r.started_at) FROM runs r "
                + "WHERE r.started_at IS NOT NULL GROUP BY r.user_name");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                lastStart.merge(user(rs.getString(1)), Sql.instant(rs, 2), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        return new QueueSnapshot(queued, running, lastStart);
    }

    /**
     * Gives {@code processId} the resumable QUEUED runs whose process is no longer registered (a server
     * that stopped or died; run {@link OrphanRecovery} first so that dead processes are unregistered).
     */
    static List<QueuedRun> adopt(Connection c, String processId) throws SQLException {
        List<QueuedRun> orphans = queued(c, " AND s.resumable = TRUE AND (r.process_id IS NULL OR NOT EXISTS "
                + "(SELECT 1 FROM processes p WHERE p.id = r.process_id))", null);
        List<QueuedRun> adopted = new ArrayList<>();
        try (PreparedStatement update = c.prepareStatement("UPDATE runs SET process_id = ? WHERE id = ? "
                + "AND status = 'QUEUED' AND (process_id IS NULL OR process_id = ?)")) {
            for (QueuedRun q : orphans) {
                update.setString(1, processId);
                update.setString(2, q.runId());
                update.setString(3, q.processId());
                if (update.executeUpdate() == 1) {
                    adopted.add(new QueuedRun(q.runId(), q.experimentId(), q.user(), q.priority(), q.queueOrder(),
                            q.timeLimitMillis(), q.resumeAfterRestart(), processId, q.createdAt(), q.backend()));
                }
            }
        }
        return adopted;
    }

    /** The run if it is QUEUED. */
    static java.util.Optional<QueuedRun> queued(Connection c, String runId) throws SQLException {
        return queued(c, " AND r.id = ?", runId).stream().findFirst();
    }

    /** QUEUED runs (with a scheduling row) matching {@code condition}, in queue order. */
    private static List<QueuedRun> queued(Connection c, String condition, String parameter) throws SQLException {
        List<QueuedRun> runs = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT " + QUEUED_COLUMNS + " FROM runs r "
                + "JOIN run_scheduling s ON s.run_id = r.id WHERE r.status = 'QUEUED'" + condition
                + " ORDER BY s.queue_order")) {
            if (parameter != null) {
                select.setString(1, parameter);
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long limit = rs.getLong(6);
                    Long timeLimit = rs.wasNull() ? null : limit;
                    runs.add(new QueuedRun(rs.getString(1), rs.getString(2), user(rs.getString(3)), rs.getInt(4),
                            rs.getLong(5), timeLimit, rs.getBoolean(7), rs.getString(8), Sql.instant(rs, 9),
                            rs.getString(10)));
                }
            }
        }
        return runs;
    }

    /** The priority of each of these runs that has a scheduling row. */
    static Map<String, Integer> priorities(Connection c, List<String> runIds) throws SQLException {
        Map<String, Integer> priorities = new LinkedHashMap<>();
        for (List<String> chunk : Sql.chunks(runIds, 500)) {
            try (PreparedStatement select = c.prepareStatement("SELECT run_id, priority FROM run_scheduling WHERE run_id IN ("
                    + Sql.placeholders(chunk.size()) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    select.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        priorities.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
        }
        return priorities;
    }

    /** Runs stored without an owner are the user "". */
    static String user(String userName) {
        return userName == null ? "" : userName;
    }
}
