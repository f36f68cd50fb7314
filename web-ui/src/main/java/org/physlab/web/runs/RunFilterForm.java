package org.physlab.web.runs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.physlab.store.RunQuery;
import org.physlab.store.RunSort;
import org.physlab.store.RunStatus;

/**
 * What the filter bar of the Runs view holds, as plain values, and the {@link RunQuery} it means.
 * Text the user typed is checked here: {@link #problems()} names each field that cannot be used and
 * why, and {@link #toQuery} leaves such fields out rather than failing the whole list.
 */
public final class RunFilterForm {

    /** Field names used as keys of {@link #problems()}. */
    public static final String PARAMETER = "parameter";
    public static final String METRIC_RANGE = "metric-range";
    public static final String STATUS = "status";

    private String experimentId;
    private RunStatus status;
    private String tag;
    private String parameterText = "";
    private String metricKey;
    private Double metricMin;
    private Double metricMax;
    private String text;
    private final Map<String, String> problems = new LinkedHashMap<>();

    public String experimentId() { return experimentId; }
    public RunStatus status() { return status; }
    public String tag() { return tag; }
    public String parameterText() { return parameterText; }
    public String metricKey() { return metricKey; }
    public Double metricMin() { return metricMin; }
    public Double metricMax() { return metricMax; }
    public String text() { return text; }

    public RunFilterForm experiment(String id) { experimentId = blankToNull(id); return this; }
    public RunFilterForm status(RunStatus s) { status = s; problems.remove(STATUS); return this; }
    public RunFilterForm tag(String t) { tag = blankToNull(t); return this; }
    public RunFilterForm parameters(String t) { parameterText = t == null ? "" : t; return this; }
    public RunFilterForm metric(String key, Double min, Double max) {
        metricKey = blankToNull(key);
        metricMin = min;
        metricMax = max;
        return this;
    }
    public RunFilterForm text(String t) { text = blankToNull(t); return this; }

    /**
     * Sets the filters a link gives: {@code experiment}, {@code status} (any case) and {@code tag}. An
     * unknown status is reported in {@link #problems()} under {@link #STATUS}.
     */
    public RunFilterForm fromLink(Map<String, List<String>> query) {
        experiment(first(query, "experiment"));
        tag(first(query, "tag"));
        String s = first(query, "status");
        status = null;
        if (s != null) {
            try {
                status = RunStatus.valueOf(s.trim().toUpperCase(Locale.ROOT));
                problems.remove(STATUS);
            } catch (IllegalArgumentException e) {
                problems.put(STATUS, "unknown status '" + s + "'; use one of " + List.of(RunStatus.values()));
            }
        }
        return this;
    }

    /** The link's query parameters for the filters that links carry (experiment, status, tag), only those set. */
    public Map<String, String> toLink() {
        Map<String, String> link = new LinkedHashMap<>();
        if (experimentId != null) link.put("experiment", experimentId);
        if (status != null) link.put("status", status.name());
        if (tag != null) link.put("tag", tag);
        return link;
    }

    /** Field → message for each filter that could not be read, as of the last {@link #toQuery}. */
    public Map<String, String> problems() {
        return Map.copyOf(problems);
    }

    /** The query for these filters, sorted as given, first page of {@code limit}; unusable fields are left out. */
    public RunQuery toQuery(RunSort sort, int limit) {
        RunQuery query = new RunQuery(experimentId, status, tag, null, 0, limit).sortedBy(sort).withText(text);
        problems.remove(PARAMETER);
        try {
            for (RunQuery.ParameterFilter p : parseParameters(parameterText)) {
                query = query.withParameter(p.name(), p.value());
            }
        } catch (IllegalArgumentException e) {
            problems.put(PARAMETER, e.getMessage());
        }
        problems.remove(METRIC_RANGE);
        if (metricKey != null && (metricMin != null || metricMax != null)) {
            try {
                query = query.withMetricRange(metricKey, metricMin, metricMax);
            } catch (IllegalArgumentException e) {
                problems.put(METRIC_RANGE, "min must not be greater than max");
            }
        } else if (metricKey == null && (metricMin != null || metricMax != null)) {
            problems.put(METRIC_RANGE, "choose the metric the range is for");
        }
        return query;
    }

    /**
     * Reads {@code name=value} filters, several separated by {@code ;} or by commas outside brackets:
     * {@code epochs=200, hidden=[64,64]; activation=tanh}. Blank text means no filter.
     *
     * @throws IllegalArgumentException saying which part is not {@code name=value}
     */
    public static List<RunQuery.ParameterFilter> parseParameters(String text) {
        List<RunQuery.ParameterFilter> filters = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return filters;
        }
        for (String part : splitTopLevel(text)) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = eq < 0 ? "" : part.substring(0, eq).trim();
            String value = eq < 0 ? "" : part.substring(eq + 1).trim();
            if (eq < 0 || name.isEmpty() || value.isEmpty()) {
                throw new IllegalArgumentException("'" + part.trim() + "' is not name=value (e.g. epochs=200)");
            }
            filters.add(new RunQuery.ParameterFilter(name, value));
        }
        return filters;
    }

    private static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char ch : text.toCharArray()) {
            if (ch == '[' || ch == '{') depth++;
            if (ch == ']' || ch == '}') depth = Math.max(0, depth - 1);
            if (ch == ';' || ch == ',' && depth == 0) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(ch);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : blankToNull(values.get(0));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
