package org.physlab.runtime.runs;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.physlab.api.Parameters;
import org.physlab.api.Summary;
import org.physlab.runtime.plugins.CatalogEntry;
import org.physlab.store.RunRecord;
import org.physlab.store.RunStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One queued run and, once a worker takes it, its execution: mark it RUNNING, give it a
 * {@link LiveRunContext}, seed ND4J, call the experiment under its time limit, and record how it
 * ended ({@link RunOutcome#decide}).
 *
 * <p>Nothing the experiment throws, {@link Error}s included, escapes {@link #run()}: the worker thread
 * survives every plugin. The thread is interruptible (by a cancel, a time limit, a plugin update or a
 * shutdown) only while it runs plugin code, never while the engine talks to the store; its interrupt
 * flag is cleared before the worker takes the next run. CPU and GPU slots are the scheduler's business:
 * a worker takes a run only once its slots are free.
 */
final class RunExecution implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(RunExecution.class);

    private final ExecutionServices services;
    private final long sequence;
    private final RunRecord queued;
    private final CatalogEntry entry;
    private final Parameters parameters;
    private final Duration timeLimit;
    private final CompletableFuture<RunRecord> done = new CompletableFuture<>();
    private final AtomicBoolean recorded = new AtomicBoolean();

    private volatile StopRequest stop;
    private volatile RunTelemetry telemetry;
    /** The thread to interrupt on a stop request, set only inside interruptible regions. Guarded by this. */
    private Thread interruptible;
    /** Set once the outcome is decided; later stop requests are refused. Guarded by this. */
    private boolean ended;

    RunExecution(ExecutionServices services, long sequence, RunRecord queued, CatalogEntry entry,
                 Parameters parameters, Duration timeLimit) {
        this.services = services;
        this.sequence = sequence;
        this.queued = queued;
        this.entry = entry;
        this.parameters = parameters;
        this.timeLimit = timeLimit;
    }

    String runId() {
        return queued.id();
    }

    long sequence() {
        return sequence;
    }

    CatalogEntry entry() {
        return entry;
    }

    /** Completes with the final record once the outcome is stored. */
    CompletableFuture<RunRecord> done() {
        return done;
    }

    /**
     * Asks the run to stop; the first request decides how it is recorded.
     *
     * @return false if the run's outcome was already decided
     */
    boolean requestStop(StopRequest request) {
        synchronized (this) {
            if (ended) return false;
            if (stop == null) stop = request;
            if (interruptible != null) interruptible.interrupt();
            return true;
        }
    }

    /** The run as it was queued. */
    RunRecord queued() {
        return queued;
    }

    /**
     * Lets go of a run that stays QUEUED in the store for the next server (see
     * {@link RunScheduler#resumeQueue}): nothing is recorded, waiters get the run as stored.
     */
    void leaveQueued() {
        synchronized (this) {
            if (ended) return;
            ended = true;
        }
        if (!recorded.compareAndSet(false, true)) return;
        RunRecord last = queued;
        try {
            last = latestRecord();
            services.onEnded().accept(this);
        } catch (Throwable e) {
            LOG.error("could not read run {} while leaving it queued", runId(), e);
        } finally {
            done.complete(last);
        }
    }

    /** Records a run that never started (taken out of the queue) as stopped. */
    void endUnstarted(StopRequest request) {
        StopRequest s;
        synchronized (this) {
            if (ended) return;
            ended = true;
            if (stop == null) stop = request;
            s = stop;
        }
        record(RunOutcome.stopped(s));
    }

    /**
     * Records the run as stopped although its thread has not returned (it ignored the stop request);
     * the thread's own outcome is dropped when it finally ends.
     */
    void abandon(StopRequest request) {
        StopRequest s = stop == null ? request : stop;
        LOG.warn("run {} did not stop in time; recording it {} ({}) while its thread goes on", runId(), s.status(), s.reason());
        RunTelemetry t = telemetry;
        if (t != null) {
            t.engineLog("WARN", "the run did not stop when asked; recorded " + s.status() + " while its code was still running");
            t.flush(true);
        }
        storeOutcome(RunOutcome.stopped(s));
    }

    @Override
    public void run() {
        Thread me = Thread.currentThread();
        String threadName = me.getName();
        ClassLoader threadLoader = me.getContextClassLoader();
        synchronized (this) {
            if (ended) return;
        }
        Attempt attempt = null;
        Throwable engineFailure = null;
        LiveRunContext context = null;
        boolean endedElsewhere = false;
        try {
            StopRequest retired = services.retirement().apply(entry);
            if (retired != null) requestStop(retired);
            if (stop == null) {
                if (!services.store().markRunning(runId(), services.processId().get())) {
                    endedElsewhere = true;
                } else {
                    services.listeners().statusChanged(latestRecord());
                    RunTelemetry t = services.flusher().open(runId(), services.store());
                    telemetry = t;
                    context = new LiveRunContext(queued, parameters, services.compute(), t, services.listeners(),
                            services.store(), services.storeCalls(), () -> stop);
                    me.setName("physlab-run-" + runId());
                    me.setContextClassLoader(services.runClassLoader());
                    t.engineLog("INFO", "starting " + entry.id() + " (plugin " + entry.pluginId() + " " + entry.pluginVersion()
                            + ") with seed " + queued.seed()
                            + (timeLimit == null ? "" : ", time limit " + StopRequest.seconds(timeLimit) + " s"));
                    seedNd4j(t);
                    attempt = runExperiment(context);
                }
            }
        } catch (Throwable e) {          // the engine's own trouble (e.g. the store is down); the plugin's is in `attempt`
            engineFailure = e;
        } finally {
            me.setName(threadName);
            me.setContextClassLoader(threadLoader);
        }
        StopRequest finalStop;
        synchronized (this) {
            ended = true;
            finalStop = stop;
        }
        Thread.interrupted();            // no stop request interrupts after `ended`; clear one that came before
        if (endedElsewhere) {
            LOG.info("run {} was no longer queued when a worker took it; leaving it as it is", runId());
            recordEndedElsewhere();
            return;
        }
        RunOutcome outcome;
        if (engineFailure != null) {
            outcome = finalStop != null ? RunOutcome.stopped(finalStop) : RunOutcome.failed(engineFailure);
        } else if (attempt != null) {
            outcome = RunOutcome.decide(attempt.summary(), attempt.thrown(), finalStop, context.nonFiniteMetric());
        } else {
            outcome = RunOutcome.stopped(finalStop);     // stopped before it started
        }
        record(outcome);
    }

    /** What the experiment returned or threw. */
    private record Attempt(Summary summary, Throwable thrown) { }

    /** Calls the experiment inside an interruptible region, under the time limit. */
    private Attempt runExperiment(LiveRunContext context) {
        ScheduledFuture<?> limit = timeLimit == null ? null
                : services.timer().schedule(() -> requestStop(StopRequest.timeLimitExceeded(timeLimit)),
                        timeLimit.toNanos(), TimeUnit.NANOSECONDS);
        enterInterruptible();
        try {
            if (stop != null) return new Attempt(null, null);
            return new Attempt(entry.experiment().run(context), null);
        } catch (Throwable e) {
            return new Attempt(null, e);
        } finally {
            leaveInterruptible();
            if (limit != null) limit.cancel(false);
        }
    }

    private void enterInterruptible() {
        synchronized (this) {
            interruptible = Thread.currentThread();
            if (stop != null) interruptible.interrupt();
        }
    }

    private void leaveInterruptible() {
        synchronized (this) {
            interruptible = null;
        }
        Thread.interrupted();
    }

    private void seedNd4j(RunTelemetry t) {
        try {
            Nd4jSeeding.seedCurrentThread(queued.seed());
        } catch (Throwable e) {
            t.engineLog("WARN", "ND4J's random generator could not be seeded: " + RunOutcome.errorText(e));
        }
    }

    /**
     * Writes the run's last reports and its outcome, then tells listeners and waiters. A run whose last
     * metrics or log lines cannot be stored is not recorded SUCCEEDED: its record would be incomplete.
     */
    private void record(RunOutcome outcome) {
        RunTelemetry t = telemetry;
        if (t != null) {
            try {
                if (outcome.failure() != null) t.engineLog("ERROR", stackTrace(outcome.failure()));
                t.engineLog(outcome.status() == RunStatus.SUCCEEDED ? "INFO" : "WARN", "run ended " + outcome.status()
                        + (outcome.error() == null ? "" : ": " + outcome.error()));
                RuntimeException unwritten = services.flusher().finish(t);
                if (unwritten != null) {
                    LOG.error("the last metrics and log lines of run {} could not be stored", runId(), unwritten);
                    if (outcome.status() == RunStatus.SUCCEEDED) {
                        outcome = new RunOutcome(RunStatus.FAILED, "the run's last metrics and log lines could not be stored: "
                                + unwritten.getMessage(), Map.of(), unwritten);
                    }
                }
            } catch (Throwable e) {
                LOG.error("could not write the last metrics and log lines of run {}", runId(), e);
            }
        }
        storeOutcome(outcome);
    }

    private void storeOutcome(RunOutcome outcome) {
        if (!recorded.compareAndSet(false, true)) return;
        try {
            services.store().finish(runId(), outcome.status(), outcome.error(), outcome.summary());
        } catch (Throwable e) {
            LOG.error("could not record run {} as {} ({})", runId(), outcome.status(), outcome.error(), e);
        }
        announceEnd(outcome);
    }

    private void recordEndedElsewhere() {
        if (!recorded.compareAndSet(false, true)) return;
        announceEnd(null);
    }

    private void announceEnd(RunOutcome outcome) {
        RunRecord last = null;
        try {
            last = latestRecord();
            services.onEnded().accept(this);
            services.listeners().statusChanged(last);
        } catch (Throwable e) {
            LOG.error("could not announce the end of run {}", runId(), e);
        } finally {
            done.complete(last != null ? last : endedCopy(outcome));
        }
    }

    private RunRecord latestRecord() {
        return services.store().find(runId()).orElse(queued);
    }

    /** The queued record with the outcome applied, for when the store cannot be read. */
    private RunRecord endedCopy(RunOutcome o) {
        RunRecord q = queued;
        if (o == null) return q;
        Map<String, Double> summary = o.summary() == null ? Map.of() : o.summary();
        return new RunRecord(q.id(), q.experimentId(), q.pluginId(), q.pluginVersion(), q.parameters(), q.seed(), o.status(),
                q.createdAt(), q.startedAt(), java.time.Instant.now(), o.error(), q.backend(), q.host(), q.user(), q.tags(),
                q.notes(), q.progress(), q.progressMessage(), summary, services.processId().get());
    }

    static String stackTrace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString().stripTrailing();
    }
}
