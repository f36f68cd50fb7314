package org.physlab.cli.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.physlab.store.MetricStats;
import org.physlab.store.RunRecord;
import org.physlab.store.RunStatus;

class RunComparisonTest {

    private static Map<String, Object> params(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    @Test
    void onlyDifferingParametersAreListedAndMetricsSitSideBySide() {
        RunRecord a = RunResultTest.record("20250301-120000-aaaa", RunStatus.SUCCEEDED,
                params("lr", 0.01, "hidden", List.of(100L, 100L), "steps", 200L), Map.of("loss", 0.05), null);
        RunRecord b = RunResultTest.record("20250301-121500-bbbb", RunStatus.FAILED,
                params("lr", 0.1, "hidden", List.of(100L, 100L), "steps", 200L, "extra", true), Map.of(), "diverged");
        Map<String, Map<String, MetricStats>> stats = Map.of(
                a.id(), Map.of("loss", new MetricStats("loss", 0.05, 199, 0.05, 2.0, 200)),
                b.id(), Map.of("loss", new MetricStats("loss", 9.5, 3, 1.0, 9.5, 4),
                        "grad", new MetricStats("grad", 2.5e-9, 3, 1e-9, 1, 4)));
        RunComparison c = RunComparison.of(List.of(a, b), stats);

        assertEquals(List.of("lr", "extra"), List.copyOf(c.differentParameters().keySet()));
        assertEquals(Arrays.asList(null, true), c.differentParameters().get("extra"));
        assertEquals(List.of("hidden", "steps"), List.copyOf(c.sameParameters().keySet()));
        assertEquals(Arrays.asList(0.05, null), c.summary().get("loss"));
        assertEquals(Arrays.asList(null, 2.5e-9), c.finalMetrics().get("grad"));
        assertEquals(Arrays.asList(0.05, 9.5), c.finalMetrics().get("loss"));

        String text = c.text(false);
        List<String> lines = text.lines().toList();
        assertTrue(lines.get(0).matches("\\s+20250301-120000-aaaa\\s+20250301-121500-bbbb"), text);
        assertTrue(lines.contains("  lr     0.01  0.1"), text);
        assertTrue(lines.contains("  extra  -     true"), text);
        assertTrue(text.contains("(2 more the same; --all lists them)"), text);
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\s+grad\\s+-\\s+2.5e-09")), text);
        assertTrue(c.text(true).contains("Parameters that are the same"));
    }

    @Test
    void identicalParametersAreSaidToBeTheSame() {
        RunRecord a = RunResultTest.record("r1", RunStatus.SUCCEEDED, params("n", 3L), Map.of(), null);
        RunRecord b = RunResultTest.record("r2", RunStatus.SUCCEEDED, params("n", 3L), Map.of(), null);
        RunComparison c = RunComparison.of(List.of(a, b), Map.of());
        assertTrue(c.differentParameters().isEmpty());
        assertTrue(c.text(false).contains("Parameters: all the same"));
    }
}
