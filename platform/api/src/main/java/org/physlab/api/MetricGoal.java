package org.physlab.api;

/**
 * Which way a metric improves, so that run lists and comparisons can show each run's best value.
 * Metrics an experiment does not declare are taken as {@link #MINIMIZE} (losses, errors).
 */
public enum MetricGoal {
    /** Lower is better: losses, errors, energies. */
    MINIMIZE,
    /** Higher is better: accuracies, correlations, Fisher information. */
    MAXIMIZE;

    /** The better of two values under this goal; a NaN loses to any number. */
    public double better(double a, double b) {
        if (Double.isNaN(a)) return b;
        if (Double.isNaN(b)) return a;
        return this == MINIMIZE ? Math.min(a, b) : Math.max(a, b);
    }
}
