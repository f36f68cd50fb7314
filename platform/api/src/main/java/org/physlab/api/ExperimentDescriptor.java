package org.physlab.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What an experiment is: a stable id, a title, a description, the papers it implements and the
 * parameters it takes. The plugin's id and version come from its bundle manifest.
 *
 * @param id          stable id {@code plugin.name}, lower case, e.g. {@code oscillator.curve-mlp};
 *                    scripts outside Physlab call experiments by it, so never change it
 * @param title       a short human title
 * @param description a paragraph for the UI and {@code physlab describe}
 * @param references  the papers, lectures or notebooks the experiment implements
 * @param parameters  the typed parameter schema
 * @param goals       which way each metric improves, for metrics whose lower value is not the better
 *                    one (see {@link #goalOf}); since 1.1
 */
public record ExperimentDescriptor(String id, String title, String description,
                                   List<Reference> references, ParameterSchema parameters,
                                   Map<String, MetricGoal> goals) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*(\\.[a-z0-9][a-z0-9-]*)+");

    public ExperimentDescriptor {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("experiment id '" + id
                    + "' must look like 'plugin.name' (lower-case letters, digits, '-', dots between parts)");
        }
        title = title == null || title.isBlank() ? id : title;
        description = description == null ? "" : description;
        references = List.copyOf(references == null ? List.of() : references);
        parameters = parameters == null ? ParameterSchema.builder().build() : parameters;
        goals = goals == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(goals));
    }

    /** A descriptor whose metrics all improve downwards (the 1.0 form). */
    public ExperimentDescriptor(String id, String title, String description, List<Reference> references,
                                ParameterSchema parameters) {
        this(id, title, description, references, parameters, Map.of());
    }

    /** Which way the metric improves: as declared with {@link Builder#goal}, else {@link MetricGoal#MINIMIZE}. */
    public MetricGoal goalOf(String metricKey) {
        return goals.getOrDefault(metricKey, MetricGoal.MINIMIZE);
    }

    /** The part of the id before the first dot, e.g. {@code oscillator}. */
    public String namespace() {
        return id.substring(0, id.indexOf('.'));
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** Builds a descriptor; only the id is required. */
    public static final class Builder {
        private final String id;
        private String title;
        private String description;
        private final List<Reference> references = new ArrayList<>();
        private ParameterSchema parameters;
        private final Map<String, MetricGoal> goals = new LinkedHashMap<>();

        private Builder(String id) {
            this.id = id;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder reference(Reference reference) {
            references.add(Objects.requireNonNull(reference));
            return this;
        }

        public Builder reference(String citation, String url) {
            return reference(new Reference(citation, url));
        }

        public Builder parameters(ParameterSchema parameters) {
            this.parameters = parameters;
            return this;
        }

        /** Declares which way a metric improves, e.g. {@code goal("accuracy", MetricGoal.MAXIMIZE)}. */
        public Builder goal(String metricKey, MetricGoal goal) {
            goals.put(Objects.requireNonNull(metricKey, "metricKey"), Objects.requireNonNull(goal, "goal"));
            return this;
        }

        public ExperimentDescriptor build() {
            return new ExperimentDescriptor(id, title, description, references, parameters, goals);
        }
    }
}
