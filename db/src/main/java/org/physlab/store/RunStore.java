package org.physlab.store;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.function.Function;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The run history: runs, their metrics, artifacts and log lines, and the processes executing them.
 * Thread-safe. Every method throws {@link StoreException} when the database fails; nothing already
 * committed is lost by such a failure.
 */
public interface RunStore extends AutoCloseable {

    /** Opens the store, bringing the schema up to date with the Flyway migrations in {@code db/migration}. */
    static RunStore open(StoreConfig config) {
        return JdbcRunStore.open(config);
    }

    // ---- processes: who executes runs (leases, for crash recovery) --------------------------

    /** Records a live process ({@code kind}: "server" or "cli") and returns its id. */
    String registerProcess(String host, long pid, String kind);

    /**
     * Renews the process's lease; call every few seconds.
     *
     * @throws IllegalStateException if the process is no longer registered: it unregistered, or
     *         {@link #interruptOrphans} found it gone (and interrupted its runs) after missed heartbeats
     */
    void heartbeat(String processId);

    /** Removes a process that shuts down cleanly. */
    void unregisterProcess(String processId);

    /**
     * Marks INTERRUPTED every QUEUED or RUNNING run whose process is gone: a process on this host
     * whose pid is no longer alive, or any process whose last heartbeat is older than {@code staleAfter}.
     * Runs of live processes are never touched, nor QUEUED runs created with
     * {@link NewRun#resumeAfterRestart()}: they wait for the next server ({@link #adoptQueuedRuns}).
     *
     * <p>The rows of the gone processes are deleted. A run whose process is no longer registered at all
     * (it unregistered, or an earlier recovery removed it) is gone too. A QUEUED run created without an
     * owning process (see {@link #create(NewRun, String)}) is taken as gone once it is older than
     * {@code staleAfter}, since no process can be asked about it.
     *
     * @return the runs marked, with status INTERRUPTED and a reason in {@code error}
     */
    List<RunRecord> interruptOrphans(String thisHost, Duration staleAfter);

    // ---- runs ------------------------------------------------------------------------------------

    /** Stores a new QUEUED run and returns it with its generated id. */
    RunRecord create(NewRun run);

    /**
     * Stores a new QUEUED run owned by a registered process and returns it with its generated id. While
     * that process lives, {@link #interruptOrphans} leaves the run alone however long it waits in the queue.
     *
     * @throws IllegalArgumentException if no process with that id is registered
     */
    default RunRecord create(NewRun run, String processId) {
        throw new UnsupportedOperationException(getClass().getName() + " does not record which process queued a run");
    }

    // ---- the queue (scheduling) ----------------------------------------------------------------------

    /** QUEUED and RUNNING runs with what fair-share scheduling needs, read in one transaction. */
    QueueSnapshot queueSnapshot();

    /** The run with its place in the queue, if it is QUEUED. */
    Optional<QueuedRun> queuedRun(String runId);

    /**
     * Gives {@code processId} (a starting server) the QUEUED runs queued with
     * {@link NewRun#resumeAfterRestart()} whose process is no longer registered, and returns them in queue
     * order. Call after {@link #interruptOrphans}, which leaves such runs QUEUED and unregisters dead processes.
     *
     * @throws IllegalArgumentException if no process with that id is registered
     */
    List<QueuedRun> adoptQueuedRuns(String processId);

    /** The scheduling priority of each of these runs (runs without one are left out). */
    Map<String, Integer> priorities(Collection<String> runIds);

    /** QUEUED → RUNNING, owned by {@code processId}; false if the run was no longer QUEUED. */
    boolean markRunning(String runId, String processId);

    /** Latest progress; cheap, may be called often (implementations may coalesce writes). */
    void updateProgress(String runId, double fraction, String message);

    /**
     * Ends a run: sets a terminal status, error text (or null), summary and end time, unless the run has
     * already ended (then returns false and changes nothing).
     */
    boolean finish(String runId, RunStatus status, String error, Map<String, Double> summary);

    /**
     * The run with this id, or the only run whose id starts with {@code idOrPrefix}.
     *
     * @throws AmbiguousRunIdException if several run ids start with {@code idOrPrefix}
     */
    Optional<RunRecord> find(String idOrPrefix);

    /** The runs the query matches, in its {@link RunQuery#sort() order}, its page of them. */
    List<RunRecord> list(RunQuery query);

    long count(RunQuery query);

    void setTags(String runId, List<String> tags);

    void setNotes(String runId, String notes);

    // ---- metrics -----------------------------------------------------------------------------------

    /** Appends points in one transaction (JDBC batch); 100,000 points take well under a second. */
    void appendMetrics(String runId, List<MetricPoint> points);

    /** Points of one metric with step &gt; {@code afterStep}, ordered by step, at most {@code limit}. */
    List<MetricPoint> metrics(String runId, String key, long afterStep, int limit);

    /** Every metric key the run logged, sorted. */
    List<String> metricKeys(String runId);

    /** Last/min/max/count per metric key. */
    Map<String, MetricStats> metricStats(String runId);

    /**
     * Last/min/max/count per metric key of each of several runs (a page of a run list), by run id;
     * runs without metrics, and unknown ids, are left out. Implementations answer in one query.
     */
    default Map<String, Map<String, MetricStats>> metricStats(Collection<String> runIds) {
        Map<String, Map<String, MetricStats>> stats = new LinkedHashMap<>();
        for (String runId : runIds) {
            Map<String, MetricStats> one = metricStats(runId);
            if (!one.isEmpty()) {
                stats.put(runId, one);
            }
        }
        return stats;
    }

    // ---- choices for filters over the run list -----------------------------------------------------

    /** The distinct experiment ids of stored runs, sorted. */
    default List<String> experimentIds() {
        return distinct(list(RunQuery.all().page(0, Integer.MAX_VALUE)), r -> List.of(r.experimentId()));
    }

    /** The distinct tags of stored runs (of one experiment's runs when {@code experimentId} is not null), sorted. */
    default List<String> tags(String experimentId) {
        return distinct(list(RunQuery.all().withExperiment(experimentId).page(0, Integer.MAX_VALUE)), RunRecord::tags);
    }

    /** The distinct metric keys logged by runs (of one experiment's runs when not null), sorted. */
    default List<String> metricKeysOf(String experimentId) {
        return distinct(list(RunQuery.all().withExperiment(experimentId).page(0, Integer.MAX_VALUE)),
                r -> metricKeys(r.id()));
    }

    /** The distinct top-level parameter names of runs (of one experiment's runs when not null), sorted. */
    default List<String> parameterNames(String experimentId) {
        return distinct(list(RunQuery.all().withExperiment(experimentId).page(0, Integer.MAX_VALUE)),
                r -> List.copyOf(r.parameters().keySet()));
    }

    private static List<String> distinct(List<RunRecord> runs, Function<RunRecord, List<String>> values) {
        return runs.stream().flatMap(r -> values.apply(r).stream()).distinct().sorted().toList();
    }

    // ---- artifacts ---------------------------------------------------------------------------------

    /** Stores (or replaces) an artifact's metadata and data. */
    void putArtifact(ArtifactInfo info, byte[] data);

    List<ArtifactInfo> artifacts(String runId);

    Optional<byte[]> artifactData(String runId, String name);

    // ---- logs ----------------------------------------------------------------------------------------

    void appendLogs(String runId, List<LogLine> lines);

    /** Lines with seq &gt; {@code afterSeq}, in order, at most {@code limit}. */
    List<LogLine> logs(String runId, long afterSeq, int limit);

    // ---- deleting and users ------------------------------------------------------------------------

    /**
     * Deletes an ended run with everything it recorded (metrics, logs, artifacts, tags).
     *
     * @return false if there is no run with this id
     * @throws IllegalStateException if the run is QUEUED or RUNNING (cancel it first)
     */
    default boolean delete(String runId) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot delete runs");
    }

    /** Users, API tokens and the audit log, kept in the same database (for servers with logins). */
    default UserDirectory users() {
        throw new UnsupportedOperationException(getClass().getName() + " keeps no users");
    }

    /** Releases connections; an embedded database is closed cleanly. */
    @Override
    void close();
}
