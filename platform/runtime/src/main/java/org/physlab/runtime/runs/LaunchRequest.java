package org.physlab.runtime.runs;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A request to run an experiment.
 *
 * @param parameters raw values (text as typed, or JSON values); validated against the experiment's schema
 * @param seed       the run's seed, or null for a fresh random one (recorded either way)
 * @param timeLimit  the run is stopped after this long, or null for no limit
 */
public record LaunchRequest(String experimentId, Map<String, ?> parameters, Long seed, List<String> tags,
                            String notes, String user, Duration timeLimit) {
    public LaunchRequest {
        parameters = parameters == null ? Map.of() : parameters;
        tags = List.copyOf(tags == null ? List.of() : tags);
        notes = notes == null ? "" : notes;
    }

    public static LaunchRequest of(String experimentId, Map<String, ?> parameters, Long seed) {
        return new LaunchRequest(experimentId, parameters, seed, List.of(), "", null, null);
    }
}
