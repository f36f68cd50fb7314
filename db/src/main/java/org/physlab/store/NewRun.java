package org.physlab.store;

import java.util.List;
import java.util.Map;

/**
 * What is known about a run when it is queued.
 *
 * @param parameters validated parameters as JSON-friendly values (Long, Double, Boolean, String, double[], int[])
 */
public record NewRun(String experimentId, String pluginId, String pluginVersion, Map<String, Object> parameters,
                     long seed, String backend, String host, String user, List<String> tags, String notes) {
    public NewRun {
        tags = List.copyOf(tags == null ? List.of() : tags);
        notes = notes == null ? "" : notes;
    }
}
