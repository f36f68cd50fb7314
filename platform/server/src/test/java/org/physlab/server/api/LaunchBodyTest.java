package org.physlab.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.physlab.runtime.runs.LaunchRequest;
import org.physlab.server.json.Json;

class LaunchBodyTest {

    private static LaunchRequest parse(String json) throws Exception {
        return LaunchBody.parse(Json.mapper().readTree(json), "ada");
    }

    private static String error(String json) {
        ApiException e = assertThrows(ApiException.class, () -> parse(json));
        assertEquals(400, e.status());
        return e.getMessage();
    }

    @Test
    void aFullBodyBecomesALaunchRequest() throws Exception {
        LaunchRequest r = parse("""
                {"experiment": "oscillator.response", "parameters": {"gamma": 0.5, "hidden": [100, 100], "solver": "rk4"},
                 "seed": 42, "tags": ["sweep", "sweep", " baseline "], "notes": "first try", "timeLimitSeconds": 1.5}""");
        assertEquals("oscillator.response", r.experimentId());
        assertEquals(0.5, r.parameters().get("gamma"));
        assertEquals(List.of(100, 100), r.parameters().get("hidden"));
        assertEquals("rk4", r.parameters().get("solver"));
        assertEquals(42L, r.seed());
        assertEquals(List.of("sweep", "baseline"), r.tags());
        assertEquals("first try", r.notes());
        assertEquals("ada", r.user());
        assertEquals(Duration.ofMillis(1500), r.timeLimit());
    }

    @Test
    void onlyTheExperimentIsRequired() throws Exception {
        LaunchRequest r = parse("{\"experiment\": \"a.b\"}");
        assertEquals(Map.of(), r.parameters());
        assertNull(r.seed());
        assertNull(r.timeLimit());
        assertEquals(List.of(), r.tags());
    }

    @Test
    void aSeedBeyondJavaScriptPrecisionMayComeAsAString() throws Exception {
        assertEquals(9_007_199_254_740_993L, parse("{\"experiment\": \"a.b\", \"seed\": \"9007199254740993\"}").seed());
    }

    @Test
    void mistakesAreNamed() {
        assertTrue(error("{}").contains("'experiment'"));
        assertTrue(error("[1]").contains("JSON object"));
        assertTrue(error("{\"experiment\": \"a.b\", \"sead\": 1}").contains("unknown field 'sead'"));
        assertTrue(error("{\"experiment\": \"a.b\", \"seed\": 1.5}").contains("'seed'"));
        assertTrue(error("{\"experiment\": \"a.b\", \"seed\": \"many\"}").contains("'seed'"));
        assertTrue(error("{\"experiment\": \"a.b\", \"parameters\": [1]}").contains("'parameters'"));
        assertTrue(error("{\"experiment\": \"a.b\", \"tags\": \"x\"}").contains("'tags'"));
        assertTrue(error("{\"experiment\": \"a.b\", \"tags\": [\"\"]}").contains("tag"));
        assertTrue(error("{\"experiment\": \"a.b\", \"timeLimitSeconds\": 0}").contains("'timeLimitSeconds'"));
        assertTrue(error("{\"experiment\": \"a.b\", \"notes\": 3}").contains("'notes'"));
    }
}
