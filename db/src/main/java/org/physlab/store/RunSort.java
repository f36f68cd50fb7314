package org.physlab.store;

import java.util.Arrays;
import java.util.Locale;

/**
 * The order of a run list: a field, for {@link Field#METRIC} and {@link Field#PARAMETER} the metric key
 * or parameter name, and the direction. Runs that lack the value sorted on (never started, no such
 * metric or parameter) come last in either direction; ties are broken newest first.
 *
 * <p>Written as text (REST, links) as the field's name in lower case, {@code metric:<key>} or
 * {@code param:<name>}, with a leading {@code -} for descending: {@code -created}, {@code metric:loss}.
 */
public record RunSort(Field field, String key, boolean descending) {

    /** What runs can be sorted by. */
    public enum Field {
        CREATED, STARTED, DURATION, EXPERIMENT, STATUS, USER,
        /** The last value of a metric. */
        METRIC,
        /** A parameter's value: numbers by value, before other values by their text. */
        PARAMETER
    }

    /** The default order. */
    public static final RunSort NEWEST_FIRST = new RunSort(Field.CREATED, null, true);

    public RunSort {
        if (field == null) {
            throw new IllegalArgumentException("a sort needs a field");
        }
        boolean keyed = field == Field.METRIC || field == Field.PARAMETER;
        if (keyed && (key == null || key.isBlank())) {
            throw new IllegalArgumentException("sorting by " + field.name().toLowerCase(Locale.ROOT)
                    + " needs a " + (field == Field.METRIC ? "metric key" : "parameter name"));
        }
        key = keyed ? key.trim() : null;
    }

    public static RunSort by(Field field, boolean descending) {
        return new RunSort(field, null, descending);
    }

    public static RunSort byMetric(String key, boolean descending) {
        return new RunSort(Field.METRIC, key, descending);
    }

    public static RunSort byParameter(String name, boolean descending) {
        return new RunSort(Field.PARAMETER, name, descending);
    }

    /**
     * Reads the text form ({@code created}, {@code -duration}, {@code metric:loss}, {@code -param:lr}).
     *
     * @throws IllegalArgumentException saying what is accepted, for anything else
     */
    public static RunSort parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("sort is empty; " + ACCEPTED);
        }
        String t = text.trim();
        boolean descending = t.startsWith("-");
        if (descending || t.startsWith("+")) {
            t = t.substring(1);
        }
        int colon = t.indexOf(':');
        String head = (colon < 0 ? t : t.substring(0, colon)).toLowerCase(Locale.ROOT);
        String key = colon < 0 ? null : t.substring(colon + 1);
        Field field = switch (head) {
            case "metric" -> Field.METRIC;
            case "param", "parameter" -> Field.PARAMETER;
            default -> Arrays.stream(Field.values())
                    .filter(f -> f != Field.METRIC && f != Field.PARAMETER && f.name().equalsIgnoreCase(head))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("cannot sort by '" + text + "'; " + ACCEPTED));
        };
        if ((field == Field.METRIC || field == Field.PARAMETER) == (key == null)) {
            throw new IllegalArgumentException("cannot sort by '" + text + "'; " + ACCEPTED);
        }
        return new RunSort(field, key, descending);
    }

    private static final String ACCEPTED = "use created, started, duration, experiment, status, user, "
            + "metric:<key> or param:<name>, with a leading '-' for descending";

    @Override
    public String toString() {
        String name = switch (field) {
            case METRIC -> "metric:" + key;
            case PARAMETER -> "param:" + key;
            default -> field.name().toLowerCase(Locale.ROOT);
        };
        return (descending ? "-" : "") + name;
    }
}
