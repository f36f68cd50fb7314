package org.physlab.runtime;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.physlab.store.RunRecord;
import org.physlab.store.RunStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This process's entry in the store's process table, kept alive by a heartbeat; it also sweeps up the
 * runs of processes that died (a killed CLI, a crashed server), so a long-lived server marks them
 * INTERRUPTED without waiting for a restart.
 *
 * <p>The heartbeat runs every {@code heartbeatInterval}; the sweep every {@code staleAfter / 2} (but
 * not more often than the heartbeat). Both run on one daemon thread and never throw: a failed
 * heartbeat is logged and retried at the next tick.
 */
final class ProcessLease implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessLease.class);

    private final RunStore store;
    private final String host;
    private final long pid;
    private final ProcessKind kind;
    private volatile String processId;
    private final Duration staleAfter;
    private final ScheduledExecutorService timer;

    private ProcessLease(RunStore store, String host, long pid, ProcessKind kind, String processId, Duration staleAfter) {
        this.store = store;
        this.host = host;
        this.pid = pid;
        this.kind = kind;
        this.processId = processId;
        this.staleAfter = staleAfter;
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "physlab-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        t.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.timer = t;
    }

    /** Registers this process (kind "server" or "cli") in the store. */
    static ProcessLease register(RunStore store, String host, long pid, ProcessKind kind, Duration staleAfter) {
        String id = store.registerProcess(host, pid, kind.storeName());
        LOG.info("registered {} process {} (pid {} on {})", kind.storeName(), id, pid, host);
        return new ProcessLease(store, host, pid, kind, id, staleAfter);
    }

    /** The current id; it changes if this process was taken for dead and registered again. */
    String processId() {
        return processId;
    }

    /** Marks INTERRUPTED the queued and running runs of dead processes; returns them. */
    List<RunRecord> interruptOrphans() {
        List<RunRecord> orphans = store.interruptOrphans(host, staleAfter);
        for (RunRecord r : orphans) {
            LOG.warn("run {} ({}) of a process that is gone was marked {}: {}", r.id(), r.experimentId(), r.status(), r.error());
        }
        return orphans;
    }

    /** Starts the heartbeat and the periodic sweep. */
    void start(Duration heartbeatInterval) {
        long beat = heartbeatInterval.toMillis();
        long sweep = Math.max(beat, staleAfter.toMillis() / 2);
        timer.scheduleWithFixedDelay(this::beat, beat, beat, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::sweep, sweep, sweep, TimeUnit.MILLISECONDS);
    }

    private void beat() {
        try {
            store.heartbeat(processId);
        } catch (IllegalStateException gone) {
            reregister(gone);
        } catch (RuntimeException e) {
            LOG.warn("heartbeat of process {} failed (retrying): {}", processId, e.toString());
        }
    }

    /**
     * This process missed its heartbeats for longer than {@code staleAfter} (a suspended laptop, a long
     * pause) and another process took it for dead: its runs were recorded INTERRUPTED. It registers
     * again so that it can go on queueing and executing runs.
     */
    private void reregister(IllegalStateException gone) {
        try {
            String old = processId;
            processId = store.registerProcess(host, pid, kind.storeName());
            LOG.error("process {} was taken for dead ({}); its unfinished runs were marked INTERRUPTED by another process."
                    + " Registered again as {}", old, gone.getMessage(), processId);
        } catch (RuntimeException e) {
            LOG.warn("registering process {} again failed (retrying): {}", processId, e.toString());
        }
    }

    private void sweep() {
        try {
            interruptOrphans();
        } catch (RuntimeException e) {
            LOG.warn("looking for runs of dead processes failed (retrying): {}", e.toString());
        }
    }

    /** Stops the heartbeat and removes this process from the table. */
    @Override
    public void close() {
        timer.shutdown();
        try {
            if (!timer.awaitTermination(10, TimeUnit.SECONDS)) LOG.warn("the heartbeat thread did not stop");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.unregisterProcess(processId);
    }
}
