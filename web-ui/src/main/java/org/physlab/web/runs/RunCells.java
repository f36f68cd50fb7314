package org.physlab.web.runs;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.physlab.store.RunStatus;
import org.physlab.web.Formats;

/** The text of the Runs grid's cells: parameters compactly, statuses and their colours. */
public final class RunCells {
    private RunCells() { }

    /**
     * Parameters as {@code name=value} pairs joined by " · ", numbers as {@link Formats#number}, lists in
     * brackets; cut at about {@code maxChars} with "…" (the full text goes in the tooltip).
     */
    public static String parameters(Map<String, Object> parameters, int maxChars) {
        String all = parameters(parameters);
        return all.length() <= maxChars ? all : all.substring(0, Math.max(0, maxChars - 1)).stripTrailing() + "…";
    }

    /**
     * The parameters that tell runs apart: those set away from the experiment's defaults first (as
     * {@code name=value}), then the rest. {@code defaults} may be empty (plugin no longer installed).
     */
    public static Map<String, Object> keyParametersFirst(Map<String, Object> parameters, Map<String, Object> defaults) {
        Map<String, Object> ordered = new java.util.LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            if (!sameValue(value, defaults.get(name))) ordered.put(name, value);
        });
        parameters.forEach(ordered::putIfAbsent);
        return ordered;
    }

    /** The number of leading entries of {@link #keyParametersFirst} that differ from the defaults. */
    public static long changedFromDefaults(Map<String, Object> parameters, Map<String, Object> defaults) {
        return parameters.entrySet().stream().filter(e -> !sameValue(e.getValue(), defaults.get(e.getKey()))).count();
    }

    private static boolean sameValue(Object stored, Object defaultValue) {
        if (defaultValue == null) return false;
        if (stored instanceof Number a && defaultValue instanceof Number b) return a.doubleValue() == b.doubleValue();
        if (stored instanceof List<?> a && defaultValue instanceof List<?> b && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) if (!sameValue(a.get(i), b.get(i))) return false;
            return true;
        }
        if (stored instanceof List<?> a && defaultValue instanceof double[] b) {
            return sameValue(a, java.util.Arrays.stream(b).boxed().toList());
        }
        if (stored instanceof List<?> a && defaultValue instanceof int[] b) {
            return sameValue(a, java.util.Arrays.stream(b).boxed().toList());
        }
        return String.valueOf(stored).equals(String.valueOf(defaultValue));
    }

    /** Every parameter as {@code name=value}, joined by " · ". */
    public static String parameters(Map<String, Object> parameters) {
        StringJoiner text = new StringJoiner(" · ");
        parameters.forEach((name, value) -> text.add(name + "=" + value(value)));
        return text.toString();
    }

    static String value(Object value) {
        if (value instanceof Number n) {
            return Formats.number(n.doubleValue());
        }
        if (value instanceof List<?> list) {
            StringJoiner items = new StringJoiner(",", "[", "]");
            list.forEach(v -> items.add(value(v)));
            return items.toString();
        }
        return String.valueOf(value);
    }

    /** The Lumo colour family of a status badge: success, error, primary (active) or contrast. */
    public static String colour(RunStatus status) {
        return switch (status) {
            case SUCCEEDED -> "success";
            case FAILED -> "error";
            case RUNNING, QUEUED -> "primary";
            case CANCELLED, INTERRUPTED -> "contrast";
        };
    }

    /** The status, with the progress of a running run: "RUNNING 45%". */
    public static String status(RunStatus status, double progress) {
        return status == RunStatus.RUNNING ? status.name() + " " + Math.round(progress * 100) + "%" : status.name();
    }
}
