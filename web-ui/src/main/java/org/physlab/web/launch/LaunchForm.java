package org.physlab.web.launch;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.physlab.api.FieldError;
import org.physlab.api.Parameter;
import org.physlab.api.ParameterSchema;
import org.physlab.api.ParameterType;

/**
 * What the launch form shows and sends, without any browser: which widget edits a parameter, what a
 * field shows for a default or a stored run's value, and how the fields' values become the raw
 * parameter map of a {@link org.physlab.runtime.runs.LaunchRequest} (validated by the experiment's
 * {@link ParameterSchema}, just as {@code physlab run --set name=value} is).
 *
 * <pre>{@code
 * Map<String, Object> fields = LaunchForm.defaults(schema);        // what the fields start with
 * fields.put("batches", 500);                                      // the user edits a field
 * LaunchForm.Collected c = LaunchForm.collect(schema, fields);
 * if (c.problems().isEmpty()) lab.runs().submit(new LaunchRequest(id, c.raw(), seed, tags, notes, user, null));
 * }</pre>
 *
 * Field values are of the widget's Java type: {@code Integer} ({@link Widget#INTEGER}), {@code Double}
 * ({@link Widget#NUMBER}), {@code Boolean} ({@link Widget#CHECKBOX}) and {@code String} (the others;
 * lists are written {@code "1, 2, 3"}). {@code null} means an empty field.
 */
public final class LaunchForm {

    /** The kind of input a parameter gets. */
    public enum Widget {
        /** a whole-number field (INT parameters whose bounds fit an {@code int}) */
        INTEGER,
        /** a decimal number field (DOUBLE parameters) */
        NUMBER,
        /** a checkbox (BOOLEAN parameters) */
        CHECKBOX,
        /** a drop-down of the choices (ENUM parameters) */
        CHOICE,
        /** a text field (STRING parameters, and INT parameters whose range exceeds an {@code int}) */
        TEXT,
        /** a text field holding comma-separated numbers (DOUBLE_LIST and INT_LIST parameters) */
        LIST
    }

    /**
     * The raw parameter map to submit, and the problems found before the schema is asked (an empty
     * number or choice field of a parameter that has a default: sending nothing would silently run
     * with the default, which is not what an emptied field says).
     */
    public record Collected(Map<String, Object> raw, List<FieldError> problems) {
        public Collected {
            raw = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(raw));
            problems = List.copyOf(problems);
        }
    }

    /**
     * The fields' values taken from a stored run.
     *
     * @param fieldValues one value per parameter of the current schema
     * @param dropped     parameters the run had that the experiment no longer takes
     * @param defaulted   parameters the experiment takes that the run did not have (they show their defaults)
     */
    public record Prefill(Map<String, Object> fieldValues, List<String> dropped, List<String> defaulted) {
        public Prefill {
            fieldValues = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fieldValues));
            dropped = List.copyOf(dropped);
            defaulted = List.copyOf(defaulted);
        }
    }

    private LaunchForm() { }

    /** The widget that edits {@code p}. */
    public static Widget widgetFor(Parameter p) {
        return switch (p.type()) {
            case INT -> fitsInt(p.min()) && fitsInt(p.max()) ? Widget.INTEGER : Widget.TEXT;
            case DOUBLE -> Widget.NUMBER;
            case BOOLEAN -> Widget.CHECKBOX;
            case ENUM -> Widget.CHOICE;
            case STRING -> Widget.TEXT;
            case DOUBLE_LIST, INT_LIST -> Widget.LIST;
        };
    }

    private static boolean fitsInt(Double bound) {
        return bound == null || (bound >= Integer.MIN_VALUE && bound <= Integer.MAX_VALUE);
    }

    /** Every parameter's field value at its default (empty where the parameter is required). */
    public static Map<String, Object> defaults(ParameterSchema schema) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Parameter p : schema.parameters()) values.put(p.name(), fieldValue(p, p.defaultValue()));
        return values;
    }

    /**
     * The fields' values for a stored run's parameters ({@code RunRecord.parameters()}: numbers as
     * Long/Double, lists as List, as read back from JSON). Parameters the run lacks show their default.
     */
    public static Prefill fromRun(ParameterSchema schema, Map<String, ?> stored) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> defaulted = new ArrayList<>();
        for (Parameter p : schema.parameters()) {
            if (stored.containsKey(p.name()) && stored.get(p.name()) != null) {
                values.put(p.name(), fieldValue(p, stored.get(p.name())));
            } else {
                values.put(p.name(), fieldValue(p, p.defaultValue()));
                defaulted.add(p.name());
            }
        }
        List<String> dropped = stored.keySet().stream().filter(k -> schema.parameter(k).isEmpty()).sorted().toList();
        return new Prefill(values, dropped, defaulted);
    }

    /**
     * What {@code p}'s field shows for {@code value}: a parsed value (Long, Double, Boolean, String,
     * double[], int[]), a stored one (List for lists) or text as typed. {@code null} gives an empty field
     * (an unticked checkbox).
     */
    public static Object fieldValue(Parameter p, Object value) {
        Widget widget = widgetFor(p);
        if (value == null) return widget == Widget.CHECKBOX ? Boolean.FALSE : null;
        return switch (widget) {
            case INTEGER -> {
                if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                        && n.doubleValue() >= Integer.MIN_VALUE && n.doubleValue() <= Integer.MAX_VALUE) {
                    yield n.intValue();
                }
                try {
                    yield Integer.valueOf(String.valueOf(value).trim());
                } catch (NumberFormatException e) {
                    yield null;
                }
            }
            case NUMBER -> {
                if (value instanceof Number n) yield n.doubleValue();
                try {
                    yield Double.valueOf(String.valueOf(value).trim());
                } catch (NumberFormatException e) {
                    yield null;
                }
            }
            case CHECKBOX -> value instanceof Boolean b ? b : Boolean.valueOf(String.valueOf(value).trim());
            case CHOICE -> String.valueOf(value);
            case TEXT -> value instanceof Number n ? number(n) : String.valueOf(value);
            case LIST -> listText(value);
        };
    }

    /**
     * The raw parameter map for the fields' values, and the empty fields that need a value. A required
     * parameter with an empty field is left out (the schema then says it "is required"); a text
     * parameter is sent exactly as typed, lists as their text, numbers as numbers.
     */
    public static Collected collect(ParameterSchema schema, Map<String, ?> fieldValues) {
        Map<String, Object> raw = new LinkedHashMap<>();
        List<FieldError> problems = new ArrayList<>();
        for (Parameter p : schema.parameters()) {
            Object v = fieldValues.get(p.name());
            Widget widget = widgetFor(p);
            boolean empty = v == null || (v instanceof String s && s.isBlank() && p.type() != ParameterType.STRING);
            if (widget == Widget.CHECKBOX) {
                raw.put(p.name(), v == null ? Boolean.FALSE : v);
            } else if (empty && p.required()) {
                continue;
            } else if (empty && widget == Widget.LIST) {
                raw.put(p.name(), "");
            } else if (empty) {
                problems.add(FieldError.of(p.name(), "needs a value (the default is "
                        + display(fieldValue(p, p.defaultValue())) + ")"));
            } else {
                raw.put(p.name(), switch (widget) {
                    case INTEGER -> ((Number) v).longValue();
                    case NUMBER -> ((Number) v).doubleValue();
                    case TEXT -> p.type() == ParameterType.STRING ? v.toString() : v.toString().trim();
                    default -> v.toString().trim();
                });
            }
        }
        return new Collected(raw, problems);
    }

    /**
     * Joins two lists of errors, leaving out those of {@code later} for parameters {@code first}
     * already faults, in the schema's order (errors about the whole set, {@code "*"}, and unknown names last).
     */
    public static List<FieldError> merge(ParameterSchema schema, List<FieldError> first, List<FieldError> later) {
        Set<String> named = new HashSet<>();
        List<FieldError> all = new ArrayList<>(first);
        first.forEach(e -> named.add(e.parameter()));
        for (FieldError e : later) if (!named.contains(e.parameter())) all.add(e);
        List<String> order = schema.parameters().stream().map(Parameter::name).toList();
        all.sort(Comparator.comparingInt(e -> {
            int i = order.indexOf(e.parameter());
            return i < 0 ? Integer.MAX_VALUE : i;
        }));
        return all;
    }

    /**
     * The seed typed in the form: {@code null} for a blank field (a fresh random seed).
     *
     * @throws IllegalArgumentException saying what a seed must be
     */
    public static Long parseSeed(String text) {
        if (text == null || text.isBlank()) return null;
        String s = text.trim().replace("_", "");
        try {
            return new BigInteger(s).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("must be a whole number in the 64-bit range, or empty for a random seed;"
                    + " got '" + text.trim() + "'");
        }
    }

    /** The tags typed in the form: comma-separated, trimmed, empty ones and repeats dropped. */
    public static List<String> parseTags(String text) {
        if (text == null) return List.of();
        Set<String> tags = new LinkedHashSet<>();
        for (String t : text.split(",")) {
            if (!t.isBlank()) tags.add(t.trim());
        }
        return List.copyOf(tags);
    }

    /** Tags as the tags field shows them. */
    public static String tagsText(Collection<String> tags) {
        return String.join(", ", tags);
    }

    /**
     * The helper text under a field: its range (or list constraints) and help, e.g.
     * {@code "1 … 10000 · number of Adam steps"} or {@code "at least 1 value, each ≥ 0 · comma-separated"}.
     */
    public static String helperText(Parameter p) {
        StringJoiner parts = new StringJoiner(" · ");
        String range = range(p.min(), p.max());
        switch (p.type()) {
            case INT, DOUBLE -> {
                if (!range.isEmpty()) parts.add(range);
            }
            case DOUBLE_LIST, INT_LIST -> {
                StringJoiner list = new StringJoiner(", ");
                if (p.minLength() > 0) list.add("at least " + p.minLength() + (p.minLength() == 1 ? " value" : " values"));
                if (!range.isEmpty()) list.add("each " + range);
                list.add("comma-separated" + (p.type() == ParameterType.INT_LIST ? " whole numbers" : ""));
                parts.add(list.toString());
            }
            case STRING -> {
                if (p.minLength() > 1) parts.add("at least " + p.minLength() + " characters");
            }
            default -> { }
        }
        if (p.required()) parts.add("required");
        if (!p.help().isBlank()) parts.add(p.help());
        return parts.toString();
    }

    private static String range(Double min, Double max) {
        if (min != null && max != null) return number(min) + " … " + number(max);
        if (min != null) return "≥ " + number(min);
        if (max != null) return "≤ " + number(max);
        return "";
    }

    /** A number as a user would type it: {@code 100}, {@code 0.001}, {@code 1.0E-7}. */
    public static String number(Number n) {
        if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) return n.toString();
        double d = n.doubleValue();
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        double a = Math.abs(d);
        if (Double.isFinite(d) && a >= 1e-4 && a < 1e15) return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        return Double.toString(d);
    }

    private static String listText(Object value) {
        List<Object> items = new ArrayList<>();
        if (value instanceof double[] d) {
            for (double x : d) items.add(x);
        } else if (value instanceof int[] a) {
            for (int x : a) items.add(x);
        } else if (value instanceof Collection<?> c) {
            items.addAll(c);
        } else if (value instanceof Object[] arr) {
            items.addAll(List.of(arr));
        } else {
            return String.valueOf(value);
        }
        StringJoiner text = new StringJoiner(", ");
        for (Object item : items) text.add(item instanceof Number n ? number(n) : String.valueOf(item).trim());
        return text.toString();
    }

    private static String display(Object fieldValue) {
        if (fieldValue instanceof Number n) return number(n);
        if (fieldValue == null) return "none";
        String text = String.valueOf(fieldValue);
        return text.isEmpty() ? "empty" : text;
    }
}
