package org.physlab.runtime.runs;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One background thread that writes the buffered {@link RunTelemetry} of every executing run to the
 * store every {@value #INTERVAL_MILLIS} ms, or at once when a run has {@value RunTelemetry#BATCH}
 * points waiting.
 */
final class TelemetryFlusher implements AutoCloseable {
    static final long INTERVAL_MILLIS = 200;
    private static final Logger LOG = LoggerFactory.getLogger(TelemetryFlusher.class);

    private final Set<RunTelemetry> runs = ConcurrentHashMap.newKeySet();
    private final Semaphore wake = new Semaphore(0);
    private final Thread thread;
    private volatile boolean running = true;

    TelemetryFlusher() {
        thread = new Thread(this::loop, "physlab-telemetry-flusher");
        thread.setDaemon(true);
        thread.start();
    }

    /** Buffers for a run, flushed by this thread until {@link #finish}. */
    RunTelemetry open(String runId, org.physlab.store.RunStore store) {
        RunTelemetry t = new RunTelemetry(runId, store, this::wake);
        runs.add(t);
        return t;
    }

    /** Attempts of the last flush of a run, with 0.1, 0.2, 0.4, 0.8 s pauses between them. */
    static final int FINAL_ATTEMPTS = 5;

    /**
     * Stops flushing a run in the background and writes what it left, retrying a failing store a few
     * times.
     *
     * @return null if everything was written, else the store's last failure
     */
    RuntimeException finish(RunTelemetry telemetry) {
        runs.remove(telemetry);
        telemetry.close();
        long pause = 100;
        for (int attempt = 1; ; attempt++) {
            if (telemetry.flush(true)) return null;
            if (attempt == FINAL_ATTEMPTS) return telemetry.storeFailure();
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return telemetry.storeFailure();
            }
            pause *= 2;
        }
    }

    private void wake() {
        wake.release();
    }

    private void loop() {
        while (running) {
            try {
                wake.tryAcquire(INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.interrupted();    // nobody should interrupt this thread; keep flushing
            }
            for (RunTelemetry t : runs) {
                try {
                    t.flush(false);
                } catch (Throwable e) {   // never let one run's trouble stop the flushing of the others
                    LOG.warn("flushing run {} failed", t.runId(), e);
                }
            }
        }
    }

    /** Stops the thread after a last flush of every run still registered. */
    @Override
    public void close() {
        running = false;
        wake.release();      // never interrupt: an interrupt inside an H2 write closes its file channel
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (RunTelemetry t : runs) {
            try {
                t.flush(true);
            } catch (Throwable e) {
                LOG.warn("final flush of run {} failed", t.runId(), e);
            }
        }
    }
}
