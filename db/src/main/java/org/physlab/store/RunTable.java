package org.physlab.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** SQL over {@code runs} and {@code run_tags}, on a connection whose transaction the caller manages. */
final class RunTable {

    /** The columns a {@link RunRecord} is read from, for {@code SELECT ... FROM runs r}. */
    static final String COLUMNS = "r.id, r.experiment_id, r.plugin_id, r.plugin_version, r.parameters_json, r.seed, "
            + "r.status, r.created_at, r.started_at, r.ended_at, r.error, r.backend, r.host, r.user_name, r.notes, "
            + "r.progress, r.progress_message, r.summary_json, r.process_id";

    /** Newest first; the id breaks ties of equal creation times. */
    static final String NEWEST_FIRST = " ORDER BY r.created_at DESC, r.id DESC";

    private static final int MAX_TAG_LENGTH = 100;
    private static final int IN_LIST_MAX = 500;

    /** Thrown when the id drawn for a new run is taken; the caller rolls back and draws another. */
    static final class IdTaken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        IdTaken() {
            super("run id taken", null, false, false);
        }
    }

    private RunTable() { }

    /** Inserts a QUEUED run created now (database clock), owned by {@code processId} (may be null). */
    static void insert(Connection c, String id, NewRun run, String parametersJson, String processId) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO runs (id, experiment_id, plugin_id, "
                + "plugin_version, parameters_json, seed, status, created_at, backend, host, user_name, notes, "
                + "progress, progress_message, summary_json, process_id) "
                + "VALUES (?, ?, ?, ?, ?, ?, 'QUEUED', CURRENT_TIMESTAMP, ?, ?, ?, ?, 0, '', '{}', ?)")) {
            insert.setString(1, id);
            insert.setString(2, run.experimentId());
            insert.setString(3, run.pluginId());
            insert.setString(4, run.pluginVersion());
            insert.setString(5, parametersJson);
            insert.setLong(6, run.seed());
            insert.setString(7, run.backend());
            insert.setString(8, run.host());
            insert.setString(9, run.user());
            insert.setString(10, run.notes());
            insert.setString(11, processId);
            insert.executeUpdate();
        } catch (SQLException e) {
            if (Database.isUniqueViolation(e)) {
                throw new IdTaken();
            }
            throw e;
        }
    }

    /** The tags as stored: in their order, without duplicates; throws for blank or over-long tags. */
    static List<String> validTags(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        for (String tag : tags) {
            if (tag == null || tag.isBlank()) {
                throw new IllegalArgumentException("tags must not be blank: " + tags);
            }
            if (tag.length() > MAX_TAG_LENGTH) {
                throw new IllegalArgumentException("tag '" + tag.substring(0, 20) + "…' is longer than "
                        + MAX_TAG_LENGTH + " characters");
            }
            unique.add(tag);
        }
        return List.copyOf(unique);
    }

    /** Replaces the run's tags with {@code tags} (already {@link #validTags valid}). */
    static void replaceTags(Connection c, String runId, List<String> tags) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM run_tags WHERE run_id = ?")) {
            delete.setString(1, runId);
            delete.executeUpdate();
        }
        if (tags.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO run_tags (run_id, tag, tag_order) VALUES (?, ?, ?)")) {
            for (int i = 0; i < tags.size(); i++) {
                insert.setString(1, runId);
                insert.setString(2, tags.get(i));
                insert.setInt(3, i);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The runs with these ids (those that exist), newest first, with their tags. */
    static List<RunRecord> byIds(Connection c, Collection<String> ids) throws SQLException {
        List<RunRecord> runs = new ArrayList<>();
        for (List<String> chunk : Sql.chunks(List.copyOf(ids), IN_LIST_MAX)) {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM runs r WHERE r.id IN ("
                    + Sql.placeholders(chunk.size()) + ")" + NEWEST_FIRST)) {
                for (int i = 0; i < chunk.size(); i++) {
                    select.setString(i + 1, chunk.get(i));
                }
                runs.addAll(select(c, select));
            }
        }
        if (runs.size() > IN_LIST_MAX) {
            runs.sort((a, b) -> {
                int byTime = b.createdAt().compareTo(a.createdAt());
                return byTime != 0 ? byTime : b.id().compareTo(a.id());
            });
        }
        return runs;
    }

    /** The runs a query of {@link #COLUMNS} returns, in its order, with their tags. */
    static List<RunRecord> select(Connection c, PreparedStatement select) throws SQLException {
        List<RunRecord> runs = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                runs.add(new RunRecord(rs.getString("id"), rs.getString("experiment_id"), rs.getString("plugin_id"),
                        rs.getString("plugin_version"), JsonColumns.parameters(rs.getString("parameters_json")),
                        rs.getLong("seed"), RunStatus.valueOf(rs.getString("status")),
                        Sql.instant(rs, "created_at"), Sql.instant(rs, "started_at"), Sql.instant(rs, "ended_at"),
                        rs.getString("error"), rs.getString("backend"), rs.getString("host"), rs.getString("user_name"),
                        List.of(), rs.getString("notes"), rs.getDouble("progress"), rs.getString("progress_message"),
                        JsonColumns.summary(rs.getString("summary_json")), rs.getString("process_id")));
            }
        }
        return withTags(c, runs);
    }

    private static List<RunRecord> withTags(Connection c, List<RunRecord> runs) throws SQLException {
        if (runs.isEmpty()) {
            return runs;
        }
        Map<String, List<String>> tags = new HashMap<>();
        for (List<RunRecord> chunk : Sql.chunks(runs, IN_LIST_MAX)) {
            try (PreparedStatement select = c.prepareStatement("SELECT run_id, tag FROM run_tags WHERE run_id IN ("
                    + Sql.placeholders(chunk.size()) + ") ORDER BY run_id, tag_order")) {
                for (int i = 0; i < chunk.size(); i++) {
                    select.setString(i + 1, chunk.get(i).id());
                }
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        tags.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                    }
                }
            }
        }
        return runs.stream().map(r -> new RunRecord(r.id(), r.experimentId(), r.pluginId(), r.pluginVersion(),
                r.parameters(), r.seed(), r.status(), r.createdAt(), r.startedAt(), r.endedAt(), r.error(), r.backend(),
                r.host(), r.user(), List.copyOf(tags.getOrDefault(r.id(), List.of())), r.notes(), r.progress(),
                r.progressMessage(), r.summary(), r.processId())).toList();
    }
}
