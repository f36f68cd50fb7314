package org.physlab.web.compare;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.physlab.store.ArtifactInfo;

/** What the Compare view shows first: the metric to overlay and the artifact to put side by side. */
public final class CompareDefaults {
    /** Artifact kinds in the order they are worth comparing at a glance; "file" is only a download link. */
    private static final List<String> KIND_PREFERENCE = List.of("scatter", "line", "heatmap", "mesh", "matrix", "table");

    private CompareDefaults() { }

    /**
     * The metric to overlay first: among the keys every run logged (else among all keys), one named
     * {@code loss}, else the first whose name contains "loss", else the first in order; empty if no run
     * logged a metric.
     */
    public static Optional<String> metric(List<List<String>> keysPerRun) {
        Set<String> all = new TreeSet<>();
        keysPerRun.forEach(all::addAll);
        Set<String> common = new TreeSet<>(all);
        keysPerRun.forEach(common::retainAll);
        Optional<String> pick = lossLike(common);
        return pick.isPresent() ? pick : lossLike(all);
    }

    private static Optional<String> lossLike(Set<String> keys) {
        if (keys.isEmpty()) return Optional.empty();
        for (String key : keys) if (key.equalsIgnoreCase("loss")) return Optional.of(key);
        for (String key : keys) if (key.toLowerCase(Locale.ROOT).contains("loss")) return Optional.of(key);
        return Optional.of(keys.iterator().next());
    }

    /** Every artifact name of any run, in the order they first appear. */
    public static List<String> artifactNames(List<List<ArtifactInfo>> artifactsPerRun) {
        Set<String> names = new LinkedHashSet<>();
        artifactsPerRun.forEach(list -> list.forEach(a -> names.add(a.name())));
        return new ArrayList<>(names);
    }

    /**
     * The artifact to put side by side first: one that most runs have, of the most telling kind
     * (scatter, line, heatmap, mesh, matrix, table, then files), earliest first on ties; empty if no run has one.
     */
    public static Optional<String> artifact(List<List<ArtifactInfo>> artifactsPerRun) {
        String best = null;
        int bestRuns = -1;
        int bestKind = Integer.MAX_VALUE;
        for (String name : artifactNames(artifactsPerRun)) {
            int runs = 0;
            String kind = null;
            for (List<ArtifactInfo> list : artifactsPerRun) {
                for (ArtifactInfo a : list) {
                    if (a.name().equals(name)) {
                        runs++;
                        kind = a.kind();
                        break;
                    }
                }
            }
            int rank = KIND_PREFERENCE.indexOf(kind);
            if (rank < 0) rank = KIND_PREFERENCE.size();
            if (runs > bestRuns || (runs == bestRuns && rank < bestKind)) {
                best = name;
                bestRuns = runs;
                bestKind = rank;
            }
        }
        return Optional.ofNullable(best);
    }
}
