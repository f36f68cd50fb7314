package org.physlab.imnn.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.physlab.api.Artifact;
import org.physlab.imnn.fisher.FisherSummary;
import org.physlab.imnn.simulators.GaussianSimulator;

class InferenceArtifactsTest {

    private final GaussianSimulator simulator = new GaussianSimulator(10);
    private final FisherSummary exact = IdealGaussian.exactStatistics(10);
    private final UniformPrior prior = IdealGaussian.TUTORIAL_PRIOR;
    private final List<String> names = List.of("μ", "Σ");

    @Test
    void posteriorArtifactsCarryTheSamplesTheGaussianAndTheEstimates() {
        double[] target = IdealGaussian.observedData();
        AbcResult abc = RejectionAbc.run(simulator, IdealGaussian.SUFFICIENT_STATISTICS, exact, prior, target, 2000, 0.05,
                new SplittableRandom(1));
        AbcResult pmc = PopulationMonteCarlo.run(simulator, IdealGaussian.SUFFICIENT_STATISTICS, exact, prior, target, 200,
                0.1, new SplittableRandom(2));
        double[] estimate = abc.targetEstimate();
        GaussianApproximation gaussian = GaussianApproximation.of(estimate, exact.inverseFisher(), prior, 60);

        Artifact.Scatter scatter = InferenceArtifacts.posteriorScatter("abc-samples", "ABC posterior", abc, names,
                simulator.fiducial());
        assertEquals(3, scatter.series().size());
        assertEquals(100, scatter.series().get(0).x().length);
        assertArrayEquals(new double[] {estimate[0]}, scatter.series().get(1).x());
        assertArrayEquals(new double[] {1.0}, scatter.series().get(2).y());

        Artifact.Heatmap heatmap = InferenceArtifacts.gaussianHeatmap("gaussian-posterior", "Gaussian approximation",
                gaussian, names);
        assertEquals(60, heatmap.values().length);
        assertEquals(-1.5, heatmap.xMin());
        assertEquals(3.0, heatmap.yMax());

        Artifact.Heatmap sampled = InferenceArtifacts.sampleHeatmap("pmc-density", "PMC posterior", pmc, prior, 30, names);
        double cell = (3.0 / 29) * (2.8 / 29);
        assertEquals(1.0, java.util.Arrays.stream(sampled.values()).flatMapToDouble(java.util.Arrays::stream).sum() * cell, 1e-9);

        Map<String, AbcResult> samples = new LinkedHashMap<>();
        samples.put("rejection ABC", abc);
        samples.put("PMC", pmc);
        List<Artifact.LineChart> marginals = InferenceArtifacts.marginals("marginal", gaussian, names, samples);
        assertEquals(List.of("marginal-0-_", "marginal-1-_"), marginals.stream().map(Artifact::name).toList());
        for (int i = 0; i < 2; i++) {
            Artifact.LineChart chart = marginals.get(i);
            assertEquals(3, chart.series().size());
            // the Gaussian is not truncated: its curve holds the share of N(θ̂, F⁻¹) inside the prior box
            Artifact.Series g = chart.series().get(0);
            assertEquals(gaussian.marginalMassOnGrid(i), Grids.trapezoid(g.x(), g.y()), 1e-12);
            // the histograms are densities of samples that all lie in the box: unit sum over the bins
            for (Artifact.Series s : chart.series().subList(1, 3)) {
                double width = s.x()[1] - s.x()[0];
                assertEquals(1.0, java.util.Arrays.stream(s.y()).sum() * width, 1e-9, chart.name() + " / " + s.name());
            }
        }

        Artifact.LineChart progress = InferenceArtifacts.pmcProgress("pmc-progress", "PMC", pmc);
        assertEquals(pmc.iterations().size(), progress.series().get(0).x().length);
        assertThrows(IllegalArgumentException.class, () -> InferenceArtifacts.pmcProgress("x", "x", abc));

        Artifact.Table table = InferenceArtifacts.estimatesTable("estimates", "Estimates", names, simulator.fiducial(),
                estimate, QuasiMaximumLikelihood.standardErrors(exact), samples);
        assertEquals(List.of("parameter", "truth", "QML estimate", "σ (√F⁻¹)", "rejection ABC mean", "rejection ABC sd",
                "PMC mean", "PMC sd"), table.columns());
        assertEquals(2, table.rows().size());
        assertEquals(Math.sqrt(1 / 4.5), (double) table.rows().get(1).get(3), 1e-12);
    }

    @Test
    void histogramBinsAreCentredOnTheGridPoints() {
        // upstream appended Δ as the last edge; here the edges are r_k − Δ/2 and r_{g−1} + Δ/2
        assertArrayEquals(new double[] {-0.25, 0.25, 0.75, 1.25}, Grids.binEdges(new double[] {0, 0.5, 1}), 1e-15);
        AbcResult two = new AbcResult(new double[][] {{0.9, 0}, {1.2, 0}}, new double[] {0, 0}, 2,
                new double[][] {{0, 0}, {0, 0}}, new double[] {0.5, 0.5}, 1, new double[] {0, 0}, List.of());
        // both samples fall in the last bin [0.75, 1.25): density 1/0.5 = 2 there
        assertArrayEquals(new double[] {0, 0, 2}, two.marginalDensity(0, new double[] {0, 0.5, 1}), 1e-12);
        // θ₁ = 0 lies in the first bin of the grid {0, 1}: density 1 / (0.5 · 1) = 2 in cell (row 0, column 2)
        double[][] joint = two.jointDensity(0, 1, new double[] {0, 0.5, 1}, new double[] {0, 1});
        assertArrayEquals(new double[] {0, 0, 2}, joint[0], 1e-12);
        assertArrayEquals(new double[] {0, 0, 0}, joint[1], 1e-12);
    }
}
