package org.physlab.cli.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.physlab.server.json.Json;
import org.physlab.store.RunRecord;
import org.physlab.store.RunStatus;

class RunResultTest {

    static RunRecord record(String id, RunStatus status, Map<String, Object> parameters, Map<String, Double> summary,
                            String error) {
        return new RunRecord(id, "pendulum.period", "physlab.pendulum", "1.2.0", parameters, 42L, status,
                Instant.parse("2025-03-01T12:00:00Z"), Instant.parse("2025-03-01T12:00:01Z"),
                Instant.parse("2025-03-01T12:00:03.250Z"), error, "CPU", "lab1", "ada", List.of(), "", 1.0, "",
                summary, "p1");
    }

    @Test
    void theJsonHasExactlyTheDocumentedFieldsInOrder() throws Exception {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("length", 2.0);
        params.put("hidden", List.of(100L, 100L));
        Map<String, Double> summary = new LinkedHashMap<>();
        summary.put("period", 2.8375);
        summary.put("error", 1e-6);
        String json = Json.compact(RunResult.of(record("r-1", RunStatus.SUCCEEDED, params, summary, null)));
        assertTrue(!json.contains("\n"), "one line");
        JsonNode j = Json.mapper().readTree(json);
        List<String> fields = new ArrayList<>();
        j.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("runId", "experiment", "plugin", "pluginVersion", "status", "seed", "parameters",
                "summary", "durationSeconds", "error"), fields);
        assertEquals("r-1", j.get("runId").asText());
        assertEquals("SUCCEEDED", j.get("status").asText());
        assertEquals(42, j.get("seed").asLong());
        assertEquals("[100,100]", j.get("parameters").get("hidden").toString());
        assertEquals(2.8375, j.get("summary").get("period").asDouble());
        assertEquals(2.25, j.get("durationSeconds").asDouble());
        assertTrue(j.get("error").isNull());
    }

    @Test
    void theTextNamesStatusProvenanceMetricsAndError() {
        String ok = RunResult.of(record("r-1", RunStatus.SUCCEEDED, Map.of(), Map.of("period", 2.8375), null)).text();
        assertEquals("""
                run r-1 SUCCEEDED in 2.25 s
                  pendulum.period (physlab.pendulum 1.2.0), seed 42
                  period  2.8375
                """, ok);
        String failed = RunResult.of(record("r-2", RunStatus.FAILED, Map.of(), Map.of(), "metric 'loss' became NaN\n at step 3")).text();
        assertTrue(failed.contains("  error: metric 'loss' became NaN at step 3\n"), failed);
    }
}
