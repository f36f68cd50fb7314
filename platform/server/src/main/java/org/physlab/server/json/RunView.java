package org.physlab.server.json;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.physlab.store.RunRecord;

/**
 * A run with its provenance, as the REST API and {@code physlab runs/show --json} write it.
 *
 * @param experiment      the experiment id
 * @param plugin          the plugin (bundle symbolic name) that ran it
 * @param durationSeconds seconds between start and end (or now, while running)
 * @param progress        latest progress in [0, 1]
 * @param processId       the process executing (or that last executed) the run
 * @param queuePosition   while the run waits in this server's queue, its place (1: starts next), else null
 */
public record RunView(String id, String experiment, String plugin, String pluginVersion, String status,
                      long seed, Map<String, Object> parameters, Map<String, Double> summary, String error,
                      Instant createdAt, Instant startedAt, Instant endedAt, double durationSeconds,
                      double progress, String progressMessage, List<String> tags, String notes,
                      String backend, String host, String user, String processId, Integer queuePosition) {

    /** The run without a queue position. */
    public static RunView of(RunRecord r) {
        return of(r, null);
    }

    /** The run with its position in the queue (null when it does not wait in the asker's queue). */
    public static RunView of(RunRecord r, Integer queuePosition) {
        return new RunView(r.id(), r.experimentId(), r.pluginId(), r.pluginVersion(), r.status().name(), r.seed(),
                r.parameters(), r.summary(), r.error(), r.createdAt(), r.startedAt(), r.endedAt(),
                r.durationSeconds(), r.progress(), r.progressMessage(), r.tags(), r.notes(), r.backend(), r.host(),
                r.user(), r.processId(), queuePosition);
    }
}
