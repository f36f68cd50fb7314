package org.physlab.store;

/**
 * A filter over runs; {@code null} fields do not filter. Results are newest first.
 *
 * @param experimentId exact experiment id, or {@code null}
 * @param status       exact status, or {@code null}
 * @param tag          runs carrying this tag, or {@code null}
 * @param user         runs of this user, or {@code null}
 */
public record RunQuery(String experimentId, RunStatus status, String tag, String user, int offset, int limit) {
    public static RunQuery all() {
        return new RunQuery(null, null, null, null, 0, 1000);
    }

    public RunQuery withExperiment(String e) { return new RunQuery(e, status, tag, user, offset, limit); }

    public RunQuery withStatus(RunStatus s) { return new RunQuery(experimentId, s, tag, user, offset, limit); }

    public RunQuery withTag(String t) { return new RunQuery(experimentId, status, t, user, offset, limit); }

    public RunQuery page(int offset, int limit) { return new RunQuery(experimentId, status, tag, user, offset, limit); }
}
