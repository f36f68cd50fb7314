package org.physlab.web.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.physlab.store.RunRecord;
import org.physlab.web.Formats;

/**
 * Where a run came from and how long it took, as label/value rows for the run page: plugin and version,
 * experiment, seed, backend, host, user, tags, notes, the times it was created, started and ended,
 * how long it waited in the queue and ran. Parameters come separately ({@link #parameters}).
 */
final class Provenance {
    private Provenance() { }

    /** One labelled line. */
    record Row(String label, String value) { }

    static List<Row> rows(RunRecord run, String experimentTitle) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("run", run.id()));
        rows.add(new Row("experiment", experimentTitle == null || experimentTitle.equals(run.experimentId())
                ? run.experimentId() : experimentTitle + " (" + run.experimentId() + ")"));
        rows.add(new Row("plugin", run.pluginId() + " " + run.pluginVersion()));
        rows.add(new Row("seed", Long.toString(run.seed())));
        rows.add(new Row("backend", orDash(run.backend())));
        rows.add(new Row("host", orDash(run.host())));
        rows.add(new Row("user", orDash(run.user())));
        rows.add(new Row("tags", run.tags() == null || run.tags().isEmpty() ? "–" : String.join(", ", run.tags())));
        rows.add(new Row("notes", run.notes() == null || run.notes().isBlank() ? "–" : run.notes()));
        rows.add(new Row("created", Formats.time(run.createdAt())));
        rows.add(new Row("started", run.startedAt() == null ? "not yet" : Formats.time(run.startedAt())));
        rows.add(new Row("ended", run.endedAt() == null ? "not yet" : Formats.time(run.endedAt())));
        rows.add(new Row("queue wait", queueWait(run)));
        rows.add(new Row("run time", runTime(run)));
        return rows;
    }

    /** Time from queueing to start; while queued, so far; for a run that ended without starting, until its end. */
    static String queueWait(RunRecord run) {
        if (run.createdAt() == null) return "–";
        java.time.Instant until = run.startedAt() != null ? run.startedAt() : run.endedAt();
        String suffix = "";
        if (until == null) {
            until = java.time.Instant.now();
            suffix = " so far";
        } else if (run.startedAt() == null) {
            suffix = " (never started)";
        }
        return Formats.duration(Math.max(0, Duration.between(run.createdAt(), until).toMillis() / 1000.0)) + suffix;
    }

    static String runTime(RunRecord run) {
        if (run.startedAt() == null) return "–";
        return Formats.duration(run.durationSeconds()) + (run.endedAt() == null ? " so far" : "");
    }

    /** The parameters as name/value rows, sorted by name; lists as {@code [a, b]}, numbers exactly as stored. */
    static List<Row> parameters(Map<String, Object> parameters) {
        if (parameters == null) return List.of();
        return parameters.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new Row(e.getKey(), value(e.getValue()))).toList();
    }

    static String value(Object v) {
        if (v == null) return "–";
        if (v instanceof Double || v instanceof Float) return exact(((Number) v).doubleValue());
        if (v instanceof double[] a) return java.util.Arrays.stream(a).mapToObj(Provenance::exact).collect(Collectors.joining(", ", "[", "]"));
        if (v instanceof int[] a) return java.util.Arrays.toString(a);
        if (v instanceof List<?> list) return list.stream().map(Provenance::value).collect(Collectors.joining(", ", "[", "]"));
        return v.toString();
    }

    /** A parameter value exactly as given (0.5, 0.001, 1e-8), not rounded for display: provenance must reproduce the run. */
    static String exact(double v) {
        if (!Double.isFinite(v)) return Formats.number(v);
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e9) return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        return Double.toString(v).replace("E", "e").replace(".0e", "e");
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "–" : s;
    }
}
