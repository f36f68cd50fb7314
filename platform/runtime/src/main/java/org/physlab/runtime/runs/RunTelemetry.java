package org.physlab.runtime.runs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.physlab.store.LogLine;
import org.physlab.store.MetricPoint;
import org.physlab.store.RunStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one run reports while it executes (metric points, log lines, progress), buffered in memory
 * and written to the store in batches by {@link #flush}: by the {@link TelemetryFlusher} every
 * ~200 ms or as soon as {@value #BATCH} points wait, and once more when the run ends.
 *
 * <p>Adding a point is a list append under a short lock, so a run may log hundreds of thousands of
 * points per second. If the store falls behind by {@value #MAX_PENDING} points, the reporting thread
 * waits for the flusher (back-pressure instead of unbounded memory); if the flusher's write fails, the
 * report throws and the run fails rather than losing data silently. Store calls happen only on the
 * flusher's thread and, at the end, on the engine's worker thread, never where a cancel interrupts. A failed write is retried (the
 * batch stays buffered), so a short database hiccup costs nothing. Batches reach the store in the
 * order they were logged.
 */
final class RunTelemetry {
    /** Waiting points that wake the flusher early. */
    static final int BATCH = 5_000;
    /** Waiting points (about 10 MB) at which the reporting thread waits for the flusher. */
    static final int MAX_PENDING = 200_000;
    /** Progress reaches the store at most this often (plus the final value). */
    static final long PROGRESS_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private static final Logger LOG = LoggerFactory.getLogger(RunTelemetry.class);

    private final String runId;
    private final RunStore store;
    private final Runnable wakeFlusher;

    private final Object buffers = new Object();
    private ArrayList<MetricPoint> metrics = new ArrayList<>();
    private ArrayList<LogLine> logs = new ArrayList<>();
    private long logSeq;
    private double progress;
    private String progressMessage = "";
    private boolean progressDirty;
    private boolean closed;
    /** A write of the waiting points failed since the reporting thread started waiting. */
    private boolean drainAttempted;

    /** Held while a batch is taken and written, so batches reach the store in order. */
    private final ReentrantLock flushing = new ReentrantLock();
    private long lastProgressWrite = System.nanoTime() - PROGRESS_INTERVAL_NANOS;
    private volatile RuntimeException storeFailure;

    RunTelemetry(String runId, RunStore store, Runnable wakeFlusher) {
        this.runId = runId;
        this.store = store;
        this.wakeFlusher = wakeFlusher;
    }

    String runId() {
        return runId;
    }

    void metric(String key, long step, double value) {
        int waiting;
        synchronized (buffers) {
            checkOpen();
            metrics.add(new MetricPoint(key, step, value, System.currentTimeMillis()));
            waiting = metrics.size();
        }
        if (waiting == BATCH) {
            wakeFlusher.run();
        } else if (waiting >= MAX_PENDING) {
            awaitDrain();
        }
    }

    /**
     * Back-pressure: waits until the flusher took the waiting points. Not interruptible (the points
     * must be written before the run goes on); an interrupt is kept for the run to see.
     *
     * @throws IllegalStateException if the store keeps failing, so the points cannot be written
     */
    private void awaitDrain() {
        boolean interrupted = false;
        try {
            synchronized (buffers) {
                drainAttempted = false;
                while (metrics.size() >= MAX_PENDING && !closed) {
                    RuntimeException failure = storeFailure;
                    if (failure != null && drainAttempted) {
                        throw new IllegalStateException("the metrics of run " + runId + " cannot be stored: "
                                + failure.getMessage(), failure);
                    }
                    wakeFlusher.run();
                    try {
                        buffers.wait(100);
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    void log(String level, String message) {
        synchronized (buffers) {
            checkOpen();
            logs.add(new LogLine(++logSeq, Instant.now(), level, message));
        }
    }

    /** Like {@link #log} but accepted after the run ended (the engine's own closing lines). */
    void engineLog(String level, String message) {
        synchronized (buffers) {
            logs.add(new LogLine(++logSeq, Instant.now(), level, message));
        }
    }

    void progress(double fraction, String message) {
        synchronized (buffers) {
            checkOpen();
            progress = fraction;
            progressMessage = message;
            progressDirty = true;
        }
    }

    /** Refuses further reports from the run (a stray thread of an ended run gets an exception). */
    void close() {
        synchronized (buffers) {
            closed = true;
        }
    }

    /**
     * Writes what waits. Progress is written when it changed and {@code finalFlush} is set or 250 ms
     * passed since the last write. A store failure is kept (the run's next report throws it) and the
     * batch stays buffered for the next attempt.
     *
     * @return whether everything waiting was written
     */
    boolean flush(boolean finalFlush) {
        flushing.lock();
        try {
            List<MetricPoint> m;
            List<LogLine> l;
            boolean writeProgress;
            double p;
            String pm;
            long now = System.nanoTime();
            synchronized (buffers) {
                m = metrics;
                l = logs;
                metrics = new ArrayList<>();
                logs = new ArrayList<>();
                writeProgress = progressDirty && (finalFlush || now - lastProgressWrite >= PROGRESS_INTERVAL_NANOS);
                p = progress;
                pm = progressMessage;
                if (writeProgress) progressDirty = false;
                buffers.notifyAll();
            }
            try {
                while (!m.isEmpty()) {         // in batches of at most BATCH: the store takes those fastest
                    List<MetricPoint> batch = m.subList(0, Math.min(BATCH, m.size()));
                    store.appendMetrics(runId, List.copyOf(batch));
                    m = m.subList(batch.size(), m.size());
                }
                if (!l.isEmpty()) {
                    store.appendLogs(runId, l);
                    l = List.of();
                }
                if (writeProgress) {
                    store.updateProgress(runId, p, pm);
                    lastProgressWrite = now;
                    writeProgress = false;
                }
                storeFailure = null;
                return true;
            } catch (RuntimeException e) {
                LOG.warn("could not write the metrics, logs or progress of run {}: {}", runId, e.toString());
                storeFailure = e;
                putBack(m, l, writeProgress);
                return false;
            }
        } finally {
            flushing.unlock();
        }
    }

    private void putBack(List<MetricPoint> m, List<LogLine> l, boolean progressUnwritten) {
        synchronized (buffers) {
            if (!m.isEmpty()) {
                ArrayList<MetricPoint> merged = new ArrayList<>(m.size() + metrics.size());
                merged.addAll(m);
                merged.addAll(metrics);
                metrics = merged;
            }
            if (!l.isEmpty()) {
                ArrayList<LogLine> merged = new ArrayList<>(l.size() + logs.size());
                merged.addAll(l);
                merged.addAll(logs);
                logs = merged;
            }
            if (progressUnwritten) progressDirty = true;
            drainAttempted = true;
            buffers.notifyAll();
        }
    }

    /** The last write failure, or null if the last write succeeded. */
    RuntimeException storeFailure() {
        return storeFailure;
    }

    private void checkOpen() {
        if (closed) throw new IllegalStateException("run " + runId + " has ended; it takes no more reports");
    }

}
