package org.physlab.cli.format;

import java.util.List;
import java.util.Map;
import org.physlab.server.json.ArtifactView;
import org.physlab.server.json.RunView;
import org.physlab.store.LogLine;
import org.physlab.store.MetricStats;

/**
 * Everything {@code physlab show} says about one run: provenance, parameters, summary, metric
 * statistics, artifacts and the last log lines. This record is also its {@code --json} form.
 */
public record RunReport(RunView run, List<MetricStats> metrics, List<ArtifactView> artifacts, List<LogLine> logs) {

    public RunReport {
        metrics = List.copyOf(metrics);
        artifacts = List.copyOf(artifacts);
        logs = List.copyOf(logs);
    }

    public String text() {
        RunView r = run;
        StringBuilder b = new StringBuilder();
        b.append("run ").append(r.id()).append('\n');
        TextTable head = new TextTable("", "");
        head.row("experiment", r.experiment());
        head.row("plugin", r.plugin() + " " + r.pluginVersion());
        head.row("status", r.status() + (r.status().equals("RUNNING")
                ? String.format(java.util.Locale.ROOT, " (%.0f%%%s)", r.progress() * 100,
                        r.progressMessage() == null || r.progressMessage().isBlank() ? "" : ", " + r.progressMessage())
                : ""));
        if (r.error() != null && !r.error().isBlank()) head.row("error", r.error());
        head.row("seed", r.seed());
        head.row("created", Formats.time(r.createdAt()));
        head.row("started", Formats.time(r.startedAt()));
        head.row("ended", Formats.time(r.endedAt()));
        head.row("duration", r.startedAt() == null ? "-" : Formats.duration(r.durationSeconds()));
        head.row("backend", r.backend());
        head.row("host", r.host());
        head.row("user", r.user());
        head.row("tags", String.join(", ", r.tags()));
        if (r.notes() != null && !r.notes().isBlank()) head.row("notes", r.notes());
        b.append(head.render().indent(2));

        section(b, "Parameters");
        if (r.parameters().isEmpty()) {
            b.append("  (none)\n");
        } else {
            TextTable t = new TextTable("", "");
            r.parameters().forEach((k, v) -> t.row(k, Formats.value(v)));
            b.append(t.render().indent(2));
        }
        section(b, "Summary");
        if (r.summary().isEmpty()) {
            b.append("  (none)\n");
        } else {
            TextTable t = new TextTable("", "").alignRight(1);
            r.summary().forEach((k, v) -> t.row(k, Formats.number(v)));
            b.append(t.render().indent(2));
        }
        section(b, "Metrics");
        if (metrics.isEmpty()) {
            b.append("  (none)\n");
        } else {
            TextTable t = new TextTable("KEY", "LAST", "AT STEP", "MIN", "MAX", "POINTS")
                    .alignRight(1).alignRight(2).alignRight(3).alignRight(4).alignRight(5);
            for (MetricStats m : metrics) {
                t.row(m.key(), Formats.number(m.last()), m.lastStep(), Formats.number(m.min()), Formats.number(m.max()),
                        m.count());
            }
            b.append(t.render().indent(2));
        }
        section(b, "Artifacts");
        if (artifacts.isEmpty()) {
            b.append("  (none)\n");
        } else {
            TextTable t = new TextTable("NAME", "KIND", "SIZE", "TITLE").alignRight(2);
            for (ArtifactView a : artifacts) t.row(a.name(), a.kind(), bytes(a.size()), a.title());
            b.append(t.render().indent(2));
        }
        section(b, logs.isEmpty() ? "Log" : "Log (last " + logs.size() + " lines)");
        if (logs.isEmpty()) {
            b.append("  (empty)\n");
        } else {
            for (LogLine l : logs) {
                b.append("  ").append(Formats.time(l.time())).append(' ').append(String.format("%-5s", l.level()))
                        .append(' ').append(l.message()).append('\n');
            }
        }
        return b.toString();
    }

    private static void section(StringBuilder b, String title) {
        b.append('\n').append(title).append('\n');
    }

    /** {@code 512 B}, {@code 3.4 KiB}, {@code 12.0 MiB}. */
    static String bytes(long n) {
        if (n < 1024) return n + " B";
        if (n < 1024 * 1024) return String.format(java.util.Locale.ROOT, "%.1f KiB", n / 1024.0);
        return String.format(java.util.Locale.ROOT, "%.1f MiB", n / (1024.0 * 1024));
    }

    /** Metric statistics in key order. */
    public static List<MetricStats> sorted(Map<String, MetricStats> stats) {
        return stats.values().stream().sorted(java.util.Comparator.comparing(MetricStats::key)).toList();
    }
}
