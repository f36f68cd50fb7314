package org.physlab.store;

import java.util.List;
import java.util.Map;

/**
 * What is known about a run when it is queued.
 *
 * @param parameters         validated parameters as JSON-friendly values (Long, Double, Boolean, String, double[], int[])
 * @param priority           higher runs first among the queued runs of the same user (default 0)
 * @param timeLimitMillis    the run's time limit, or null for none; kept so that a resumed run keeps it
 * @param resumeAfterRestart whether the run stays QUEUED when its process ends before starting it, for
 *                           the next server to take over ({@link RunStore#adoptQueuedRuns}); false for runs
 *                           of a command-line process, which are INTERRUPTED with it
 */
public record NewRun(String experimentId, String pluginId, String pluginVersion, Map<String, Object> parameters,
                     long seed, String backend, String host, String user, List<String> tags, String notes,
                     int priority, Long timeLimitMillis, boolean resumeAfterRestart) {
    public NewRun {
        tags = List.copyOf(tags == null ? List.of() : tags);
        notes = notes == null ? "" : notes;
        if (timeLimitMillis != null && timeLimitMillis <= 0) {
            throw new IllegalArgumentException("a time limit must be positive, got " + timeLimitMillis + " ms");
        }
    }

    /** A run of priority 0, without a time limit, not resumed after a restart. */
    public NewRun(String experimentId, String pluginId, String pluginVersion, Map<String, Object> parameters,
                  long seed, String backend, String host, String user, List<String> tags, String notes) {
        this(experimentId, pluginId, pluginVersion, parameters, seed, backend, host, user, tags, notes, 0, null, false);
    }
}
