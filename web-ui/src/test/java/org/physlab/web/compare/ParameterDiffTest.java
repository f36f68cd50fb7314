package org.physlab.web.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.physlab.store.RunRecord;
import org.physlab.store.RunStatus;

class ParameterDiffTest {

    private static RunRecord run(String experiment, long seed, Object... nameValues) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) parameters.put((String) nameValues[i], nameValues[i + 1]);
        return new RunRecord("id-" + seed, experiment, "org.physlab.oscillator", "0.1.0", parameters, seed,
                RunStatus.SUCCEEDED, Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, null, "CPU", "host", "ann",
                List.of(), "", 1.0, "", Map.of(), null);
    }

    private static ParameterRow row(List<ParameterRow> rows, String name) {
        return rows.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no row " + name));
    }

    @Test
    void marksTheParametersWhoseValuesDiffer() {
        List<ParameterRow> rows = ParameterDiff.rows(List.of(
                run("oscillator.curve-mlp", 1, "batches", 200L, "learningRate", 0.001, "hidden", List.of(64L, 64L)),
                run("oscillator.curve-mlp", 1, "batches", 200L, "learningRate", 0.01, "hidden", List.of(64L, 64L))));

        assertFalse(row(rows, "batches").differs());
        assertTrue(row(rows, "learningRate").differs());
        assertEquals(List.of("0.001", "0.01"), row(rows, "learningRate").values());
        assertFalse(row(rows, "hidden").differs());
        assertEquals("[64, 64]", row(rows, "hidden").values().get(0));
    }

    @Test
    void provenanceComesFirstAndDiffersLikeParameters() {
        List<ParameterRow> rows = ParameterDiff.rows(List.of(run("e", 7, "n", 1L), run("e", 8, "n", 1L)));

        assertEquals(List.of("experiment", "plugin version", "seed", "backend", "n"), rows.stream().map(ParameterRow::name).toList());
        assertTrue(rows.subList(0, 4).stream().allMatch(ParameterRow::provenance));
        assertFalse(row(rows, "n").provenance());
        assertTrue(row(rows, "seed").differs());
        assertFalse(row(rows, "experiment").differs());
        assertEquals(List.of("org.physlab.oscillator 0.1.0", "org.physlab.oscillator 0.1.0"), row(rows, "plugin version").values());
    }

    @Test
    void runsOfDifferentExperimentsShowTheUnionWithGapsThatDiffer() {
        List<ParameterRow> rows = ParameterDiff.rows(List.of(
                run("oscillator.curve-mlp", 1, "batches", 200L, "hidden", 64L),
                run("oscillator.image-cnn", 1, "batches", 200L, "filters", 8L)));

        assertEquals(List.of("batches", "hidden", "filters"), rows.subList(4, rows.size()).stream().map(ParameterRow::name).toList());
        assertTrue(row(rows, "experiment").differs());
        assertFalse(row(rows, "batches").differs());
        assertEquals(Arrays.asList("64", null), row(rows, "hidden").values());
        assertTrue(row(rows, "hidden").differs());
        assertTrue(row(rows, "filters").differs());
    }

    @Test
    void aWholeNumberReadsTheSameWhetherStoredAsLongOrDouble() {
        List<ParameterRow> rows = ParameterDiff.rows(List.of(run("e", 1, "omega", 3L), run("e", 1, "omega", 3.0)));
        assertFalse(row(rows, "omega").differs());
    }

    @Test
    void aSingleRunDiffersFromNothing() {
        assertTrue(ParameterDiff.rows(List.of(run("e", 1, "n", 1L))).stream().noneMatch(ParameterRow::differs));
    }

    @Test
    void numbersReadWithoutExponentNoise() {
        assertEquals("0.0001", ParameterDiff.display(1.0e-4));
        assertEquals("3", ParameterDiff.display(3.0));
        assertEquals("2.5", ParameterDiff.display(2.5));
        assertEquals("1E-9", ParameterDiff.display(1.0e-9));
        assertEquals("1E+20", ParameterDiff.display(1.0e20));
        assertEquals("true", ParameterDiff.display(true));
        List<Object> withNull = new ArrayList<>();
        withNull.add(null);
        assertEquals("[null]", ParameterDiff.display(withNull));
    }
}
