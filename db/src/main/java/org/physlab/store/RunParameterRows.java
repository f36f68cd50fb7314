package org.physlab.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The rows of {@code run_parameters}: one per top-level parameter of a run, read from the run's
 * parameter JSON so that new runs and runs backfilled by the migration get the same rows.
 */
final class RunParameterRows {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One parameter as indexed: its text form and, for numbers, its value. */
    record Row(String name, String text, Double number) { }

    private RunParameterRows() { }

    /** The rows of a run's {@code parameters_json}. */
    static List<Row> of(String parametersJson) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(parametersJson);
        } catch (JsonProcessingException e) {
            throw new StoreException("the stored parameters JSON is not valid: " + e.getOriginalMessage(), e);
        }
        List<Row> rows = new ArrayList<>();
        if (tree == null || !tree.isObject()) {
            return rows;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue;
            }
            if (value.isNumber()) {
                rows.add(new Row(field.getKey(), value.asText(), value.doubleValue()));
            } else if (value.isValueNode()) {
                rows.add(new Row(field.getKey(), value.asText(), null));
            } else {
                rows.add(new Row(field.getKey(), value.toString(), null));
            }
        }
        return rows;
    }

    /** Inserts the rows of one run's parameters. */
    static void insert(Connection c, String runId, String parametersJson) throws SQLException {
        List<Row> rows = of(parametersJson);
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO run_parameters (run_id, name, text_value, num_value) VALUES (?, ?, ?, ?)")) {
            for (Row row : rows) {
                insert.setString(1, runId);
                insert.setString(2, row.name());
                insert.setString(3, row.text());
                if (row.number() == null) {
                    insert.setNull(4, Types.DOUBLE);
                } else {
                    insert.setDouble(4, row.number());
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
