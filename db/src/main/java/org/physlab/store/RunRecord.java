package org.physlab.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A run as stored.
 *
 * @param parameters   validated parameters as read back from JSON (numbers as Long/Double, lists as List)
 * @param processId    the process executing (or that last executed) the run, see {@link RunStore#registerProcess}
 * @param summary      headline metrics, in the order the experiment gave them (empty until it succeeds)
 */
public record RunRecord(String id, String experimentId, String pluginId, String pluginVersion,
                        Map<String, Object> parameters, long seed, RunStatus status,
                        Instant createdAt, Instant startedAt, Instant endedAt, String error,
                        String backend, String host, String user, List<String> tags, String notes,
                        double progress, String progressMessage, Map<String, Double> summary, String processId) {

    /** Seconds between start and end (or now, while running); 0 before the start. */
    public double durationSeconds() {
        if (startedAt == null) return 0;
        Instant end = endedAt == null ? Instant.now() : endedAt;
        return (end.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0;
    }
}
