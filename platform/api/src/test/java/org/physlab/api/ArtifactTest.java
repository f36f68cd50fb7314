package org.physlab.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArtifactTest {

    @Test
    void aLossCurveIsALineChartWithALogAxis() {
        double[] loss = {3.0, 1.0, 0.3, 0.05};
        Artifact.LineChart chart = new Artifact.LineChart("loss", "Training loss", "batch", "loss", false, true,
                List.of(Artifact.Series.of("train", loss)));
        assertEquals("line", chart.kind());
        assertEquals(3.0, chart.series().get(0).x()[3]);
    }

    @Test
    void namesMustBeSafeInUrlsAndFileNames() {
        assertThrows(IllegalArgumentException.class, () -> Artifact.FileArtifact.of("../model", "m", null, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> Artifact.FileArtifact.of("", "m", null, new byte[0]));
        assertEquals("model.zip", Artifact.FileArtifact.of("model.zip", "m", null, new byte[0]).name());
    }

    @Test
    void shapesAreCheckedWhereTheyAreMade() {
        assertThrows(IllegalArgumentException.class, () -> new Artifact.Series("s", new double[2], new double[3]));
        assertThrows(IllegalArgumentException.class, () -> new Artifact.MeshLayer("m",
                new double[][] {{0, 0}, {1, 0}}, new int[][] {{0, 1, 2}}, null, null));
        assertThrows(IllegalArgumentException.class, () -> new Artifact.Table("t", "t", List.of("a", "b"),
                List.of(List.of(1))));
        assertThrows(IllegalArgumentException.class, () -> new Artifact.Heatmap("h", "h",
                new double[][] {{1, 2}, {3}}, 0, 1, 0, 1, "x", "y", "v"));
    }

    @Test
    void summariesRejectNonFiniteValues() {
        NonFiniteMetricException e = assertThrows(NonFiniteMetricException.class,
                () -> Summary.builder().put("loss", Double.NaN).build());
        assertEquals("summary metric 'loss' is NaN", e.getMessage());
        assertEquals(List.of("b", "a"), List.copyOf(Summary.builder().put("b", 1).put("a", 2).build().metrics().keySet()));
    }

    @Test
    void experimentIdsFollowThePluginDotNameShape() {
        assertEquals("oscillator", ExperimentDescriptor.builder("oscillator.curve-mlp").build().namespace());
        assertThrows(IllegalArgumentException.class, () -> ExperimentDescriptor.builder("CurveMLP").build());
    }
}
