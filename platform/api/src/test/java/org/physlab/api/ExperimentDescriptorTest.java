package org.physlab.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExperimentDescriptorTest {

    @Test
    void metricsImproveDownwardsUnlessDeclaredOtherwise() {
        ExperimentDescriptor d = ExperimentDescriptor.builder("imnn.gaussian")
                .goal("fisherDeterminant", MetricGoal.MAXIMIZE)
                .build();
        assertEquals(MetricGoal.MAXIMIZE, d.goalOf("fisherDeterminant"));
        assertEquals(MetricGoal.MINIMIZE, d.goalOf("loss"));
        assertEquals(5.0, d.goalOf("fisherDeterminant").better(2.0, 5.0));
        assertEquals(2.0, d.goalOf("loss").better(2.0, 5.0));
        assertEquals(2.0, d.goalOf("loss").better(Double.NaN, 2.0));
    }

    @Test
    void theOneFiveArgumentFormStillBuildsADescriptorWithoutGoals() {
        ExperimentDescriptor d = new ExperimentDescriptor("a.b", "t", "d", List.of(), null);
        assertEquals(MetricGoal.MINIMIZE, d.goalOf("anything"));
        assertEquals(0, d.goals().size());
    }

    @Test
    void idsLookLikePluginDotName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExperimentDescriptor.builder("NoDot").build());
        assertEquals(true, e.getMessage().contains("plugin.name"));
    }
}
