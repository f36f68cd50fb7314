package org.physlab.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One typed parameter of an experiment: name, type, default, bounds, unit, help and group.
 * Create one with the static factories and add it to a {@link ParameterSchema}:
 *
 * <pre>{@code
 * Parameter.real("gamma").defaultValue(0.5).min(0).unit("1/s").help("damping rate").group("Physics")
 * Parameter.integer("bins").defaultValue(50).min(2)
 * Parameter.choice("solver", "euler", "rk4", "tsit5").defaultValue("tsit5")
 * Parameter.integers("hidden").defaultValue(100).minLength(1).min(1)
 * }</pre>
 *
 * @param name         identifier used on the command line ({@code --set name=value}) and in JSON
 * @param type         value type
 * @param defaultValue the default (already of the Java type {@link Parameters} returns), or {@code null} if required
 * @param min          inclusive lower bound for numbers and list elements, or {@code null}
 * @param max          inclusive upper bound for numbers and list elements, or {@code null}
 * @param minLength    for lists, the least number of elements; for strings, the least length
 * @param choices      the allowed values of an {@link ParameterType#ENUM}
 * @param unit         physical unit shown next to the value, or {@code ""}
 * @param help         one or two sentences for forms and {@code physlab describe}
 * @param group        heading under which forms show the parameter, or {@code ""}
 * @param check        an extra check on the parsed value returning an error message or {@code null}
 */
public record Parameter(String name, ParameterType type, Object defaultValue, Double min, Double max,
                        int minLength, List<String> choices, String unit, String help, String group,
                        Function<Object, String> check) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    public Parameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("parameter name '" + name + "' must be an identifier");
        }
        choices = List.copyOf(choices == null ? List.of() : choices);
        if (type == ParameterType.ENUM && choices.isEmpty()) {
            throw new IllegalArgumentException("enum parameter '" + name + "' needs choices");
        }
        unit = unit == null ? "" : unit;
        help = help == null ? "" : help;
        group = group == null ? "" : group;
        if (defaultValue != null) {
            Object parsed;
            try {
                parsed = ParameterValues.parse(type, defaultValue);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("default of '" + name + "': " + e.getMessage(), e);
            }
            defaultValue = parsed;
        }
    }

    /** Whether a value must be given (there is no default). */
    public boolean required() {
        return defaultValue == null;
    }

    /** The problem with {@code value} (already parsed), or {@code null} when it is acceptable. */
    String problemWith(Object value) {
        switch (type) {
            case INT, DOUBLE -> {
                String p = boundProblem(((Number) value).doubleValue(), "");
                if (p != null) return p;
            }
            case ENUM -> {
                if (!choices.contains((String) value)) {
                    return "must be one of " + String.join(", ", choices) + ", got '" + value + "'";
                }
            }
            case STRING -> {
                if (((String) value).length() < minLength) {
                    return minLength == 1 ? "must not be empty" : "must have at least " + minLength + " characters";
                }
            }
            case DOUBLE_LIST, INT_LIST -> {
                int n = value instanceof double[] d ? d.length : ((int[]) value).length;
                if (n < minLength) {
                    return "needs at least " + minLength + (minLength == 1 ? " element" : " elements") + ", got " + n;
                }
                for (int i = 0; i < n; i++) {
                    double v = value instanceof double[] d ? d[i] : ((int[]) value)[i];
                    String p = boundProblem(v, "element " + (i + 1) + " ");
                    if (p != null) return p;
                }
            }
            case BOOLEAN -> { }
        }
        return check == null ? null : check.apply(value);
    }

    private String boundProblem(double v, String what) {
        if (min != null && v < min) return what + "must be at least " + fmt(min) + ", got " + fmt(v);
        if (max != null && v > max) return what + "must be at most " + fmt(max) + ", got " + fmt(v);
        return null;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    // ---- factories -------------------------------------------------------------------------

    public static Builder integer(String name) { return new Builder(name, ParameterType.INT); }

    public static Builder real(String name) { return new Builder(name, ParameterType.DOUBLE); }

    public static Builder bool(String name) { return new Builder(name, ParameterType.BOOLEAN); }

    public static Builder text(String name) { return new Builder(name, ParameterType.STRING); }

    public static Builder reals(String name) { return new Builder(name, ParameterType.DOUBLE_LIST); }

    public static Builder integers(String name) { return new Builder(name, ParameterType.INT_LIST); }

    /** An enumeration; the first choice is the default unless {@link Builder#defaultValue} says otherwise. */
    public static Builder choice(String name, String... choices) {
        Builder b = new Builder(name, ParameterType.ENUM);
        b.choices.addAll(Arrays.asList(choices));
        if (choices.length > 0) b.defaultValue = choices[0];
        return b;
    }

    /** Fluent builder; {@link ParameterSchema.Builder#add(Builder)} builds it. */
    public static final class Builder {
        private final String name;
        private final ParameterType type;
        private Object defaultValue;
        private Double min;
        private Double max;
        private int minLength;
        private final List<String> choices = new ArrayList<>();
        private String unit;
        private String help;
        private String group;
        private Function<Object, String> check;

        private Builder(String name, ParameterType type) {
            this.name = name;
            this.type = type;
        }

        /** The default, as a value of the parameter's type or as the text a user would type. */
        public Builder defaultValue(Object value) { this.defaultValue = value; return this; }

        /** Makes the parameter required: runs without it are rejected. */
        public Builder required() { this.defaultValue = null; return this; }

        public Builder min(double min) { this.min = min; return this; }

        public Builder max(double max) { this.max = max; return this; }

        public Builder range(double min, double max) { this.min = min; this.max = max; return this; }

        public Builder minLength(int n) { this.minLength = n; return this; }

        public Builder unit(String unit) { this.unit = unit; return this; }

        public Builder help(String help) { this.help = help; return this; }

        public Builder group(String group) { this.group = group; return this; }

        /**
         * An extra check on the parsed value ({@code Integer}/{@code Long}, {@code Double}, {@code Boolean},
         * {@code String}, {@code double[]} or {@code int[]}), returning an error message or {@code null}.
         */
        public Builder check(Function<Object, String> check) { this.check = check; return this; }

        public Parameter build() {
            return new Parameter(name, type, defaultValue, min, max, minLength, choices, unit, help, group, check);
        }
    }
}
