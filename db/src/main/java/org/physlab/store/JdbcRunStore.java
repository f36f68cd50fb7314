package org.physlab.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The JDBC implementation of {@link RunStore}, on H2 (embedded, mixed mode or TCP server): checks the
 * arguments, runs each operation in one transaction, and leaves the SQL of runs, metrics and orphan
 * recovery to {@link RunTable}, {@link MetricTables} and {@link OrphanRecovery}.
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

    /** How many fresh ids {@link #create} draws before giving up (a collision needs the same second and hex). */
    private static final int RUN_ID_ATTEMPTS = 10;
    private static final int AMBIGUOUS_MATCHES_SHOWN = 5;
    private static final int PROGRESS_MESSAGE_MAX = 1000;
    private static final String ARTIFACT_COLUMNS = "run_id, name, kind, title, media_type, file_name, size_bytes, created_at";

    private final Database db;
    private final Supplier<String> newRunId;
    private final ProgressCoalescer progress;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final UserDirectory users;

    private JdbcRunStore(Database db, Supplier<String> newRunId) {
        this.db = db;
        this.users = new UserDirectory(db);
        this.newRunId = newRunId;
        this.progress = new ProgressCoalescer(this::writeProgress, PROGRESS_INTERVAL_MILLIS);
    }

    static RunStore open(StoreConfig config) {
        return new JdbcRunStore(Database.open(config), RunIds.system());
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
        db.withConnection("registering " + kind + " process " + pid + " on host " + host, c -> {
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
        int renewed = db.withConnection("renewing the lease of process " + processId, c -> {
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
        db.withConnection("unregistering process " + processId, c -> {
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
        OrphanRecovery recovery = new OrphanRecovery(thisHost, staleAfter, ProcessLease::isAlive);
        List<String> marked = db.inTransaction("recovering the runs of processes that are gone", recovery::run);
        return marked.isEmpty() ? List.of()
                : db.withConnection("reading the interrupted runs", c -> RunTable.byIds(c, marked));
    }

    // ---- runs -------------------------------------------------------------------------------------------

    @Override
    public RunRecord create(NewRun run) {
        return create(run, Optional.empty());
    }

    @Override
    public RunRecord create(NewRun run, String processId) {
        requireText(processId, "processId");
        return create(run, Optional.of(processId));
    }

    private RunRecord create(NewRun run, Optional<String> owner) {
        if (run == null) {
            throw new IllegalArgumentException("a run to create is required");
        }
        requireText(run.experimentId(), "experimentId");
        requireText(run.pluginId(), "pluginId");
        requireText(run.pluginVersion(), "pluginVersion");
        List<String> tags = RunTable.validTags(run.tags());
        String parameters = JsonColumns.parameters(run.parameters());
        String what = "creating a run of " + run.experimentId();
        String id = null;
        for (int attempt = 1; attempt <= RUN_ID_ATTEMPTS; attempt++) {
            id = newRunId.get();
            String candidate = id;
            try {
                db.inTransaction(what, c -> {
                    if (owner.isPresent()) {
                        Sql.requireProcess(c, owner.get());
                    }
                    RunTable.insert(c, candidate, run, parameters, owner.orElse(null));
                    QueueTable.insert(c, candidate, run);
                    RunTable.replaceTags(c, candidate, tags);
                    RunParameterRows.insert(c, candidate, parameters);
                    return null;
                });
                return db.withConnection("reading the new run " + candidate,
                        c -> RunTable.byIds(c, List.of(candidate)).get(0));
            } catch (RunTable.IdTaken taken) {
                // Another run got this id in the same second; draw another.
            }
        }
        throw new StoreException(what + " failed: no free run id after " + RUN_ID_ATTEMPTS
                + " attempts (last tried " + id + ")", null);
    }

    @Override
    public QueueSnapshot queueSnapshot() {
        requireOpen();
        return db.inTransaction("reading the run queue", QueueTable::snapshot);
    }

    @Override
    public Optional<QueuedRun> queuedRun(String runId) {
        requireText(runId, "runId");
        return db.withConnection("reading queued run " + runId, c -> QueueTable.queued(c, runId));
    }

    @Override
    public List<QueuedRun> adoptQueuedRuns(String processId) {
        requireText(processId, "processId");
        return db.inTransaction("taking over the queued runs of stopped servers", c -> {
            Sql.requireProcess(c, processId);
            return QueueTable.adopt(c, processId);
        });
    }

    @Override
    public Map<String, Integer> priorities(Collection<String> runIds) {
        if (runIds == null || runIds.isEmpty()) {
            return Map.of();
        }
        return db.withConnection("reading run priorities", c -> QueueTable.priorities(c, List.copyOf(runIds)));
    }

    @Override
    public boolean markRunning(String runId, String processId) {
        requireText(runId, "runId");
        requireText(processId, "processId");
        return db.inTransaction("marking run " + runId + " running", c -> {
            Sql.requireProcess(c, processId);
            try (PreparedStatement update = c.prepareStatement("UPDATE runs SET status = 'RUNNING', "
                    + "started_at = CURRENT_TIMESTAMP, process_id = ? WHERE id = ? AND status = 'QUEUED'")) {
                update.setString(1, processId);
                update.setString(2, runId);
                if (update.executeUpdate() == 1) {
                    return true;
                }
            }
            Sql.requireRun(c, runId);
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
            try (PreparedStatement update = c.prepareStatement(PROGRESS_UPDATE)) {
                for (Map.Entry<String, ProgressCoalescer.Progress> e : latest.entrySet()) {
                    bindProgress(update, e.getKey(), e.getValue());
                    update.addBatch();
                }
                return update.executeBatch();
            }
        });
    }

    private static final String PROGRESS_UPDATE =
            "UPDATE runs SET progress = ?, progress_message = ? WHERE id = ? AND status IN " + Sql.ACTIVE;

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
                try (PreparedStatement update = c.prepareStatement(PROGRESS_UPDATE)) {
                    bindProgress(update, runId, last);
                    update.executeUpdate();
                }
            }
            try (PreparedStatement update = c.prepareStatement("UPDATE runs SET status = ?, error = ?, "
                    + "summary_json = ?, ended_at = CURRENT_TIMESTAMP WHERE id = ? AND status IN " + Sql.ACTIVE)) {
                update.setString(1, status.name());
                update.setString(2, error);
                update.setString(3, summaryJson);
                update.setString(4, runId);
                if (update.executeUpdate() == 1) {
                    return true;
                }
            }
            Sql.requireRun(c, runId);
            return false;
        });
    }

    @Override
    public Optional<RunRecord> find(String idOrPrefix) {
        requireText(idOrPrefix, "run id");
        String wanted = idOrPrefix.trim();
        progress.flush();
        return db.withConnection("finding run " + wanted, c -> {
            List<String> matches;
            try (PreparedStatement select = c.prepareStatement("SELECT id FROM runs WHERE id = ? UNION "
                    + "SELECT id FROM (SELECT id FROM runs WHERE id LIKE ? ESCAPE '\\' ORDER BY id "
                    + "FETCH FIRST " + (AMBIGUOUS_MATCHES_SHOWN + 1) + " ROWS ONLY) p")) {
                select.setString(1, wanted);
                select.setString(2, likePrefix(wanted));
                matches = Sql.strings(select);
            }
            if (matches.contains(wanted)) {
                matches = List.of(wanted); // the exact id wins over longer ids it is a prefix of
            }
            if (matches.size() > 1) {
                List<String> sorted = matches.stream().sorted().toList();
                throw new AmbiguousRunIdException(wanted, sorted.subList(0, Math.min(sorted.size(), AMBIGUOUS_MATCHES_SHOWN)),
                        sorted.size() > AMBIGUOUS_MATCHES_SHOWN);
            }
            return matches.isEmpty() ? Optional.empty() : Optional.of(RunTable.byIds(c, matches).get(0));
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
        return db.withConnection("listing runs (" + filter + ")", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + RunTable.COLUMNS + " FROM runs r"
                    + filter.join() + filter.where() + filter.orderBy() + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
                int next = filter.bind(select, filter.bindJoin(select, 1));
                select.setInt(next, query.offset());
                select.setInt(next + 1, query.limit());
                return RunTable.select(c, select);
            }
        });
    }

    @Override
    public long count(RunQuery query) {
        RunFilter filter = RunFilter.of(query);
        return db.withConnection("counting runs (" + filter + ")", c -> {
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
        List<String> valid = RunTable.validTags(tags);
        db.inTransaction("setting the tags of run " + runId, c -> {
            Sql.requireRun(c, runId);
            RunTable.replaceTags(c, runId, valid);
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
                    Sql.requireRun(c, runId);
                }
            }
            return null;
        });
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
        String what = "appending " + points.size() + " metric points to run " + runId;
        for (int attempt = 1; ; attempt++) {
            try {
                db.inTransaction(what, c -> {
                    Sql.requireRun(c, runId);
                    MetricTables.append(c, runId, points);
                    return null;
                });
                return;
            } catch (MetricTables.SeriesRace race) {
                // Another writer created one of the series first: it is there now, so try again.
                if (attempt == 3) {
                    throw new StoreException(what + " failed: " + Database.describe(race), race);
                }
            }
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
        return db.withConnection("reading metric " + key + " of run " + runId,
                c -> MetricTables.points(c, runId, key, afterStep, limit));
    }

    @Override
    public List<String> metricKeys(String runId) {
        requireText(runId, "runId");
        return db.withConnection("reading the metric keys of run " + runId, c -> MetricTables.keys(c, runId));
    }

    @Override
    public Map<String, MetricStats> metricStats(String runId) {
        requireText(runId, "runId");
        return db.withConnection("computing the metric statistics of run " + runId,
                c -> MetricTables.stats(c, runId));
    }

    @Override
    public Map<String, Map<String, MetricStats>> metricStats(Collection<String> runIds) {
        if (runIds == null) {
            throw new IllegalArgumentException("run ids are required (may be empty)");
        }
        if (runIds.isEmpty()) {
            return Map.of();
        }
        return db.withConnection("reading the metric statistics of " + runIds.size() + " runs",
                c -> MetricTables.stats(c, runIds));
    }

    @Override
    public List<String> experimentIds() {
        return db.withConnection("listing the experiments of stored runs",
                c -> sortedStrings(c, "SELECT DISTINCT experiment_id FROM runs", null));
    }

    @Override
    public List<String> tags(String experimentId) {
        return db.withConnection("listing the tags of runs", c -> sortedStrings(c, experimentId == null
                ? "SELECT DISTINCT tag FROM run_tags"
                : "SELECT DISTINCT t.tag FROM run_tags t JOIN runs r ON r.id = t.run_id WHERE r.experiment_id = ?",
                experimentId));
    }

    @Override
    public List<String> metricKeysOf(String experimentId) {
        return db.withConnection("listing the metric keys of runs", c -> MetricTables.allKeys(c, experimentId));
    }

    @Override
    public List<String> parameterNames(String experimentId) {
        return db.withConnection("listing the parameter names of runs", c -> sortedStrings(c, experimentId == null
                ? "SELECT DISTINCT name FROM run_parameters"
                : "SELECT DISTINCT p.name FROM run_parameters p JOIN runs r ON r.id = p.run_id WHERE r.experiment_id = ?",
                experimentId));
    }

    /** The first column of a query with at most one parameter, sorted in Java (independent of collation). */
    private static List<String> sortedStrings(java.sql.Connection c, String sql, String parameter) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            if (parameter != null) {
                select.setString(1, parameter);
            }
            List<String> values = new ArrayList<>(Sql.strings(select));
            values.sort(null);
            return values;
        }
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
            Sql.requireRun(c, info.runId());
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM artifacts WHERE run_id = ? AND name = ?")) {
                delete.setString(1, info.runId());
                delete.setString(2, info.name());
                delete.executeUpdate();
            }
            Instant createdAt = info.createdAt() != null ? info.createdAt() : Sql.now(c);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO artifacts (" + ARTIFACT_COLUMNS
                    + ", data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, info.runId());
                insert.setString(2, info.name());
                insert.setString(3, info.kind());
                insert.setString(4, info.title() == null ? "" : info.title());
                insert.setString(5, info.mediaType());
                insert.setString(6, info.fileName());
                insert.setLong(7, data.length); // the size is the data's, whatever the info said
                insert.setObject(8, Sql.timestamp(createdAt));
                insert.setBytes(9, data);
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public List<ArtifactInfo> artifacts(String runId) {
        requireText(runId, "runId");
        return db.withConnection("listing the artifacts of run " + runId, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + ARTIFACT_COLUMNS
                    + " FROM artifacts WHERE run_id = ? ORDER BY created_at, name")) {
                select.setString(1, runId);
                List<ArtifactInfo> infos = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        infos.add(new ArtifactInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getLong(7), Sql.instant(rs, 8)));
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
        return db.withConnection("reading artifact " + name + " of run " + runId, c -> {
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
            Sql.requireRun(c, runId);
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO run_logs (run_id, seq, logged_at, level, message) VALUES (?, ?, ?, ?, ?)")) {
                for (LogLine line : lines) {
                    insert.setString(1, runId);
                    insert.setLong(2, line.seq());
                    insert.setObject(3, Sql.timestamp(line.time()));
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
        return db.withConnection("reading the log of run " + runId, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT seq, logged_at, level, message FROM run_logs "
                    + "WHERE run_id = ? AND seq > ? ORDER BY seq FETCH FIRST ? ROWS ONLY")) {
                select.setString(1, runId);
                select.setLong(2, afterSeq);
                select.setInt(3, limit);
                List<LogLine> lines = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        lines.add(new LogLine(rs.getLong(1), Sql.instant(rs, 2), rs.getString(3), rs.getString(4)));
                    }
                }
                return lines;
            }
        });
    }

    // ---- deleting and users ---------------------------------------------------------------------------

    @Override
    public boolean delete(String runId) {
        requireText(runId, "runId");
        progress.flush();
        return db.inTransaction("deleting run " + runId, c -> {
            String status;
            try (PreparedStatement select = c.prepareStatement("SELECT status FROM runs WHERE id = ? FOR UPDATE")) {
                select.setString(1, runId);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) return false;
                    status = rs.getString(1);
                }
            }
            if (!RunStatus.valueOf(status).terminal()) {
                throw new IllegalStateException("run " + runId + " is " + status + "; cancel it before deleting it");
            }
            // metrics has no foreign key (see V1): its points go first, then the cascade takes the rest.
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM metrics WHERE series_id IN (SELECT id FROM metric_series WHERE run_id = ?)")) {
                delete.setString(1, runId);
                delete.executeUpdate();
            }
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM runs WHERE id = ?")) {
                delete.setString(1, runId);
                return delete.executeUpdate() > 0;
            }
        });
    }

    @Override
    public UserDirectory users() {
        requireOpen();
        return users;
    }

    // ---- life cycle -------------------------------------------------------------------------------------

    /** Writes pending progress, then closes every connection (an embedded database closes with the last one). */
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

    private void requireOpen() {
        if (closed.get()) {
            throw new IllegalStateException("the run store is closed");
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
}
