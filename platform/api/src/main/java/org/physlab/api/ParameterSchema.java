package org.physlab.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The ordered, typed parameters of an experiment, with checks that span several parameters.
 *
 * <pre>{@code
 * ParameterSchema schema = ParameterSchema.builder()
 *         .group("Sweep")
 *         .add(Parameter.real("omegaStart").defaultValue(-4.0))
 *         .add(Parameter.real("omegaStop").defaultValue(4.0))
 *         .constraint(p -> p.getDouble("omegaStop") > p.getDouble("omegaStart") ? null
 *                 : FieldError.of("omegaStop", "must be above omegaStart"))
 *         .build();
 * Parameters p = schema.validate(Map.of("omegaStop", "2.5"));   // throws InvalidParametersException
 * }</pre>
 */
public final class ParameterSchema {
    private final List<Parameter> parameters;
    private final List<Function<Parameters, FieldError>> constraints;

    private ParameterSchema(List<Parameter> parameters, List<Function<Parameters, FieldError>> constraints) {
        this.parameters = List.copyOf(parameters);
        this.constraints = List.copyOf(constraints);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The parameters in the order forms and {@code physlab describe} show them. */
    public List<Parameter> parameters() {
        return parameters;
    }

    public Optional<Parameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The values every run gets when it sets nothing (required parameters are absent). */
    public Map<String, Object> defaults() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Parameter p : parameters) if (!p.required()) m.put(p.name(), p.defaultValue());
        return Collections.unmodifiableMap(m);
    }

    /**
     * Parses and checks user input. Values may be text as typed on a command line ({@code "0.5"},
     * {@code "1,2,3"}, {@code "true"}) or JSON-like Java values (numbers, booleans, lists).
     * Unset parameters take their defaults.
     *
     * @throws InvalidParametersException listing every problem at once: unknown names, unparsable
     *         values, values out of range, missing required values and failed cross-parameter checks
     */
    public Parameters validate(Map<String, ?> input) {
        Map<String, ?> raw = input == null ? Map.of() : input;
        List<FieldError> errors = new ArrayList<>();
        for (String key : raw.keySet()) {
            if (parameter(key).isEmpty()) {
                errors.add(FieldError.of(key, "unknown parameter" + (parameters.isEmpty() ? " (this experiment takes none)"
                        : "; known: " + String.join(", ", parameters.stream().map(Parameter::name).toList()))));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            Object value;
            if (raw.containsKey(p.name()) && raw.get(p.name()) != null) {
                try {
                    value = ParameterValues.parse(p.type(), raw.get(p.name()));
                } catch (IllegalArgumentException e) {
                    errors.add(FieldError.of(p.name(), e.getMessage()));
                    continue;
                }
            } else if (p.required()) {
                errors.add(FieldError.of(p.name(), "is required"));
                continue;
            } else {
                value = p.defaultValue();
            }
            String problem;
            try {
                problem = p.problemWith(value);
            } catch (RuntimeException e) {
                problem = "could not be checked: " + e;
            }
            if (problem != null) {
                errors.add(FieldError.of(p.name(), problem));
            } else {
                values.put(p.name(), value);
            }
        }
        if (errors.isEmpty()) {
            Parameters parsed = new Parameters(values);
            for (Function<Parameters, FieldError> c : constraints) {
                FieldError e;
                try {
                    e = c.apply(parsed);
                } catch (RuntimeException ex) {
                    e = FieldError.of("*", "check failed: " + ex.getMessage());
                }
                if (e != null) errors.add(e);
            }
            if (errors.isEmpty()) return parsed;
        }
        throw new InvalidParametersException(errors);
    }

    /** Builds a schema. Parameters added after {@link #group(String)} belong to that group unless they name their own. */
    public static final class Builder {
        private final List<Parameter> parameters = new ArrayList<>();
        private final List<Function<Parameters, FieldError>> constraints = new ArrayList<>();
        private String group = "";

        private Builder() { }

        public Builder group(String group) {
            this.group = group == null ? "" : group;
            return this;
        }

        public Builder add(Parameter.Builder parameter) {
            Parameter p = parameter.build();
            if (p.group().isEmpty() && !group.isEmpty()) {
                p = new Parameter(p.name(), p.type(), p.defaultValue(), p.min(), p.max(), p.minLength(),
                        p.choices(), p.unit(), p.help(), group, p.check());
            }
            return add(p);
        }

        public Builder add(Parameter parameter) {
            Objects.requireNonNull(parameter);
            if (parameters.stream().anyMatch(q -> q.name().equals(parameter.name()))) {
                throw new IllegalArgumentException("duplicate parameter '" + parameter.name() + "'");
            }
            parameters.add(parameter);
            return this;
        }

        /**
         * A check across parameters, run once every parameter is valid on its own. It returns the
         * error (naming the parameter to fix) or {@code null}.
         */
        public Builder constraint(Function<Parameters, FieldError> constraint) {
            constraints.add(Objects.requireNonNull(constraint));
            return this;
        }

        public ParameterSchema build() {
            return new ParameterSchema(parameters, constraints);
        }
    }
}
