package org.physlab.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps only the latest progress report of each run and writes them every {@code interval} from one
 * background thread, so that an experiment may report progress every step without a database write
 * per step. Readers call {@link #flush()} first to see their own latest reports.
 */
final class ProgressCoalescer implements AutoCloseable {

    /** The latest report of one run. */
    record Progress(double fraction, String message) { }

    /** Writes a batch of reports (run id → latest report). */
    @FunctionalInterface
    interface Writer {
        void write(Map<String, Progress> latest);
    }

    private static final Logger LOG = LoggerFactory.getLogger(ProgressCoalescer.class);

    private final Map<String, Progress> pending = new ConcurrentHashMap<>();
    private final Writer writer;
    private final ScheduledExecutorService flusher;

    ProgressCoalescer(Writer writer, long intervalMillis) {
        this.writer = writer;
        this.flusher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "physlab-store-progress");
            thread.setDaemon(true);
            return thread;
        });
        flusher.scheduleWithFixedDelay(this::flushInBackground, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    /** Remembers the latest report of a run; it reaches the database within one interval. */
    void offer(String runId, Progress progress) {
        pending.put(runId, progress);
    }

    /** Takes the not yet written report of one run, if any (the caller writes it itself). */
    Progress take(String runId) {
        return pending.remove(runId);
    }

    /**
     * Writes every pending report now. Synchronized so that an older report taken by one flush can
     * never overwrite a newer one written by another.
     */
    synchronized void flush() {
        if (pending.isEmpty()) {
            return;
        }
        Map<String, Progress> batch = new LinkedHashMap<>();
        for (String runId : pending.keySet()) {
            Progress progress = pending.remove(runId);
            if (progress != null) {
                batch.put(runId, progress);
            }
        }
        try {
            writer.write(batch);
        } catch (RuntimeException e) {
            // Put them back unless newer reports arrived meanwhile; the next flush tries again.
            batch.forEach(pending::putIfAbsent);
            throw e;
        }
    }

    private void flushInBackground() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warn("Writing run progress failed; retrying: {}", e.getMessage());
        }
    }

    /** Stops the background thread after writing what is pending (a failure to write it is logged). */
    @Override
    public void close() {
        flusher.shutdown();
        try {
            flusher.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warn("The last progress reports of runs {} were not written: {}", pending.keySet(), e.getMessage());
        }
    }
}
