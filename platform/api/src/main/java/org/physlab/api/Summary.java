package org.physlab.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The headline metrics of a finished run, in the order they should be shown, e.g.
 * {@code Summary.builder().put("finalLoss", 0.05).put("validationMse", 0.07).build()}.
 * Every value must be finite.
 */
public record Summary(Map<String, Double> metrics) {
    public Summary {
        Objects.requireNonNull(metrics, "metrics");
        for (Map.Entry<String, Double> e : metrics.entrySet()) {
            if (e.getValue() == null || !Double.isFinite(e.getValue())) {
                throw new NonFiniteMetricException(e.getKey(), -1, e.getValue() == null ? Double.NaN : e.getValue());
            }
        }
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    public static Summary empty() {
        return new Summary(Map.of());
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final Map<String, Double> metrics = new LinkedHashMap<>();

        private Builder() { }

        public Builder put(String key, double value) {
            metrics.put(Objects.requireNonNull(key), value);
            return this;
        }

        public Summary build() {
            return new Summary(metrics);
        }
    }
}
