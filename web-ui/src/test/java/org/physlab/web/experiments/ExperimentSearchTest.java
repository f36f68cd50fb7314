package org.physlab.web.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.physlab.api.ExperimentDescriptor;
import org.physlab.runtime.plugins.CatalogEntry;

class ExperimentSearchTest {
    private final CatalogEntry mlp = entry("oscillator.curve-mlp", "Response curve MLP",
            "Learns the driven oscillator's response curve", "org.physlab.oscillator", "0.1.0");
    private final CatalogEntry ising = entry("ising.metropolis", "Metropolis sampling",
            "Samples the 2D Ising model", "org.physlab.ising", "2.3.0");

    @Test
    void anEmptyQueryShowsEverythingSortedByPlugin() {
        assertEquals(List.of(ising, mlp), ExperimentSearch.filter(List.of(mlp, ising), "  "));
    }

    @Test
    void everyWordMustMatchIdTitleDescriptionOrPlugin() {
        assertTrue(ExperimentSearch.matches(mlp, "MLP"), "title, any case");
        assertTrue(ExperimentSearch.matches(mlp, "oscillator curve"), "two words, both in the id");
        assertTrue(ExperimentSearch.matches(ising, "2d ising"), "description");
        assertTrue(ExperimentSearch.matches(ising, "org.physlab.ising"), "plugin id");
        assertFalse(ExperimentSearch.matches(mlp, "oscillator ising"));
        assertEquals(List.of(ising), ExperimentSearch.filter(List.of(mlp, ising), "sampling"));
        assertEquals(List.of(), ExperimentSearch.filter(List.of(mlp, ising), "navier-stokes"));
    }

    private static CatalogEntry entry(String id, String title, String description, String plugin, String version) {
        ExperimentDescriptor d = ExperimentDescriptor.builder(id).title(title).description(description).build();
        return new CatalogEntry(d, null, plugin, version, 1);
    }
}
