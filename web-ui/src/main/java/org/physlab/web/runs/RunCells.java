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
