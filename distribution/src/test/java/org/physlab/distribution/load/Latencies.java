package org.physlab.distribution.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Response times by endpoint, every sample kept (a load test makes tens of thousands of requests, a
 * few hundred kilobytes), with nearest-rank percentiles: p_q is the smallest sample with at least a
 * fraction q of the samples at or below it, i.e. sorted[⌈q·n⌉ − 1].
 */
final class Latencies {
    private final Map<String, long[]> samples = new TreeMap<>();
    private final Map<String, Integer> counts = new TreeMap<>();

    synchronized void add(String endpoint, long nanos) {
        long[] s = samples.computeIfAbsent(endpoint, e -> new long[1024]);
        int n = counts.getOrDefault(endpoint, 0);
        if (n == s.length) {
            s = Arrays.copyOf(s, 2 * n);
            samples.put(endpoint, s);
        }
        s[n] = nanos;
        counts.put(endpoint, n + 1);
    }

    /** Percentiles of one endpoint, or of all together ({@code endpoint} null), in milliseconds. */
    record Row(String endpoint, int count, double p50, double p95, double p99, double max) { }

    synchronized List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        long[] all = new long[0];
        for (Map.Entry<String, long[]> e : samples.entrySet()) {
            long[] s = Arrays.copyOf(e.getValue(), counts.get(e.getKey()));
            rows.add(row(e.getKey(), s));
            long[] merged = Arrays.copyOf(all, all.length + s.length);
            System.arraycopy(s, 0, merged, all.length, s.length);
            all = merged;
        }
        rows.add(row("all", all));
        return rows;
    }

    synchronized int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    static Row row(String endpoint, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return new Row(endpoint, s.length, percentile(s, 0.50), percentile(s, 0.95), percentile(s, 0.99),
                s.length == 0 ? Double.NaN : s[s.length - 1] / 1e6);
    }

    /** Nearest rank: sorted[⌈q·n⌉ − 1], in milliseconds; NaN without samples. */
    static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) return Double.NaN;
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    /**
     * The rows as a table; with baseline rows (the same endpoints measured without load), their p50 and p99
     * and the ratio p99 / baseline p99 beside each.
     */
    static String table(List<Row> rows, List<Row> baseline) {
        java.util.Map<String, Row> base = new java.util.HashMap<>();
        for (Row r : baseline) base.put(r.endpoint(), r);
        boolean withBase = !base.isEmpty();
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-44s %8s %9s %9s %9s %9s",
                "latency (ms)", "requests", "p50", "p95", "p99", "max"));
        if (withBase) b.append(String.format(Locale.ROOT, " %10s %10s %7s", "base p50", "base p99", "x p99"));
        b.append('\n');
        for (Row r : rows) {
            b.append(String.format(Locale.ROOT, "%-44s %8d %9.1f %9.1f %9.1f %9.1f", r.endpoint(), r.count(), r.p50(),
                    r.p95(), r.p99(), r.max()));
            Row o = base.get(r.endpoint());
            if (withBase && o != null) {
                b.append(String.format(Locale.ROOT, " %10.1f %10.1f %7.1f", o.p50(), o.p99(), r.p99() / o.p99()));
            }
            b.append('\n');
        }
        return b.toString();
    }
}
