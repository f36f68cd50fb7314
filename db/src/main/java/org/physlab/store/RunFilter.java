package org.physlab.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The WHERE clause of a {@link RunQuery} over {@code runs r}, with its parameters. */
final class RunFilter {

    private final List<String> conditions = new ArrayList<>();
    private final List<String> values = new ArrayList<>();
    private final List<String> description = new ArrayList<>();

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
        return filter;
    }

    private void add(String condition, String name, String value) {
        if (value != null) {
            conditions.add(condition);
            values.add(value);
            description.add(name + "=" + value);
        }
    }

    /** {@code ""} or {@code " WHERE ... AND ..."}. */
    String where() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** Binds the values from parameter {@code first} on; returns the index of the next free parameter. */
    int bind(PreparedStatement statement, int first) throws SQLException {
        int i = first;
        for (String value : values) {
            statement.setString(i++, value);
        }
        return i;
    }

    @Override
    public String toString() {
        return description.isEmpty() ? "all" : String.join(", ", description);
    }
}
