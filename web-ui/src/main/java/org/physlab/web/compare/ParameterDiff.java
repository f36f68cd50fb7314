package org.physlab.web.compare;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.physlab.store.RunRecord;

/**
 * Which parameters of a set of runs differ: one {@link ParameterRow} per parameter name of any run
 * (the union, so runs of different experiments can be compared), after the provenance rows
 * experiment, plugin version, seed and backend.
 *
 * <p>Values are compared as they read: a whole number stored as {@code 3} and as {@code 3.0} is the
 * same value, lists compare element by element, and a parameter one run lacks differs from every value.
 */
public final class ParameterDiff {
    private ParameterDiff() { }

    /** The rows for {@code runs} (provenance first, then parameters in the order they first appear). */
    public static List<ParameterRow> rows(List<RunRecord> runs) {
        List<ParameterRow> rows = new ArrayList<>();
        rows.add(provenance("experiment", runs, RunRecord::experimentId));
        rows.add(provenance("plugin version", runs, r -> r.pluginId() + " " + r.pluginVersion()));
        rows.add(provenance("seed", runs, r -> Long.toString(r.seed())));
        rows.add(provenance("backend", runs, RunRecord::backend));
        Set<String> names = new LinkedHashSet<>();
        for (RunRecord run : runs) names.addAll(run.parameters().keySet());
        for (String name : names) {
            List<String> values = new ArrayList<>();
            for (RunRecord run : runs) {
                Map<String, Object> parameters = run.parameters();
                values.add(parameters.containsKey(name) ? display(parameters.get(name)) : null);
            }
            rows.add(new ParameterRow(name, values, differs(values), false));
        }
        return rows;
    }

    private static ParameterRow provenance(String name, List<RunRecord> runs, Function<RunRecord, String> value) {
        List<String> values = runs.stream().map(value).toList();
        return new ParameterRow(name, values, differs(values), true);
    }

    private static boolean differs(List<String> values) {
        return new HashSet<>(values.stream().map(v -> Objects.requireNonNullElse(v, "\u0000missing")).toList()).size() > 1;
    }

    /**
     * A parameter value as the table shows it: numbers exactly and without exponent noise
     * ({@code 1.0E-4} reads {@code 0.0001}, {@code 3.0} reads {@code 3}), lists as {@code [a, b]}.
     */
    public static String display(Object value) {
        if (value == null) return "null";
        if (value instanceof Double d) return number(d);
        if (value instanceof Float f) return number(f.doubleValue());
        if (value instanceof Number n) return n.toString();
        if (value instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            for (Object item : list) parts.add(display(item));
            return "[" + String.join(", ", parts) + "]";
        }
        return value.toString();
    }

    private static String number(double d) {
        if (Double.isNaN(d)) return "NaN";
        if (Double.isInfinite(d)) return d > 0 ? "∞" : "-∞";
        BigDecimal exact = BigDecimal.valueOf(d).stripTrailingZeros();
        int magnitude = exact.precision() - exact.scale() - 1;
        return magnitude < -6 || magnitude > 15 ? exact.toString() : exact.toPlainString();
    }
}
