package org.physlab.web.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.physlab.store.ArtifactInfo;
import org.physlab.store.LogLine;
import org.physlab.store.MetricPoint;
import org.physlab.store.RunRecord;
import org.physlab.store.RunStore;

/**
 * Follows one run in the store: each {@link #read()} returns the run's latest record and only what is
 * new since the previous read — metric points after the last step seen per key (new keys included),
 * log lines after the last sequence number, artifacts not seen before or replaced since. Works the same
 * for runs of this process and of another one (the CLI) writing to the same database. Every metric
 * point read is kept, per key, for redrawing the charts; charts thin long series themselves.
 *
 * <pre>{@code
 * RunFollower follower = new RunFollower(store, runId);
 * RunFollower.Update u = follower.read();          // everything so far
 * u.changedKeys().forEach(key -> chart(key).setSeries(..., follower.points(key)));
 * }</pre>
 */
final class RunFollower {
    /** Rows asked of the store at once. */
    static final int PAGE = 5000;

    private final RunStore store;
    private final String runId;
    private final Map<String, List<MetricPoint>> points = new TreeMap<>();
    private final Map<String, ArtifactInfo> artifacts = new HashMap<>();
    private long lastLogSeq = Long.MIN_VALUE;

    /** What one read found. */
    record Update(RunRecord run, Set<String> changedKeys, List<LogLine> newLogs, List<ArtifactInfo> newArtifacts) {
        boolean changedAnything() {
            return !changedKeys.isEmpty() || !newLogs.isEmpty() || !newArtifacts.isEmpty();
        }
    }

    RunFollower(RunStore store, String runId) {
        this.store = Objects.requireNonNull(store, "store");
        this.runId = Objects.requireNonNull(runId, "runId");
    }

    /**
     * Reads the run and what it recorded since the last call; empty if the run does not exist. The record
     * is read first, so a run seen as ended has all its points, lines and artifacts in the same update.
     */
    Optional<Update> read() {
        Optional<RunRecord> found = store.find(runId);
        if (found.isEmpty()) return Optional.empty();
        RunRecord run = found.get();
        Set<String> changed = new LinkedHashSet<>();
        for (String key : store.metricKeys(run.id())) {
            List<MetricPoint> kept = points.computeIfAbsent(key, k -> new ArrayList<>());
            while (true) {
                long after = kept.isEmpty() ? Long.MIN_VALUE : kept.get(kept.size() - 1).step();
                List<MetricPoint> page = store.metrics(run.id(), key, after, PAGE);
                if (!page.isEmpty()) {
                    kept.addAll(page);
                    changed.add(key);
                }
                if (page.size() < PAGE) break;
            }
        }
        List<LogLine> lines = new ArrayList<>();
        while (true) {
            List<LogLine> page = store.logs(run.id(), lastLogSeq, PAGE);
            lines.addAll(page);
            if (!page.isEmpty()) lastLogSeq = page.get(page.size() - 1).seq();
            if (page.size() < PAGE) break;
        }
        List<ArtifactInfo> fresh = new ArrayList<>();
        for (ArtifactInfo info : store.artifacts(run.id())) {
            ArtifactInfo known = artifacts.get(info.name());
            if (known == null || known.size() != info.size() || !Objects.equals(known.createdAt(), info.createdAt())) {
                artifacts.put(info.name(), info);
                fresh.add(info);
            }
        }
        return Optional.of(new Update(run, Collections.unmodifiableSet(changed), List.copyOf(lines), List.copyOf(fresh)));
    }

    /** Every point of {@code key} read so far, by step. */
    List<MetricPoint> points(String key) {
        return Collections.unmodifiableList(points.getOrDefault(key, List.of()));
    }

    /** The metric keys seen so far, sorted. */
    Set<String> keys() {
        return Collections.unmodifiableSet(points.keySet());
    }
}
