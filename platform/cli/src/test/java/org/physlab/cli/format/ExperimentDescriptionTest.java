package org.physlab.cli.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.physlab.api.Reference;
import org.physlab.server.json.ExperimentView;
import org.physlab.server.json.ParameterView;

class ExperimentDescriptionTest {

    static final ExperimentView PENDULUM = new ExperimentView("pendulum.period", "Period of a pendulum",
            "Fits the period of a pendulum.", "physlab.pendulum", "1.2.0",
            List.of(new Reference("Galileo, Two New Sciences (1638)", "https://example.org/galileo")),
            List.of(new ParameterView("length", "double", 1.0, 0.001, null, 0, List.of(), "m", "string length", "Physics", false),
                    new ParameterView("gamma", "double", 0.0, 0.0, 1.0, 0, List.of(), "1/s", "damping", "Physics", false),
                    new ParameterView("solver", "enum", "rk4", null, null, 0, List.of("euler", "rk4"), "", "", "Numerics", false),
                    new ParameterView("hidden", "int_list", List.of(100L, 100L), 1.0, null, 1, List.of(), "", "layer widths", "Network", false),
                    new ParameterView("label", "string", null, null, null, 1, List.of(), "", "", "Network", true)));

    @Test
    void parametersAreListedByGroupWithTypeDefaultRangeUnitAndHelp() {
        String text = ExperimentDescription.render(PENDULUM);
        assertTrue(text.startsWith("pendulum.period - Period of a pendulum\nplugin physlab.pendulum 1.2.0\n"), text);
        assertTrue(text.contains("  - Galileo, Two New Sciences (1638) <https://example.org/galileo>"), text);
        assertTrue(text.endsWith("""
                Parameters (set with --set NAME=VALUE):
                    NAME    TYPE          DEFAULT     RANGE                 UNIT  HELP
                  Physics
                    length  real          1           >= 0.001              m     string length
                    gamma   real          0           [0, 1]                1/s   damping
                  Numerics
                    solver  choice        rk4         euler|rk4
                  Network
                    hidden  list of ints  100,100     >= 1 item, each >= 1        layer widths
                    label   text          (required)  length >= 1
                """), text);
    }

    @Test
    void withoutGroupsThereAreNoHeadings() {
        ExperimentView v = new ExperimentView("a.b", "A", "", "p", "1", List.of(),
                List.of(new ParameterView("n", "int", 3L, null, 10.0, 0, List.of(), "", "", "", false)));
        assertEquals("""
                a.b - A
                plugin p 1

                Parameters (set with --set NAME=VALUE):
                  NAME  TYPE  DEFAULT  RANGE  UNIT  HELP
                  n     int   3        <= 10
                """, ExperimentDescription.render(v));
    }

    @Test
    void longDescriptionsAreWrapped() {
        String wrapped = ExperimentDescription.wrap("word ".repeat(50), 30, "");
        assertTrue(wrapped.lines().allMatch(l -> l.length() <= 30));
        assertEquals(50, wrapped.split("\\s+").length);
    }
}
