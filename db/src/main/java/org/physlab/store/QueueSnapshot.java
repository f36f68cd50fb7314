package org.physlab.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The queue as stored, read in one transaction: what {@code physlab queue} orders when it has no
 * scheduler to ask.
 *
 * @param queued          QUEUED runs, by queue order
 * @param running         RUNNING runs, by start time
 * @param lastStartByUser when each user's most recent run started (users who never ran are absent)
 */
public record QueueSnapshot(List<QueuedRun> queued, List<RunningRun> running, Map<String, Instant> lastStartByUser) {
    public QueueSnapshot {
        queued = List.copyOf(queued);
        running = List.copyOf(running);
        lastStartByUser = Map.copyOf(lastStartByUser);
    }

    /** A RUNNING run: whose it is, which process executes it, on which backend. */
    public record RunningRun(String runId, String experimentId, String user, int priority, String processId,
                             Instant startedAt, String backend) { }
}
