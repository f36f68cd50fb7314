package org.physlab.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The JDBC implementation of {@link RunStore}, on H2 (embedded, mixed mode or TCP server).
 *
 * <p>Conventions beyond the interface:
 * <ul>
 *   <li>Run and process times come from the database clock; times given by callers (log lines,
 *       artifacts) are kept to the microsecond.</li>
 *   <li>Methods that change a run throw {@link IllegalArgumentException} for an unknown run id; reads
 *       of an unknown run return nothing.</li>
 *   <li>{@link #updateProgress} is coalesced: the latest report per run is written every
 *       {@value #PROGRESS_INTERVAL_MILLIS} ms by a background thread, and before this store's reads.
 *       Progress of an unknown or ended run is ignored.</li>
 *   <li>{@link #find} throws {@link AmbiguousRunIdException} for a prefix of several ids.</li>
 * </ul>
 */
final class JdbcRunStore implements RunStore {

    static final long PROGRESS_INTERVAL_MILLIS = 250;

    /** How many fresh ids {@link #create} tries before giving up (a collision needs the same second and hex). */
    private static final int RUN_ID_ATTEMPTS = 10;
    /** Rows per multi-row INSERT of metrics: one round trip per 500 points even over TCP. */
    private static final int METRIC_ROWS_PER_INSERT = 500;
    private static final int AMBIGUOUS_MATCHES_SHOWN = 5;
    private static final int PROGRESS_MESSAGE_MAX = 1000;

    private static final String ACTIVE = "('QUEUED', 'RUNNING')";
    private static final String RUN_COLUMNS = "id, experiment_id, plugin_id, plugin_version, parameters_json, seed, "
            + "status, created_at, started_at, ended_at, error, backend, host, user_name, notes, progress, "
            + "progress_message, summary_json, process_id";
    private static final String ARTIFACT_COLUMNS = "run_id, name, kind, title, media_type, file_name, size_bytes, created_at";

    private final Database db;
    private final Supplier<String> newRunId;
    private final ProgressCoalescer progress;
    private final AtomicBoolean closed = new AtomicBoolean();

    private JdbcRunStore(Database db, Supplier<String> newRunId) {
        this.db = db;
        this.newRunId = newRunId;
        this.progress = new ProgressCoalescer(this::writeProgress, PROGRESS_INTERVAL_MILLIS);
    }

    static RunStore open(StoreConfig config) {
        return open(config, RunIds.system());
    }

    /** Opens a store that takes new run ids from {@code newRunId} (tests use this to force collisions). */
    static JdbcRunStore open(StoreConfig config, Supplier<String> newRunId) {
        return new JdbcRunStore(Database.open(config), newRunId);
    }

    // ---- processes ------------------------------------------------------------------------------------

    @Override
    public String registerProcess(String host, long pid, String kind) {
        requireText(host, "host");
        requireText(kind, "process kind");
        if (pid <= 0) {
            throw new IllegalArgumentException("pid must be positive, was " + pid);
        }
        String id = UUID.randomUUID().toString();
        db.inTransaction("registering " + kind + " process " + pid + " on host " + host, c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO processes (id, host, pid, kind, "
                    + "started_at, heartbeat_at) VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")) {
                insert.setString(1, id);
                insert.setString(2, host);
                insert.setLong(3, pid);
                insert.setString(4, kind);
                return insert.executeUpdate();
            }
        });
        return id;
    }

    @Override
    public void heartbeat(String processId) {
        requireText(processId, "processId");
        int renewed = db.read("renewing the lease of process " + processId, c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE processes SET heartbeat_at = CURRENT_TIMESTAMP WHERE id = ?")) {
                update.setString(1, processId);
                return update.executeUpdate();
            }
        });
        if (renewed == 0) {
            throw new IllegalStateException("process " + processId + " is not registered: it unregistered, or it "
                    + "missed its heartbeats and its runs were interrupted as orphans");
        }
    }

    @Override
    public void unregisterProcess(String processId) {
        requireText(processId, "processId");
        db.read("unregistering process " + processId, c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM processes WHERE id = ?")) {
                delete.setString(1, processId);
                return delete.executeUpdate();
            }
        });
    }

    @Override
    public List<RunRecord> interruptOrphans(String thisHost, Duration staleAfter) {
        requireText(thisHost, "thisHost");
        if (staleAfter == null || staleAfter.isNegative()) {
            throw new IllegalArgumentException("staleAfter must be zero or positive, was " + staleAfter);
        }
        progress.flush();
        List<String> marked = db.inTransaction("recovering runs of processes that are gone", c -> {
            Instant now = databaseNow(c);
            List<String> interrupted = new ArrayList<>();
            for (ProcessLease lease : processLeases(c)) {
                Optional<String> reason = lease.goneReason(thisHost, now, staleAfter, ProcessLease::isAlive);
                // Delete only the lease as read: a process that renewed it meanwhile is alive after all.
                if (reason.isPresent() && deleteLease(c, lease)) {
                    interrupted.addAll(interruptRuns(c, "process_id = ?", lease.id(), reason.get()));
                }
            }
            for (String[] run : activeRunsOfUnregisteredProcesses(c)) {
                interrupted.addAll(interruptRuns(c, "id = ?", run[0],
                        "process " + run[1] + " is gone (it is no longer registered)"));
            }
            Instant cutoff = now.minus(staleAfter);
            for (String runId : unownedQueuedRunsBefore(c, cutoff)) {
                interrupted.addAll(interruptRuns(c, "id = ?", runId,
                        "no process took this queued run within " + staleAfter.toMillis() + " ms of its creation"));
            }
            return interrupted;
        });
        return marked.isEmpty() ? List.of() : db.read("reading the interrupted runs", c -> runsById(c, marked));
    }

    private static List<ProcessLease> processLeases(Connection c) throws SQLException {
        List<ProcessLease> leases = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT id, host, pid, kind, heartbeat_at FROM processes");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                leases.add(new ProcessLease(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        instant(rs, 5)));
            }
        }
        return leases;
    }

    private static boolean deleteLease(Connection c, ProcessLease lease) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM processes WHERE id = ? AND heartbeat_at = ?")) {
            delete.setString(1, lease.id());
            delete.setObject(2, timestamp(lease.heartbeatAt()));
            return delete.executeUpdate() == 1;
        }
    }

    private static List<String[]> activeRunsOfUnregisteredProcesses(Connection c) throws SQLException {
        List<String[]> runs = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT r.id, r.process_id FROM runs r WHERE r.status IN "
                + ACTIVE + " AND r.process_id IS NOT NULL "
                + "AND NOT EXISTS (SELECT 1 FROM processes p WHERE p.id = r.process_id)");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                runs.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        return runs;
    }

    private static List<String> unownedQueuedRunsBefore(Connection c, Instant cutoff) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT id FROM runs "
                + "WHERE status = 'QUEUED' AND process_id IS NULL AND created_at < ?")) {
            select.setObject(1, timestamp(cutoff));
            return strings(select);
        }
    }

    /** Marks INTERRUPTED the active runs matching {@code condition} (one parameter); returns their ids. */
    private static List<String> interruptRuns(Connection c, String condition, String value, String reason)
            throws SQLException {
        List<String> ids;
        try (PreparedStatement select = c.prepareStatement(
                "SELECT id FROM runs WHERE " + condition + " AND status IN " + ACTIVE + " ORDER BY id")) {
            select.setString(1, value);
            ids = strings(select);
        }
        List<String> interrupted = new ArrayList<>();
        try (PreparedStatement update = c.prepareStatement("UPDATE runs SET status = 'INTERRUPTED', "
                + "ended_at = CURRENT_TIMESTAMP, error = ? WHERE id = ? AND status IN " + ACTIVE)) {
            for (String id : ids) {
                update.setString(1, reason);
                update.setString(2, id);
                if (update.executeUpdate() == 1) {
                    interrupted.add(id);
                }
            }
        }
        return interrupted;
    }

    // ---- runs -------------------------------------------------------------------------------------------

    @Override
    public RunRecord create(NewRun run) {
        return createOwned(run, null);
    }

    @Override
    public RunRecord create(NewRun run, String processId) {
        requireText(processId, "processId");
        return createOwned(run, processId);
    }

    private RunRecord createOwned(NewRun run, String processId) {
        if (run == null) {
            throw new IllegalArgumentException("a run to create is required");
        }
        requireText(run.experimentId(), "experimentId");
        requireText(run.pluginId(), "pluginId");
        requireText(run.pluginVersion(), "pluginVersion");
        List<String> tags = validTags(run.tags());
        String parameters = JsonColumns.parameters(run.parameters());
        String what = "creating a run of " + run.experimentId();
        String lastTried = null;
        for (int attempt = 1; attempt <= RUN_ID_ATTEMPTS; attempt++) {
            String id = newRunId.get();
            lastTried = id;
            try {
                db.inTransaction(what, c -> {
                    if (processId != null) {
                        requireProcess(c, processId);
                    }
                    insertRun(c, id, run, parameters, processId);
                    insertTags(c, id, tags);
                    return null;
                });
                return db.read("reading the new run " + id, c -> runsById(c, List.of(id)).get(0));
            } catch (RunIdTaken taken) {
                // Another run got this id in the same second; draw another.
            }
        }
        throw new StoreException(what + " failed: no free run id after " + RUN_ID_ATTEMPTS
                + " attempts (last tried " + lastTried + ")", null);
    }

    /** Thrown inside the creating transaction when the drawn id is taken, to roll back and draw again. */
    private static final class RunIdTaken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RunIdTaken() {
            super(null, null, false, false);
        }
    }

    private static void insertRun(Connection c, String id, NewRun run, String parameters, String processId)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO runs (id, experiment_id, plugin_id, "
                + "plugin_version, parameters_json, seed, status, created_at, backend, host, user_name, notes, "
                + "progress, progress_message, summary_json, process_id) "
                + "VALUES (?, ?, ?, ?, ?, ?, 'QUEUED', CURRENT_TIMESTAMP, ?, ?, ?, ?, 0, '', '{}', ?)")) {
            insert.setString(1, id);
            insert.setString(2, run.experimentId());
            insert.setString(3, run.pluginId());
            insert.setString(4, run.pluginVersion());
            insert.setString(5, parameters);
            insert.setLong(6, run.seed());
            insert.setString(7, run.backend());
            insert.setString(8, run.host());
            insert.setString(9, run.user());
            insert.setString(10, run.notes());
            insert.setString(11, processId);
            insert.executeUpdate();
        } catch (SQLException e) {
            if (Database.isUniqueViolation(e)) {
                throw new RunIdTaken();
            }
            throw e;
        }
    }

    @Override
    public boolean markRunning(String runId, String processId) {
        requireText(runId, "runId");
        requireText(processId, "processId");
        return db.inTransaction("marking run " + runId + " running", c -> {
            requireProcess(c, processId);
            try (PreparedStatement update = c.prepareStatement("UPDATE runs SET status = 'RUNNING', "
                    + "started_at = CURRENT_TIMESTAMP, process_id = ? WHERE id = ? AND status = 'QUEUED'")) {
                update.setString(1, processId);
                update.setString(2, runId);
                if (update.executeUpdate() == 1) {
                    return true;
                }
            }
            requireRun(c, runId);
            return false;
        });
    }

    @Override
    public void updateProgress(String runId, double fraction, String message) {
        requireText(runId, "runId");
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("progress of run " + runId + " must be between 0 and 1, was " + fraction);
        }
        String text = message == null ? "" : message;
        if (text.length() > PROGRESS_MESSAGE_MAX) {
            text = text.substring(0, PROGRESS_MESSAGE_MAX - 1) + "…";
        }
        requireOpen();
        progress.offer(runId, new ProgressCoalescer.Progress(fraction, text));
    }

    private void writeProgress(Map<String, ProgressCoalescer.Progress> latest) {
        db.inTransaction("writing the progress of runs " + latest.keySet(), c -> {
            try (PreparedStatement update = progressUpdate(c)) {
                for (Map.Entry<String, ProgressCoalescer.Progress> e : latest.entrySet()) {
                    bindProgress(update, e.getKey(), e.getValue());
                    update.addBatch();
                }
                return update.executeBatch();
            }
        });
    }

    private static PreparedStatement progressUpdate(Connection c) throws SQLException {
        return c.prepareStatement("UPDATE runs SET progress = ?, progress_message = ? WHERE id = ? AND status IN " + ACTIVE);
    }

    private static void bindProgress(PreparedStatement update, String runId, ProgressCoalescer.Progress p)
            throws SQLException {
        update.setDouble(1, p.fraction());
        update.setString(2, p.message());
        update.setString(3, runId);
    }

    @Override
    public boolean finish(String runId, RunStatus status, String error, Map<String, Double> summary) {
        requireText(runId, "runId");
        if (status == null || !status.terminal()) {
            throw new IllegalArgumentException("a run can only finish as SUCCEEDED, FAILED, CANCELLED or INTERRUPTED, not "
                    + status);
        }
        String summaryJson = JsonColumns.summary(summary);
        return db.inTransaction("finishing run " + runId + " as " + status, c -> {
            ProgressCoalescer.Progress last = progress.take(runId);
            if (last != null) {
                try (PreparedStatement update = progressUpdate(c)) {
                    bindProgress(update, runId, last);
                    update.executeUpdate();
                }
            }
            try (PreparedStatement update = c.prepareStatement("UPDATE runs SET status = ?, error = ?, "
                    + "summary_json = ?, ended_at = CURRENT_TIMESTAMP WHERE id = ? AND status IN " + ACTIVE)) {
                update.setString(1, status.name());
                update.setString(2, error);
                update.setString(3, summaryJson);
                update.setString(4, runId);
                if (update.executeUpdate() == 1) {
                    return true;
                }
            }
            requireRun(c, runId);
            return false;
        });
    }

    @Override
    public Optional<RunRecord> find(String idOrPrefix) {
        requireText(idOrPrefix, "run id");
        String wanted = idOrPrefix.trim();
        progress.flush();
        return db.read("finding run " + wanted, c -> {
            List<RunRecord> exact = runsById(c, List.of(wanted));
            if (!exact.isEmpty()) {
                return Optional.of(exact.get(0));
            }
            List<String> matches;
            try (PreparedStatement select = c.prepareStatement("SELECT id FROM runs WHERE id LIKE ? ESCAPE '\\' "
                    + "ORDER BY id FETCH FIRST " + (AMBIGUOUS_MATCHES_SHOWN + 1) + " ROWS ONLY")) {
                select.setString(1, likePrefix(wanted));
                matches = strings(select);
            }
            if (matches.isEmpty()) {
                return Optional.empty();
            }
            if (matches.size() > 1) {
                boolean more = matches.size() > AMBIGUOUS_MATCHES_SHOWN;
                throw new AmbiguousRunIdException(wanted, matches.subList(0, Math.min(matches.size(),
                        AMBIGUOUS_MATCHES_SHOWN)), more);
            }
            return Optional.of(runsById(c, matches).get(0));
        });
    }

    private static String likePrefix(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    @Override
    public List<RunRecord> list(RunQuery query) {
        RunFilter filter = RunFilter.of(query);
        if (query.limit() == 0) {
            return List.of();
        }
        progress.flush();
        return db.read("listing runs (" + filter + ")", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + RUN_COLUMNS + " FROM runs r"
                    + filter.where() + " ORDER BY r.created_at DESC, r.id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
                int next = filter.bind(select, 1);
                select.setInt(next, query.offset());
                select.setInt(next + 1, query.limit());
                return withTags(c, readRuns(select));
            }
        });
    }

    @Override
    public long count(RunQuery query) {
        RunFilter filter = RunFilter.of(query);
        return db.read("counting runs (" + filter + ")", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM runs r" + filter.where())) {
                filter.bind(select, 1);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public void setTags(String runId, List<String> tags) {
        requireText(runId, "runId");
        List<String> valid = validTags(tags);
        db.inTransaction("setting the tags of run " + runId, c -> {
            requireRun(c, runId);
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM run_tags WHERE run_id = ?")) {
                delete.setString(1, runId);
                delete.executeUpdate();
            }
            insertTags(c, runId, valid);
            return null;
        });
    }

    @Override
    public void setNotes(String runId, String notes) {
        requireText(runId, "runId");
        db.inTransaction("setting the notes of run " + runId, c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE runs SET notes = ? WHERE id = ?")) {
                update.setString(1, notes == null ? "" : notes);
                update.setString(2, runId);
                if (update.executeUpdate() == 0) {
                    requireRun(c, runId);
                }
            }
            return null;
        });
    }

    private static List<String> validTags(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        for (String tag : tags) {
            if (tag == null || tag.isBlank()) {
                throw new IllegalArgumentException("tags must not be blank: " + tags);
            }
            if (tag.length() > 100) {
                throw new IllegalArgumentException("tag '" + tag.substring(0, 20) + "…' is longer than 100 characters");
            }
            unique.add(tag);
        }
        return List.copyOf(unique);
    }

    private static void insertTags(Connection c, String runId, List<String> tags) throws SQLException {
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
    private static List<RunRecord> runsById(Connection c, Collection<String> ids) throws SQLException {
        List<RunRecord> runs = new ArrayList<>();
        for (List<String> chunk : chunks(List.copyOf(ids), 500)) {
            try (PreparedStatement select = c.prepareStatement("SELECT " + RUN_COLUMNS + " FROM runs WHERE id IN ("
                    + placeholders(chunk.size()) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    select.setString(i + 1, chunk.get(i));
                }
                runs.addAll(readRuns(select));
            }
        }
        runs.sort((a, b) -> {
            int byTime = b.createdAt().compareTo(a.createdAt());
            return byTime != 0 ? byTime : b.id().compareTo(a.id());
        });
        return withTags(c, runs);
    }

    private static List<RunRecord> readRuns(PreparedStatement select) throws SQLException {
        List<RunRecord> runs = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                runs.add(new RunRecord(rs.getString("id"), rs.getString("experiment_id"), rs.getString("plugin_id"),
                        rs.getString("plugin_version"), JsonColumns.parameters(rs.getString("parameters_json")),
                        rs.getLong("seed"), RunStatus.valueOf(rs.getString("status")),
                        instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "ended_at"),
                        rs.getString("error"), rs.getString("backend"), rs.getString("host"), rs.getString("user_name"),
                        List.of(), rs.getString("notes"), rs.getDouble("progress"), rs.getString("progress_message"),
                        JsonColumns.summary(rs.getString("summary_json")), rs.getString("process_id")));
            }
        }
        return runs;
    }

    private static List<RunRecord> withTags(Connection c, List<RunRecord> runs) throws SQLException {
        if (runs.isEmpty()) {
            return runs;
        }
        Map<String, List<String>> tags = new HashMap<>();
        List<String> ids = runs.stream().map(RunRecord::id).toList();
        for (List<String> chunk : chunks(ids, 500)) {
            try (PreparedStatement select = c.prepareStatement("SELECT run_id, tag FROM run_tags WHERE run_id IN ("
                    + placeholders(chunk.size()) + ") ORDER BY run_id, tag_order")) {
                for (int i = 0; i < chunk.size(); i++) {
                    select.setString(i + 1, chunk.get(i));
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
                r.progressMessage(), r.summary(), r.processId())).collect(Collectors.toList());
    }

    // ---- metrics ------------------------------------------------------------------------------------------

    @Override
    public void appendMetrics(String runId, List<MetricPoint> points) {
        requireText(runId, "runId");
        if (points == null) {
            throw new IllegalArgumentException("metric points of run " + runId + " are required (may be empty)");
        }
        for (MetricPoint p : points) {
            if (p == null || p.key() == null || p.key().isBlank()) {
                throw new IllegalArgumentException("metric point without a key for run " + runId + ": " + p);
            }
            if (!Double.isFinite(p.value())) {
                throw new IllegalArgumentException("metric '" + p.key() + "' of run " + runId + " at step " + p.step()
                        + " is not a finite number: " + p.value());
            }
        }
        if (points.isEmpty()) {
            return;
        }
        db.inTransaction("appending " + points.size() + " metric points to run " + runId, c -> {
            requireRun(c, runId);
            List<List<MetricPoint>> chunks = chunks(points, METRIC_ROWS_PER_INSERT);
            List<MetricPoint> tail = chunks.get(chunks.size() - 1);
            int full = tail.size() == METRIC_ROWS_PER_INSERT ? chunks.size() : chunks.size() - 1;
            if (full > 0) {
                try (PreparedStatement insert = c.prepareStatement(metricInsert(METRIC_ROWS_PER_INSERT))) {
                    for (int i = 0; i < full; i++) {
                        bindMetrics(insert, runId, chunks.get(i));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
            if (full < chunks.size()) {
                try (PreparedStatement insert = c.prepareStatement(metricInsert(tail.size()))) {
                    bindMetrics(insert, runId, tail);
                    insert.executeUpdate();
                }
            }
            return null;
        });
    }

    private static String metricInsert(int rows) {
        StringBuilder sql = new StringBuilder(
                "INSERT INTO metrics (run_id, metric_key, step, metric_value, time_millis) VALUES ");
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?)");
        }
        return sql.toString();
    }

    private static void bindMetrics(PreparedStatement insert, String runId, List<MetricPoint> points) throws SQLException {
        int i = 1;
        for (MetricPoint p : points) {
            insert.setString(i++, runId);
            insert.setString(i++, p.key());
            insert.setLong(i++, p.step());
            insert.setDouble(i++, p.value());
            insert.setLong(i++, p.timeMillis());
        }
    }

    @Override
    public List<MetricPoint> metrics(String runId, String key, long afterStep, int limit) {
        requireText(runId, "runId");
        requireText(key, "metric key");
        requireLimit(limit);
        if (limit == 0) {
            return List.of();
        }
        return db.read("reading metric " + key + " of run " + runId, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT step, metric_value, time_millis FROM metrics "
                    + "WHERE run_id = ? AND metric_key = ? AND step > ? ORDER BY step, id FETCH FIRST ? ROWS ONLY")) {
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
        });
    }

    @Override
    public List<String> metricKeys(String runId) {
        requireText(runId, "runId");
        return db.read("reading the metric keys of run " + runId, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT DISTINCT metric_key FROM metrics WHERE run_id = ?")) {
                select.setString(1, runId);
                List<String> keys = strings(select);
                keys.sort(null); // in Java, not SQL: the same order whatever the database's collation
                return keys;
            }
        });
    }

    @Override
    public Map<String, MetricStats> metricStats(String runId) {
        requireText(runId, "runId");
        return db.read("computing the metric statistics of run " + runId, c -> {
            Map<String, MetricStats> stats = new TreeMap<>();
            try (PreparedStatement aggregates = c.prepareStatement("SELECT metric_key, COUNT(*), MIN(metric_value), "
                    + "MAX(metric_value), MAX(step) FROM metrics WHERE run_id = ? GROUP BY metric_key");
                 PreparedStatement last = c.prepareStatement("SELECT metric_value FROM metrics WHERE run_id = ? "
                         + "AND metric_key = ? AND step = ? ORDER BY id DESC FETCH FIRST 1 ROW ONLY")) {
                aggregates.setString(1, runId);
                try (ResultSet rs = aggregates.executeQuery()) {
                    while (rs.next()) {
                        String key = rs.getString(1);
                        long lastStep = rs.getLong(5);
                        // The value at the highest step (of several there, the last appended): one index
                        // lookup per key. A join with the aggregate instead was quadratic in H2.
                        last.setString(1, runId);
                        last.setString(2, key);
                        last.setLong(3, lastStep);
                        double lastValue;
                        try (ResultSet lastRow = last.executeQuery()) {
                            lastRow.next();
                            lastValue = lastRow.getDouble(1);
                        }
                        stats.put(key, new MetricStats(key, lastValue, lastStep, rs.getDouble(3), rs.getDouble(4),
                                rs.getLong(2)));
                    }
                }
            }
            return new LinkedHashMap<>(stats);
        });
    }

    // ---- artifacts ----------------------------------------------------------------------------------------

    @Override
    public void putArtifact(ArtifactInfo info, byte[] data) {
        if (info == null || data == null) {
            throw new IllegalArgumentException("an artifact needs its info and its data");
        }
        requireText(info.runId(), "artifact runId");
        requireText(info.name(), "artifact name");
        requireText(info.kind(), "kind of artifact " + info.name());
        requireText(info.mediaType(), "media type of artifact " + info.name());
        db.inTransaction("storing artifact " + info.name() + " of run " + info.runId(), c -> {
            requireRun(c, info.runId());
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM artifacts WHERE run_id = ? AND name = ?")) {
                delete.setString(1, info.runId());
                delete.setString(2, info.name());
                delete.executeUpdate();
            }
            Instant createdAt = info.createdAt() != null ? info.createdAt() : databaseNow(c);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO artifacts (" + ARTIFACT_COLUMNS
                    + ", data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, info.runId());
                insert.setString(2, info.name());
                insert.setString(3, info.kind());
                insert.setString(4, info.title() == null ? "" : info.title());
                insert.setString(5, info.mediaType());
                insert.setString(6, info.fileName());
                insert.setLong(7, data.length); // the size is the data's, whatever the info said
                insert.setObject(8, timestamp(createdAt));
                insert.setBytes(9, data);
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public List<ArtifactInfo> artifacts(String runId) {
        requireText(runId, "runId");
        return db.read("listing the artifacts of run " + runId, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + ARTIFACT_COLUMNS
                    + " FROM artifacts WHERE run_id = ? ORDER BY created_at, name")) {
                select.setString(1, runId);
                List<ArtifactInfo> infos = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        infos.add(new ArtifactInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getLong(7), instant(rs, 8)));
                    }
                }
                return infos;
            }
        });
    }

    @Override
    public Optional<byte[]> artifactData(String runId, String name) {
        requireText(runId, "runId");
        requireText(name, "artifact name");
        return db.read("reading artifact " + name + " of run " + runId, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT data FROM artifacts WHERE run_id = ? AND name = ?")) {
                select.setString(1, runId);
                select.setString(2, name);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
                }
            }
        });
    }

    // ---- logs ---------------------------------------------------------------------------------------------

    @Override
    public void appendLogs(String runId, List<LogLine> lines) {
        requireText(runId, "runId");
        if (lines == null) {
            throw new IllegalArgumentException("log lines of run " + runId + " are required (may be empty)");
        }
        for (LogLine line : lines) {
            if (line == null || line.time() == null || line.level() == null || line.level().isBlank()
                    || line.message() == null) {
                throw new IllegalArgumentException("log line of run " + runId + " needs a time, a level and a message: "
                        + line);
            }
        }
        if (lines.isEmpty()) {
            return;
        }
        db.inTransaction("appending " + lines.size() + " log lines to run " + runId, c -> {
            requireRun(c, runId);
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO run_logs (run_id, seq, logged_at, level, message) VALUES (?, ?, ?, ?, ?)")) {
                for (LogLine line : lines) {
                    insert.setString(1, runId);
                    insert.setLong(2, line.seq());
                    insert.setObject(3, timestamp(line.time()));
                    insert.setString(4, line.level());
                    insert.setString(5, line.message());
                    insert.addBatch();
                }
                return insert.executeBatch();
            }
        });
    }

    @Override
    public List<LogLine> logs(String runId, long afterSeq, int limit) {
        requireText(runId, "runId");
        requireLimit(limit);
        if (limit == 0) {
            return List.of();
        }
        return db.read("reading the log of run " + runId, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT seq, logged_at, level, message FROM run_logs "
                    + "WHERE run_id = ? AND seq > ? ORDER BY seq FETCH FIRST ? ROWS ONLY")) {
                select.setString(1, runId);
                select.setLong(2, afterSeq);
                select.setInt(3, limit);
                List<LogLine> lines = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        lines.add(new LogLine(rs.getLong(1), instant(rs, 2), rs.getString(3), rs.getString(4)));
                    }
                }
                return lines;
            }
        });
    }

    // ---- life cycle -------------------------------------------------------------------------------------

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            progress.close();
        } finally {
            db.close();
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private void requireOpen() {
        if (closed.get()) {
            throw new IllegalStateException("the run store is closed");
        }
    }

    private static void requireRun(Connection c, String runId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM runs WHERE id = ?")) {
            select.setString(1, runId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("there is no run with id '" + runId + "'");
                }
            }
        }
    }

    private static void requireProcess(Connection c, String processId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM processes WHERE id = ?")) {
            select.setString(1, processId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("no process with id '" + processId + "' is registered");
                }
            }
        }
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
    }

    private static void requireLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, was " + limit);
        }
    }

    private static Instant databaseNow(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT CURRENT_TIMESTAMP");
             ResultSet rs = select.executeQuery()) {
            rs.next();
            return instant(rs, 1);
        }
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static List<String> strings(PreparedStatement select) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static <T> List<List<T>> chunks(List<T> items, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            chunks.add(items.subList(from, Math.min(items.size(), from + size)));
        }
        return chunks;
    }
}
