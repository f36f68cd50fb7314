package org.physlab.runtime.runs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.physlab.api.BackendInfo;
import org.physlab.api.ComputeService;
import org.physlab.api.Experiment;
import org.physlab.api.Parameters;
import org.physlab.runtime.plugins.CatalogEntry;
import org.physlab.runtime.plugins.ExperimentCatalog;
import org.physlab.store.NewRun;
import org.physlab.store.QueuedRun;
import org.physlab.store.RunRecord;
import org.physlab.store.RunStatus;
import org.physlab.store.RunStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link RunService} of a process: a queue ordered by {@link QueueOrder} (fair share between
 * users, then priority, then first in first out) and served by {@code maxConcurrentRuns} CPU slots;
 * on an accelerator backend every run is a GPU run (ND4J sends all of a process's work to its one
 * device) and at most {@code gpuSlots} of them execute at once; at most {@code perUserCap} runs of one
 * user execute at once (0: no cap). Runs start only when their slots are free, so no worker ever
 * sits waiting for the GPU.
 *
 * <p>{@link #submit} checks the experiment and its parameters before anything is stored, records the
 * run QUEUED (with its priority and time limit, in the store's queue order) and queues it. A worker marks it RUNNING, executes it ({@link RunExecution}) and records
 * SUCCEEDED, FAILED, CANCELLED or INTERRUPTED. Stopping:
 * <ul>
 * <li>{@link #cancel}: a queued run leaves the queue and is recorded CANCELLED at once; a running run
 *     sees {@code isCancelled()}, its thread is interrupted, and it is recorded CANCELLED when it
 *     returns, whatever it returns.</li>
 * <li>time limit (the request's, else the configured default; counted from the start, not the
 *     queueing): the run is stopped like a cancel and recorded CANCELLED with the error
 *     {@code "time limit of N s exceeded"}.</li>
 * <li>{@link #interruptRunsOf} (a plugin is updated or removed) and {@link #shutdown}: recorded
 *     INTERRUPTED with the reason. Runs that ignore the request for the whole wait are recorded
 *     anyway, so a plugin cannot hold the platform up. With {@code resumeQueue} (a server) the queued
 *     runs are not interrupted by a shutdown: they stay QUEUED in the store and the next server takes
 *     them over in the same order ({@link #resumeQueue}).</li>
 * </ul>
 *
 * <pre>{@code
 * RunScheduler runs = new RunScheduler(store, pluginHost, compute,
 *         new RunScheduler.Settings(processId, "lab-pc", "ada", 2, 1, null, null));
 * RunRecord queued = runs.submit(LaunchRequest.of("pendulum.period", Map.of("length", "2.0"), 7L));
 * RunRecord done = runs.await(queued.id(), Duration.ofMinutes(1));
 * }</pre>
 */
public final class RunScheduler implements RunService, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunScheduler.class);
    /** How often {@link #await} looks at a run of another process. */
    private static final long FOREIGN_POLL_MILLIS = 500;

    /**
     * How the scheduler runs.
     *
     * @param processId         this process's current id in the store (owner of the runs it queues and
     *                          executes); a supplier because a process taken for dead re-registers
     * @param host              recorded with every run
     * @param defaultUser       recorded when a request names no user
     * @param maxConcurrentRuns CPU slots: runs executing at once (worker threads)
     * @param gpuSlots          runs executing at once when the backend is an accelerator
     * @param defaultTimeLimit  limit of runs whose request sets none, or null for none
     * @param runClassLoader    context class loader of run threads; null for the loader of this class (the host's)
     * @param perUserCap        runs of one user executing at once; 0 for no cap
     * @param resumeQueue       queued runs outlive this process (a server): they stay QUEUED at shutdown,
     *                          and a crash does not interrupt them either, for the next server to resume
     */
    public record Settings(Supplier<String> processId, String host, String defaultUser, int maxConcurrentRuns, int gpuSlots,
                           Duration defaultTimeLimit, ClassLoader runClassLoader, int perUserCap, boolean resumeQueue) {
        /** Settings for a process whose id never changes. */
        public Settings(String processId, String host, String defaultUser, int maxConcurrentRuns, int gpuSlots,
                        Duration defaultTimeLimit, ClassLoader runClassLoader, int perUserCap, boolean resumeQueue) {
            this(fixed(Objects.requireNonNull(processId, "processId")), host, defaultUser, maxConcurrentRuns, gpuSlots,
                    defaultTimeLimit, runClassLoader, perUserCap, resumeQueue);
        }

        /** Settings for a process whose id never changes, without a per-user cap, whose queue ends with it. */
        public Settings(String processId, String host, String defaultUser, int maxConcurrentRuns, int gpuSlots,
                        Duration defaultTimeLimit, ClassLoader runClassLoader) {
            this(processId, host, defaultUser, maxConcurrentRuns, gpuSlots, defaultTimeLimit, runClassLoader, 0, false);
        }

        /** The slots of {@link QueueOrder}. */
        public QueueOrder.Slots slots() {
            return new QueueOrder.Slots(maxConcurrentRuns, gpuSlots, perUserCap);
        }

        private static Supplier<String> fixed(String id) {
            return () -> id;
        }

        public Settings {
            Objects.requireNonNull(processId, "processId");
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(defaultUser, "defaultUser");
            if (maxConcurrentRuns < 1) throw new IllegalArgumentException("maxConcurrentRuns must be at least 1");
            if (gpuSlots < 1) throw new IllegalArgumentException("gpuSlots must be at least 1");
            if (perUserCap < 0) throw new IllegalArgumentException("perUserCap must be 0 (no cap) or more");
            if (defaultTimeLimit != null && (defaultTimeLimit.isZero() || defaultTimeLimit.isNegative())) {
                throw new IllegalArgumentException("the default time limit must be positive, got " + defaultTimeLimit);
            }
            runClassLoader = runClassLoader == null ? RunScheduler.class.getClassLoader() : runClassLoader;
        }
    }

    private final RunStore store;
    private final ExperimentCatalog catalog;
    private final Settings settings;
    private final BackendInfo backend;
    private final RunListeners listeners = new RunListeners();
    private final ThreadPoolExecutor workers;
    private final ScheduledThreadPoolExecutor timer;
    private final TelemetryFlusher flusher = new TelemetryFlusher();
    private final ShieldedStoreCalls storeCalls = new ShieldedStoreCalls(2);
    private final ExecutionServices services;
    private final Map<String, RunExecution> active = new ConcurrentHashMap<>();
    /**
     * Experiments of plugins being updated or removed, by instance: an update keeps the bundle id and
     * the experiment id, but the new version brings new instances. Weak keys: the old bundle's classes
     * can be unloaded.
     */
    private final Map<Experiment, StopRequest> retired = Collections.synchronizedMap(new WeakHashMap<>());
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicBoolean shutDown = new AtomicBoolean();
    private volatile boolean accepting = true;

    /** Guards the queue, the executing runs and the users' last starts. */
    private final Object queueLock = new Object();
    /** Runs waiting for their slots, by run id. Guarded by queueLock. */
    private final Map<String, Queued> waiting = new LinkedHashMap<>();
    /** Runs holding slots (from dispatch until their thread returns), by run id. Guarded by queueLock. */
    private final Map<String, QueueOrder.Running> executing = new LinkedHashMap<>();
    /** When each user's last run started, for fair share. Guarded by queueLock. */
    private final Map<String, Instant> lastStart = new HashMap<>();
    /** No run starts any more (shutting down). Guarded by queueLock. */
    private boolean dispatching = true;

    /** A run waiting in the queue: its execution and its place in the order. */
    private record Queued(RunExecution execution, QueueOrder.Waiting waiting) { }

    public RunScheduler(RunStore store, ExperimentCatalog catalog, ComputeService compute, Settings settings) {
        this.store = Objects.requireNonNull(store, "store");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.backend = compute.backend();
        int n = settings.maxConcurrentRuns();
        workers = new ThreadPoolExecutor(n, n, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                daemonThreads("physlab-run-worker-"));
        timer = new ScheduledThreadPoolExecutor(1, daemonThreads("physlab-run-timer-"));
        timer.setRemoveOnCancelPolicy(true);
        services = new ExecutionServices(store, compute, listeners, flusher, storeCalls, timer,
                settings.processId(), settings.runClassLoader(),
                entry -> retired.get(entry.experiment()),
                execution -> active.remove(execution.runId(), execution));
        lastStart.putAll(store.queueSnapshot().lastStartByUser());
    }

    @Override
    public RunRecord submit(LaunchRequest request) {
        Objects.requireNonNull(request, "request");
        if (!accepting) throw new IllegalStateException("Physlab is shutting down; it accepts no new runs");
        String experimentId = request.experimentId();
        if (experimentId == null || experimentId.isBlank()) {
            throw new IllegalArgumentException("which experiment? the experiment id is empty");
        }
        CatalogEntry entry = catalog.find(experimentId).orElseThrow(() -> new UnknownExperimentException(experimentId,
                catalog.experiments().stream().map(CatalogEntry::id).toList()));
        Parameters parameters = entry.descriptor().parameters().validate(request.parameters());
        Duration limit = request.timeLimit() != null ? request.timeLimit() : settings.defaultTimeLimit();
        if (limit != null && (limit.isZero() || limit.isNegative())) {
            throw new IllegalArgumentException("the time limit must be positive, got " + StopRequest.seconds(limit) + " s");
        }
        long seed = request.seed() != null ? request.seed() : RunRandom.freshSeed();
        String user = request.user() != null && !request.user().isBlank() ? request.user() : settings.defaultUser();

        RunRecord queued = store.create(new NewRun(experimentId, entry.pluginId(), entry.pluginVersion(), parameters.asMap(),
                seed, backend.backend(), settings.host(), user, request.tags(), request.notes(), request.priority(),
                limit == null ? null : Math.max(1, limit.toMillis()), settings.resumeQueue()), settings.processId().get());
        long queueOrder = store.queuedRun(queued.id()).map(QueuedRun::queueOrder).orElse(Long.MAX_VALUE);
        enqueue(new RunExecution(services, sequence.incrementAndGet(), queued, entry, parameters, limit),
                request.priority(), queueOrder, true);
        return queued;
    }

    /**
     * Takes over the queued runs that a stopped or crashed server left QUEUED (see {@link Settings#resumeQueue})
     * and queues them in their stored order, with their priorities and time limits. Call once the plugins
     * are loaded. A run whose experiment is no longer installed, whose plugin changed version meanwhile, or
     * whose parameters the experiment now rejects is recorded INTERRUPTED with the reason.
     *
     * @return the ids of the runs queued again, in queue order
     */
    public List<String> resumeQueue() {
        List<String> resumed = new ArrayList<>();
        for (QueuedRun q : store.adoptQueuedRuns(settings.processId().get())) {
            RunRecord run = store.find(q.runId()).orElse(null);
            if (run == null) continue;
            String problem = null;
            CatalogEntry entry = catalog.find(run.experimentId()).orElse(null);
            Parameters parameters = null;
            if (entry == null) {
                problem = "its experiment " + run.experimentId() + " is no longer installed";
            } else if (!entry.pluginVersion().equals(run.pluginVersion())) {
                problem = "plugin " + entry.pluginId() + " changed from version " + run.pluginVersion() + " to "
                        + entry.pluginVersion() + " while the run was queued";
            } else {
                try {
                    parameters = entry.descriptor().parameters().validate(run.parameters());
                } catch (RuntimeException e) {
                    problem = "its parameters are no longer valid: " + e.getMessage();
                }
            }
            if (problem != null) {
                LOG.warn("queued run {} cannot be resumed: {}", run.id(), problem);
                store.finish(run.id(), RunStatus.INTERRUPTED, "not resumed after the restart: " + problem, Map.of());
                continue;
            }
            Duration limit = q.timeLimitMillis() == null ? null : Duration.ofMillis(q.timeLimitMillis());
            enqueue(new RunExecution(services, sequence.incrementAndGet(), run, entry, parameters, limit), q.priority(),
                    q.queueOrder(), false);
            resumed.add(run.id());
        }
        dispatch();         // all at once: the first resumed run must not start before the others are queued
        if (!resumed.isEmpty()) LOG.info("resumed {} queued run(s) of a previous server: {}", resumed.size(), resumed);
        return resumed;
    }

    /**
     * This process's queue as {@link QueueOrder#plan} orders it (position 1 starts next), and the runs
     * executing now.
     */
    public QueueState queue() {
        synchronized (queueLock) {
            return new QueueState(plan(), List.copyOf(executing.values()), settings.slots());
        }
    }

    /**
     * A process's queue at one moment.
     *
     * @param places    the waiting runs in the order they start
     * @param executing the runs holding slots
     */
    public record QueueState(List<QueueOrder.Place> places, List<QueueOrder.Running> executing, QueueOrder.Slots slots) {
        /** The 1-based position of a waiting run, or empty. */
        public java.util.OptionalInt positionOf(String runId) {
            return places.stream().filter(p -> p.run().runId().equals(runId)).mapToInt(QueueOrder.Place::position)
                    .findFirst();
        }
    }

    private void enqueue(RunExecution execution, int priority, long queueOrder, boolean dispatchNow) {
        RunRecord queued = execution.queued();
        active.put(queued.id(), execution);
        synchronized (queueLock) {
            waiting.put(queued.id(), new Queued(execution, new QueueOrder.Waiting(queued.id(), queued.user(), priority,
                    queueOrder, backend.accelerator())));
        }
        listeners.statusChanged(queued);
        if (dispatchNow) dispatch();
    }

    /** Guarded by queueLock. */
    private List<QueueOrder.Place> plan() {
        return QueueOrder.plan(waiting.values().stream().map(Queued::waiting).toList(), executing.values(), lastStart,
                settings.slots());
    }

    /** Starts every waiting run whose slots are free, in queue order. */
    private void dispatch() {
        List<Queued> starting = new ArrayList<>();
        synchronized (queueLock) {
            if (!dispatching) return;
            Instant now = Instant.now();
            for (QueueOrder.Place place : plan()) {
                if (!place.startsNow()) continue;
                Queued q = waiting.remove(place.run().runId());
                executing.put(q.waiting().runId(), new QueueOrder.Running(q.waiting().runId(), q.waiting().user(),
                        q.waiting().gpu()));
                lastStart.put(q.waiting().user(), now);
                starting.add(q);
            }
        }
        for (Queued q : starting) {
            try {
                workers.execute(() -> execute(q));
            } catch (RejectedExecutionException e) {      // shut down between the plan and the hand-over
                release(q);
                if (settings.resumeQueue()) {
                    q.execution().leaveQueued();
                } else {
                    q.execution().endUnstarted(StopRequest.interrupted("platform shut down"));
                }
            }
        }
    }

    /** On a worker: runs the execution, then gives its slots back and starts what they let start. */
    private void execute(Queued q) {
        try {
            q.execution().run();
        } finally {
            release(q);
            dispatch();
        }
    }

    private void release(Queued q) {
        synchronized (queueLock) {
            executing.remove(q.waiting().runId());
        }
    }

    /** Takes a run out of the queue if it is still waiting; true if it was. */
    private boolean unqueue(RunExecution execution) {
        synchronized (queueLock) {
            return waiting.remove(execution.runId()) != null;
        }
    }
    @Override
    public boolean cancel(String runId, String reason) {
        RunExecution execution = lookup(runId);
        if (execution == null) return false;
        StopRequest request = StopRequest.cancelled(reason);
        if (unqueue(execution)) {
            execution.endUnstarted(request);
            return true;
        }
        return execution.requestStop(request);
    }

    /**
     * Waits for a run of this process on its completion signal; a run of another process is looked at
     * every half second. {@code timeout} null waits without limit.
     *
     * @throws IllegalArgumentException if there is no such run
     */
    @Override
    public RunRecord await(String runId, Duration timeout) throws InterruptedException {
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        RunExecution execution = lookup(runId);
        if (execution != null) {
            try {
                return timeout == null ? execution.done().get()
                        : execution.done().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                return store.find(execution.runId()).orElseThrow();
            } catch (ExecutionException e) {
                throw new IllegalStateException("waiting for run " + runId + " failed", e.getCause());
            }
        }
        RunRecord run = store.find(runId).orElseThrow(() -> new IllegalArgumentException("no run '" + runId + "'"));
        while (!run.status().terminal()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) break;
            RunExecution mine = active.get(run.id());
            if (mine != null) return await(run.id(), Duration.ofNanos(left));
            Thread.sleep(Math.min(FOREIGN_POLL_MILLIS, TimeUnit.NANOSECONDS.toMillis(left) + 1));
            run = store.find(run.id()).orElse(run);
        }
        return run;
    }

    /** In the order they were submitted. */
    @Override
    public List<String> activeRunIds() {
        return active.values().stream().sorted(Comparator.comparingLong(RunExecution::sequence))
                .map(RunExecution::runId).toList();
    }

    @Override
    public void addListener(RunListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(RunListener listener) {
        listeners.remove(listener);
    }

    /**
     * Stops every queued and running run of these experiments (their plugin is being updated or removed)
     * and records them INTERRUPTED with {@code reason}; runs submitted for them from now on end the same
     * way. Waits up to {@code wait} for the running ones to return; those still running then are recorded
     * INTERRUPTED anyway.
     */
    public void interruptRunsOf(Collection<CatalogEntry> entries, String reason, Duration wait) {
        StopRequest request = StopRequest.interrupted(reason);
        Set<Experiment> leaving = Collections.newSetFromMap(new IdentityHashMap<>());
        for (CatalogEntry e : entries) {
            leaving.add(e.experiment());
            retired.putIfAbsent(e.experiment(), request);
        }
        stopAndWait(execution -> leaving.contains(execution.entry().experiment()), request, wait);
    }

    /**
     * Stops accepting runs, records the queued ones INTERRUPTED (or, with {@link Settings#resumeQueue}, leaves
     * them QUEUED in the store for the next server), stops the running ones (INTERRUPTED with
     * {@code reason}), waits up to {@code wait} for them, then stops the engine's threads. Idempotent.
     */
    public void shutdown(String reason, Duration wait) {
        if (!shutDown.compareAndSet(false, true)) return;
        accepting = false;
        List<Queued> queued;
        synchronized (queueLock) {
            dispatching = false;
            queued = List.copyOf(waiting.values());
            waiting.clear();
        }
        workers.shutdown();
        StopRequest request = StopRequest.interrupted(reason);
        for (Queued q : queued) {
            if (settings.resumeQueue()) {
                q.execution().leaveQueued();
            } else {
                q.execution().endUnstarted(request);
            }
        }
        if (settings.resumeQueue() && !queued.isEmpty()) {
            LOG.info("{} queued run(s) stay queued for the next server", queued.size());
        }
        stopAndWait(execution -> true, request, wait);
        timer.shutdownNow();
        flusher.close();
        storeCalls.close();
    }

    /** {@link #shutdown} with the reason "platform shut down" and a 10 s wait. */
    @Override
    public void close() {
        shutdown("platform shut down", Duration.ofSeconds(10));
    }

    private void stopAndWait(Predicate<RunExecution> which, StopRequest request, Duration wait) {
        List<RunExecution> targets = active.values().stream().filter(which).toList();
        if (targets.isEmpty()) return;
        LOG.info("stopping {} run(s): {}", targets.size(), request.reason());
        for (RunExecution t : targets) {
            if (unqueue(t)) {
                t.endUnstarted(request);
            } else {
                t.requestStop(request);
            }
        }
        dispatch();
        long deadline = System.nanoTime() + wait.toNanos();
        boolean interrupted = false;
        for (RunExecution t : targets) {
            try {
                t.done().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // handled below
            } catch (InterruptedException e) {
                interrupted = true;
                break;
            }
        }
        for (RunExecution t : targets) {
            if (!t.done().isDone()) t.abandon(request);
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    /** A run of this process by its id or a unique prefix of it, or null. */
    private RunExecution lookup(String runId) {
        if (runId == null || runId.isBlank()) return null;
        RunExecution exact = active.get(runId);
        if (exact != null) return exact;
        List<RunExecution> matches = active.values().stream().filter(e -> e.runId().startsWith(runId)).toList();
        return matches.size() == 1 ? matches.get(0) : null;
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
