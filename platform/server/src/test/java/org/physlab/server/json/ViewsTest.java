package org.physlab.server.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.physlab.api.Experiment;
import org.physlab.api.ExperimentDescriptor;
import org.physlab.api.Parameter;
import org.physlab.api.ParameterSchema;
import org.physlab.api.Summary;
import org.physlab.runtime.plugins.CatalogEntry;
import org.physlab.runtime.plugins.PluginInfo;
import org.physlab.store.RunRecord;
import org.physlab.store.RunStatus;

class ViewsTest {

    static final ExperimentDescriptor PENDULUM = ExperimentDescriptor.builder("pendulum.period")
            .title("Period of a pendulum")
            .description("T = 2 pi sqrt(l/g)")
            .reference("Galileo, Two New Sciences (1638)", "https://example.org/galileo")
            .parameters(ParameterSchema.builder()
                    .group("Physics")
                    .add(Parameter.real("length").defaultValue(1.0).min(1e-3).max(100).unit("m").help("string length"))
                    .add(Parameter.choice("solver", "euler", "rk4").defaultValue("rk4"))
                    .add(Parameter.integers("hidden").defaultValue("100,100").minLength(1).min(1).group("Network"))
                    .add(Parameter.text("label").required())
                    .build())
            .build();

    private static JsonNode tree(Object o) {
        return Json.mapper().valueToTree(o);
    }

    @Test
    void anExperimentCarriesItsPluginReferencesAndFullSchema() {
        Experiment exp = new Experiment() {
            public ExperimentDescriptor descriptor() { return PENDULUM; }
            public Summary run(org.physlab.api.RunContext c) { return Summary.empty(); }
        };
        JsonNode j = tree(ExperimentView.of(new CatalogEntry(PENDULUM, exp, "physlab.pendulum", "1.2.0", 7)));
        assertEquals("pendulum.period", j.get("id").asText());
        assertEquals("physlab.pendulum", j.get("pluginId").asText());
        assertEquals("1.2.0", j.get("pluginVersion").asText());
        assertEquals("https://example.org/galileo", j.get("references").get(0).get("url").asText());

        JsonNode length = j.get("parameters").get(0);
        assertEquals("length", length.get("name").asText());
        assertEquals("double", length.get("type").asText());
        assertEquals(1.0, length.get("default").asDouble());
        assertEquals(0.001, length.get("min").asDouble());
        assertEquals(100.0, length.get("max").asDouble());
        assertEquals("m", length.get("unit").asText());
        assertEquals("string length", length.get("help").asText());
        assertEquals("Physics", length.get("group").asText());
        assertFalse(length.get("required").asBoolean());
        assertFalse(length.has("check"));

        JsonNode solver = j.get("parameters").get(1);
        assertEquals("enum", solver.get("type").asText());
        assertEquals(List.of("euler", "rk4"), List.of(solver.get("choices").get(0).asText(), solver.get("choices").get(1).asText()));

        JsonNode hidden = j.get("parameters").get(2);
        assertEquals("int_list", hidden.get("type").asText());
        assertEquals("[100,100]", hidden.get("default").toString());
        assertEquals(1, hidden.get("minLength").asInt());
        assertEquals("Network", hidden.get("group").asText());

        JsonNode label = j.get("parameters").get(3);
        assertTrue(label.get("required").asBoolean());
        assertTrue(label.get("default").isNull());
        assertTrue(label.get("min").isNull());
    }

    @Test
    void runsWriteInstantsAsIsoStringsAndTheirDuration() {
        RunRecord r = new RunRecord("r1", "pendulum.period", "physlab.pendulum", "1.2.0", Map.of("length", 2.0), 7,
                RunStatus.SUCCEEDED, Instant.parse("2025-03-01T12:00:00Z"), Instant.parse("2025-03-01T12:00:01Z"),
                Instant.parse("2025-03-01T12:00:03.500Z"), null, "CPU", "lab1", "ada", List.of("a"), "",
                1.0, "done", Map.of("period", 2.84), "p1");
        JsonNode j = tree(RunView.of(r));
        assertEquals("2025-03-01T12:00:01Z", j.get("startedAt").asText());
        assertEquals(2.5, j.get("durationSeconds").asDouble());
        assertEquals("pendulum.period", j.get("experiment").asText());
        assertEquals("physlab.pendulum", j.get("plugin").asText());
        assertEquals("SUCCEEDED", j.get("status").asText());
        assertEquals(2.84, j.get("summary").get("period").asDouble());
        assertTrue(j.get("error").isNull());
    }

    @Test
    void pluginsWriteTheirFileAsAPlainPath() {
        PluginInfo p = new PluginInfo(-1, "broken.jar", "", null, "FAILED", Path.of("/h/plugins/broken.jar"),
                "not a bundle", List.of(), Instant.EPOCH);
        JsonNode j = tree(PluginView.of(p));
        assertEquals("/h/plugins/broken.jar", j.get("file").asText());
        assertEquals("FAILED", j.get("state").asText());
        assertEquals("not a bundle", j.get("error").asText());
    }
}
