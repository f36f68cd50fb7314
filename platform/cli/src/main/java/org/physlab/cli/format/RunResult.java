package org.physlab.cli.format;

import java.util.Map;
import org.physlab.store.RunRecord;

/**
 * What {@code physlab run --json} prints: exactly this one object, on one line.
 *
 * @param status          SUCCEEDED, FAILED, CANCELLED or INTERRUPTED
 * @param parameters      every parameter value the run used, defaults included
 * @param summary         the headline metrics (empty unless the run succeeded)
 * @param durationSeconds seconds between the run's start and end
 * @param error           why the run did not succeed, or null
 */
public record RunResult(String runId, String experiment, String plugin, String pluginVersion, String status,
                        long seed, Map<String, Object> parameters, Map<String, Double> summary,
                        double durationSeconds, String error) {

    public static RunResult of(RunRecord r) {
        return new RunResult(r.id(), r.experimentId(), r.pluginId(), r.pluginVersion(), r.status().name(), r.seed(),
                r.parameters(), r.summary(), r.durationSeconds(), r.error());
    }

    /** The text shown without {@code --json}: status line, provenance, summary metrics, error. */
    public String text() {
        StringBuilder b = new StringBuilder();
        b.append("run ").append(runId).append(' ').append(status).append(" in ")
                .append(Formats.duration(durationSeconds)).append('\n');
        b.append("  ").append(experiment).append(" (").append(plugin).append(' ').append(pluginVersion)
                .append("), seed ").append(seed).append('\n');
        if (error != null && !error.isBlank()) b.append("  error: ").append(Formats.oneLine(error)).append('\n');
        if (!summary.isEmpty()) {
            TextTable t = new TextTable("", "").alignRight(1);
            summary.forEach((k, v) -> t.row(k, Formats.number(v)));
            b.append(t.render().indent(2));
        }
        return b.toString();
    }
}
