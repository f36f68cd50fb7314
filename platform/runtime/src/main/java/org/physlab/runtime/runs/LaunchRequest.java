package org.physlab.runtime.runs;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A request to run an experiment.
 *
 * @param parameters raw values (text as typed, or JSON values); validated against the experiment's schema
 * @param seed       the run's seed, or null for a fresh random one (recorded either way)
 * @param user       the run's owner, or null for the process's user (the configured {@code physlab.user})
 * @param timeLimit  the run is stopped after this long, or null for no limit
 * @param priority   higher first among the owner's queued runs (default 0); fair share between users comes first
 */
public record LaunchRequest(String experimentId, Map<String, ?> parameters, Long seed, List<String> tags,
                            String notes, String user, Duration timeLimit, int priority) {

    /** A request of priority 0. */
    public LaunchRequest(String experimentId, Map<String, ?> parameters, Long seed, List<String> tags,
                         String notes, String user, Duration timeLimit) {
        this(experimentId, parameters, seed, tags, notes, user, timeLimit, 0);
    }

    public LaunchRequest {
        parameters = parameters == null ? Map.of() : parameters;
        tags = List.copyOf(tags == null ? List.of() : tags);
        notes = notes == null ? "" : notes;
    }

    public static LaunchRequest of(String experimentId, Map<String, ?> parameters, Long seed) {
        return new LaunchRequest(experimentId, parameters, seed, List.of(), "", null, null, 0);
    }

    /** The same request for another owner. */
    public LaunchRequest byUser(String owner) {
        return new LaunchRequest(experimentId, parameters, seed, tags, notes, owner, timeLimit, priority);
    }

    /** The same request with another priority. */
    public LaunchRequest withPriority(int newPriority) {
        return new LaunchRequest(experimentId, parameters, seed, tags, notes, user, timeLimit, newPriority);
    }
}
