package org.physlab.store;

import java.util.ArrayList;
import java.util.List;

/**
 * A filter over runs, a sort and a page; {@code null} fields and empty lists do not filter. Every
 * filter must hold for a run to match.
 *
 * @param experimentId     exact experiment id, or {@code null}
 * @param status           exact status, or {@code null}
 * @param tag              runs carrying this tag, or {@code null}
 * @param user             runs of this user, or {@code null}
 * @param parameterFilters runs whose parameter equals the value (see {@link ParameterFilter})
 * @param metricRanges     runs whose metric's last value lies in the range (see {@link MetricRange})
 * @param sort             the order of the results; {@code null} means {@link RunSort#NEWEST_FIRST}
 * @param text             runs whose id, experiment id or one of whose tags contains this text,
 *                         ignoring case; {@code null} or blank does not filter
 */
public record RunQuery(String experimentId, RunStatus status, String tag, String user, int offset, int limit,
                       List<ParameterFilter> parameterFilters, List<MetricRange> metricRanges, RunSort sort,
                       String text) {

    public RunQuery {
        parameterFilters = List.copyOf(parameterFilters == null ? List.of() : parameterFilters);
        metricRanges = List.copyOf(metricRanges == null ? List.of() : metricRanges);
        sort = sort == null ? RunSort.NEWEST_FIRST : sort;
        text = text == null || text.isBlank() ? null : text.trim();
    }

    /** A query by experiment, status, tag and user, newest first. */
    public RunQuery(String experimentId, RunStatus status, String tag, String user, int offset, int limit) {
        this(experimentId, status, tag, user, offset, limit, List.of(), List.of(), RunSort.NEWEST_FIRST, null);
    }

    /** Every run, newest first, the first 1000. */
    public static RunQuery all() {
        return new RunQuery(null, null, null, null, 0, 1000);
    }

    public RunQuery withExperiment(String e) {
        return new RunQuery(e, status, tag, user, offset, limit, parameterFilters, metricRanges, sort, text);
    }

    public RunQuery withStatus(RunStatus s) {
        return new RunQuery(experimentId, s, tag, user, offset, limit, parameterFilters, metricRanges, sort, text);
    }

    public RunQuery withTag(String t) {
        return new RunQuery(experimentId, status, t, user, offset, limit, parameterFilters, metricRanges, sort, text);
    }

    public RunQuery withUser(String u) {
        return new RunQuery(experimentId, status, tag, u, offset, limit, parameterFilters, metricRanges, sort, text);
    }

    public RunQuery page(int offset, int limit) {
        return new RunQuery(experimentId, status, tag, user, offset, limit, parameterFilters, metricRanges, sort, text);
    }

    /** This query, also requiring parameter {@code name} to equal {@code value} (see {@link ParameterFilter}). */
    public RunQuery withParameter(String name, String value) {
        List<ParameterFilter> more = new ArrayList<>(parameterFilters);
        more.add(new ParameterFilter(name, value));
        return new RunQuery(experimentId, status, tag, user, offset, limit, more, metricRanges, sort, text);
    }

    /** This query, also requiring the last value of metric {@code key} in [{@code min}, {@code max}] (either may be null). */
    public RunQuery withMetricRange(String key, Double min, Double max) {
        List<MetricRange> more = new ArrayList<>(metricRanges);
        more.add(new MetricRange(key, min, max));
        return new RunQuery(experimentId, status, tag, user, offset, limit, parameterFilters, more, sort, text);
    }

    public RunQuery sortedBy(RunSort s) {
        return new RunQuery(experimentId, status, tag, user, offset, limit, parameterFilters, metricRanges, s, text);
    }

    public RunQuery withText(String t) {
        return new RunQuery(experimentId, status, tag, user, offset, limit, parameterFilters, metricRanges, sort, t);
    }

    /**
     * Runs whose top-level parameter {@code name} equals {@code value}. When the value reads as a number
     * ({@code 200}, {@code 1e-3}) numeric parameters are compared as numbers ({@code 200} matches 200 and
     * 200.0); otherwise, and for text parameters, the text must be equal ({@code tanh}, {@code true}).
     */
    public record ParameterFilter(String name, String value) {
        public ParameterFilter {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a parameter filter needs a parameter name");
            }
            if (value == null) {
                throw new IllegalArgumentException("parameter filter '" + name + "' needs a value");
            }
            name = name.trim();
        }

        /** The value as a number, or null when it is not one. */
        public Double number() {
            String v = value.trim();
            if (v.isEmpty() || !(Character.isDigit(v.charAt(v.length() - 1)) || v.endsWith("."))) {
                return null; // rules out "NaN", "Infinity" and Java's "1d"/"1f" suffixes
            }
            try {
                return Double.valueOf(v);
            } catch (NumberFormatException e) {
                return null;
            }
        }

        @Override
        public String toString() {
            return name + "=" + value;
        }
    }

    /** Runs that logged metric {@code key} and whose last value is ≥ {@code min} and ≤ {@code max} (null: unbounded). */
    public record MetricRange(String key, Double min, Double max) {
        public MetricRange {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("a metric range needs a metric key");
            }
            if (min != null && max != null && min > max) {
                throw new IllegalArgumentException("the range of metric '" + key + "' is empty: min " + min
                        + " is greater than max " + max);
            }
            if (min != null && min.isNaN() || max != null && max.isNaN()) {
                throw new IllegalArgumentException("the range of metric '" + key + "' must not have NaN bounds");
            }
            key = key.trim();
        }

        @Override
        public String toString() {
            return key + " in [" + (min == null ? "" : min) + ":" + (max == null ? "" : max) + "]";
        }
    }
}
