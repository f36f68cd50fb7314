package org.physlab.cli.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.physlab.store.MetricStats;
import org.physlab.store.RunRecord;

/**
 * Runs side by side, as {@code physlab compare} shows them: the parameters in which they differ,
 * their summaries and the last value of every metric series. This record is also its {@code --json} form.
 *
 * @param runs                 the runs compared, in the order given
 * @param differentParameters  parameter name to one value per run (null where a run lacks it), only where they differ
 * @param sameParameters       parameters every run set to the same value
 * @param summary              summary metric to one value per run (null where a run has none)
 * @param finalMetrics         metric series key to its last value per run (null where a run did not log it)
 */
public record RunComparison(List<RunHeader> runs, Map<String, List<Object>> differentParameters,
                            Map<String, Object> sameParameters, Map<String, List<Double>> summary,
                            Map<String, List<Double>> finalMetrics) {

    /** Who a column is. */
    public record RunHeader(String id, String experiment, String pluginVersion, String status, long seed) { }

    /**
     * @param stats each run's metric statistics, by run id
     */
    public static RunComparison of(List<RunRecord> runs, Map<String, Map<String, MetricStats>> stats) {
        List<RunHeader> headers = runs.stream()
                .map(r -> new RunHeader(r.id(), r.experimentId(), r.pluginVersion(), r.status().name(), r.seed()))
                .toList();
        Set<String> names = new LinkedHashSet<>();
        runs.forEach(r -> names.addAll(r.parameters().keySet()));
        Map<String, List<Object>> different = new LinkedHashMap<>();
        Map<String, Object> same = new LinkedHashMap<>();
        for (String name : names) {
            List<Object> values = new ArrayList<>();
            runs.forEach(r -> values.add(r.parameters().get(name)));
            boolean allSame = values.stream().allMatch(v -> Objects.deepEquals(v, values.get(0)))
                    && runs.stream().allMatch(r -> r.parameters().containsKey(name));
            if (allSame) same.put(name, values.get(0));
            else different.put(name, values);
        }
        Set<String> summaryKeys = new LinkedHashSet<>();
        runs.forEach(r -> summaryKeys.addAll(r.summary().keySet()));
        Map<String, List<Double>> summary = new LinkedHashMap<>();
        for (String k : summaryKeys) {
            List<Double> values = new ArrayList<>();
            runs.forEach(r -> values.add(r.summary().get(k)));
            summary.put(k, values);
        }
        Set<String> metricKeys = new java.util.TreeSet<>();
        runs.forEach(r -> metricKeys.addAll(stats.getOrDefault(r.id(), Map.of()).keySet()));
        Map<String, List<Double>> metrics = new LinkedHashMap<>();
        for (String k : metricKeys) {
            List<Double> values = new ArrayList<>();
            for (RunRecord r : runs) {
                MetricStats s = stats.getOrDefault(r.id(), Map.of()).get(k);
                values.add(s == null ? null : s.last());
            }
            metrics.put(k, values);
        }
        return new RunComparison(headers, different, same, summary, metrics);
    }

    /**
     * The side-by-side table.
     *
     * @param showSame whether to list the parameters all runs share, too
     */
    public String text(boolean showSame) {
        int n = runs.size();
        String[] header = new String[n + 1];
        header[0] = "";
        for (int i = 0; i < n; i++) header[i + 1] = runs.get(i).id();
        StringBuilder b = new StringBuilder();

        TextTable head = new TextTable(header);
        head.row(cells("experiment", runs.stream().map(RunHeader::experiment).toList()));
        head.row(cells("plugin version", runs.stream().map(RunHeader::pluginVersion).toList()));
        head.row(cells("status", runs.stream().map(RunHeader::status).toList()));
        head.row(cells("seed", runs.stream().map(h -> (Object) h.seed()).toList()));
        b.append(head.render());

        b.append('\n').append(differentParameters.isEmpty() ? "Parameters: all the same" : "Parameters that differ").append('\n');
        if (!differentParameters.isEmpty()) {
            TextTable t = new TextTable(blank(n + 1));
            differentParameters.forEach((k, v) -> t.row(cells(k, v)));
            b.append(t.render().indent(2));
        }
        if (showSame && !sameParameters.isEmpty()) {
            b.append("\nParameters that are the same\n");
            TextTable t = new TextTable("", "");
            sameParameters.forEach((k, v) -> t.row(k, Formats.value(v)));
            b.append(t.render().indent(2));
        } else if (!sameParameters.isEmpty() && !differentParameters.isEmpty()) {
            b.append("  (").append(sameParameters.size()).append(" more the same; --all lists them)\n");
        }
        numbers(b, "Summary", summary);
        numbers(b, "Final metric values", finalMetrics);
        return b.toString();
    }

    private void numbers(StringBuilder b, String title, Map<String, List<Double>> rows) {
        if (rows.isEmpty()) return;
        int n = runs.size();
        b.append('\n').append(title).append('\n');
        TextTable t = new TextTable(blank(n + 1));
        for (int i = 1; i <= n; i++) t.alignRight(i);
        rows.forEach((k, v) -> t.row(cells(k, v.stream().map(d -> (Object) (d == null ? null : Formats.number(d))).toList())));
        b.append(t.render().indent(2));
    }

    private static String[] blank(int columns) {
        String[] h = new String[columns];
        java.util.Arrays.fill(h, "");
        return h;
    }

    private static Object[] cells(String first, List<?> values) {
        Object[] c = new Object[values.size() + 1];
        c[0] = first;
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            c[i + 1] = v == null ? "-" : v instanceof String s ? s : Formats.value(v);
        }
        return c;
    }
}
