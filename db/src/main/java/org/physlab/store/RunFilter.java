package org.physlab.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SQL of a {@link RunQuery} over {@code runs r}: the joins its sort needs, the WHERE clause and the
 * ORDER BY, with their parameters in the order they appear.
 */
final class RunFilter {

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> whereValues = new ArrayList<>();
    private final List<String> description = new ArrayList<>();
    private String join = "";
    private final List<Object> joinValues = new ArrayList<>();
    private String orderBy = RunTable.NEWEST_FIRST;

    private RunFilter() { }

    /** The filter of a query; throws {@link IllegalArgumentException} for a null query or a negative page. */
    static RunFilter of(RunQuery query) {
        if (query == null) {
            throw new IllegalArgumentException("a run query is required (RunQuery.all() for every run)");
        }
        if (query.offset() < 0 || query.limit() < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative, were "
                    + query.offset() + " and " + query.limit());
        }
        RunFilter filter = new RunFilter();
        filter.add("r.experiment_id = ?", "experiment", query.experimentId());
        filter.add("r.status = ?", "status", query.status() == null ? null : query.status().name());
        filter.add("EXISTS (SELECT 1 FROM run_tags t WHERE t.run_id = r.id AND t.tag = ?)", "tag", query.tag());
        filter.add("r.user_name = ?", "user", query.user());
        for (RunQuery.ParameterFilter p : query.parameterFilters()) {
            Double number = p.number();
            if (number == null) {
                filter.add("EXISTS (SELECT 1 FROM run_parameters p WHERE p.run_id = r.id AND p.name = ? "
                        + "AND p.text_value = ?)", p.toString(), p.name(), p.value());
            } else {
                filter.add("EXISTS (SELECT 1 FROM run_parameters p WHERE p.run_id = r.id AND p.name = ? "
                        + "AND (p.num_value = ? OR p.num_value IS NULL AND p.text_value = ?))",
                        p.toString(), p.name(), number, p.value());
            }
        }
        for (RunQuery.MetricRange m : query.metricRanges()) {
            StringBuilder condition = new StringBuilder("EXISTS (SELECT 1 FROM metric_series s WHERE s.run_id = r.id "
                    + "AND s.metric_key = ? AND s.point_count > 0");
            List<Object> values = new ArrayList<>(List.of(m.key()));
            if (m.min() != null) {
                condition.append(" AND s.last_value >= ?");
                values.add(m.min());
            }
            if (m.max() != null) {
                condition.append(" AND s.last_value <= ?");
                values.add(m.max());
            }
            filter.add(condition.append(')').toString(), m.toString(), values.toArray());
        }
        if (query.text() != null) {
            String like = "%" + query.text().toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            filter.add("(LOWER(r.id) LIKE ? ESCAPE '\\' OR LOWER(r.experiment_id) LIKE ? ESCAPE '\\' OR EXISTS "
                    + "(SELECT 1 FROM run_tags t WHERE t.run_id = r.id AND LOWER(t.tag) LIKE ? ESCAPE '\\'))",
                    "text~" + query.text(), like, like, like);
        }
        filter.sort(query.sort());
        return filter;
    }

    private void add(String condition, String name, String value) {
        if (value != null) {
            add(condition, name + "=" + value, (Object) value);
        }
    }

    private void add(String condition, String described, Object... values) {
        conditions.add(condition);
        whereValues.addAll(List.of(values));
        description.add(described);
    }

    private void sort(RunSort sort) {
        String dir = sort.descending() ? " DESC" : " ASC";
        String tie = ", r.created_at DESC, r.id DESC";
        orderBy = switch (sort.field()) {
            case CREATED -> " ORDER BY r.created_at" + dir + ", r.id" + dir;
            case STARTED -> " ORDER BY r.started_at" + dir + " NULLS LAST" + tie;
            // PostgreSQL: the difference of two timestamptz is an interval there too, and orders the same.
            case DURATION -> " ORDER BY (COALESCE(r.ended_at, CURRENT_TIMESTAMP) - r.started_at)" + dir + " NULLS LAST" + tie;
            case EXPERIMENT -> " ORDER BY r.experiment_id" + dir + tie;
            case STATUS -> " ORDER BY r.status" + dir + tie;
            case USER -> " ORDER BY r.user_name" + dir + " NULLS LAST" + tie;
            case METRIC -> {
                join = " LEFT JOIN metric_series sort_m ON sort_m.run_id = r.id AND sort_m.metric_key = ?";
                joinValues.add(sort.key());
                yield " ORDER BY sort_m.last_value" + dir + " NULLS LAST" + tie;
            }
            case PARAMETER -> {
                join = " LEFT JOIN run_parameters sort_p ON sort_p.run_id = r.id AND sort_p.name = ?";
                joinValues.add(sort.key());
                // Runs without the parameter last, then numbers by value, then other values by text.
                yield " ORDER BY CASE WHEN sort_p.run_id IS NULL THEN 1 ELSE 0 END, sort_p.num_value" + dir
                        + " NULLS LAST, sort_p.text_value" + dir + tie;
            }
        };
        if (sort.field() != RunSort.Field.CREATED || !sort.descending()) {
            description.add("sort " + sort);
        }
    }

    /** {@code ""} or {@code " WHERE ... AND ..."}. */
    String where() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** The joins the sort needs, after {@code FROM runs r}; bind with {@link #bindJoin}. */
    String join() {
        return join;
    }

    /** {@code " ORDER BY ..."}, ending with the tie-break. */
    String orderBy() {
        return orderBy;
    }

    /** Binds the join's values from parameter {@code first} on; returns the index of the next free parameter. */
    int bindJoin(PreparedStatement statement, int first) throws SQLException {
        return bind(statement, first, joinValues);
    }

    /** Binds the WHERE clause's values from parameter {@code first} on; returns the index of the next free parameter. */
    int bind(PreparedStatement statement, int first) throws SQLException {
        return bind(statement, first, whereValues);
    }

    private static int bind(PreparedStatement statement, int first, List<Object> values) throws SQLException {
        int i = first;
        for (Object value : values) {
            if (value instanceof Double d) {
                statement.setDouble(i++, d);
            } else {
                statement.setString(i++, (String) value);
            }
        }
        return i;
    }

    @Override
    public String toString() {
        return description.isEmpty() ? "all" : String.join(", ", description);
    }
}
