package org.physlab.calabiyau.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.physlab.api.Artifact;
import org.physlab.api.Experiment;
import org.physlab.api.InvalidParametersException;
import org.physlab.api.Summary;
import org.physlab.calabiyau.basis.MonomialBasis;
import org.physlab.calabiyau.complex.Complex;
import org.physlab.calabiyau.hermitian.CholeskyParametrisation;
import org.physlab.calabiyau.metric.AlgebraicMetric;
import org.physlab.calabiyau.metric.SigmaAccuracy;
import org.physlab.calabiyau.quintic.DworkQuintic;
import org.physlab.calabiyau.quintic.LineSampler;
import org.physlab.testkit.InMemoryRunContext;

class SigmaExperimentTest {

    @Test
    void theDefaultsAreTheTutorialEvaluation() {
        Map<String, Object> defaults = new SigmaExperiment().descriptor().parameters().defaults();
        assertEquals("1..100/5x10", defaults.get("psi"));
        assertEquals(3L, ((Number) defaults.get("degree")).longValue());
        assertEquals(500L, ((Number) defaults.get("points")).longValue());
        assertEquals("", defaults.get("h"));
        assertTrue(new SigmaExperiment().descriptor().references().get(0).citation().contains("Gerdes"));
    }

    /** §12.2: the tutorial's initial evaluation (H = I, k = 3, 500 points, 5 radii × 10 angles). */
    @Test
    void theTutorialGridReproducesTheReferenceMeansAtTheIdentity() throws Exception {
        InMemoryRunContext run = InMemoryRunContext.of(new SigmaExperiment(), Map.of(), 4);
        Summary summary = run.execute();
        Artifact.LineChart chart = run.artifact("sigma-vs-abs-psi", Artifact.LineChart.class);
        double[] radii = chart.series().get(0).x();
        double[] mean = chart.series().get(0).y();
        double[] lo = chart.series().get(1).y();
        double[] hi = chart.series().get(2).y();
        double[] reference = {0.093, 0.860, 1.030, 1.119, 1.184};   // [R] means, acceptance ±0.05
        assertEquals(5, radii.length);
        for (int i = 0; i < 5; i++) {
            assertEquals(1 + 24.75 * i, radii[i], 1e-9);
            assertEquals(reference[i], mean[i], 0.05, "mean sigma at |psi| = " + radii[i]);
            assertTrue(lo[i] <= mean[i] && mean[i] <= hi[i]);
        }
        assertEquals(50, run.metrics("sigma").length);
        assertEquals(50, run.artifact("sigma-per-psi", Artifact.Table.class).rows().size());
        assertTrue(summary.metrics().get("maxSigma") < 1.3);
    }

    @Test
    void singlePsiReportsSigmaAndTheVolume() throws Exception {
        InMemoryRunContext run = InMemoryRunContext.of(new SigmaExperiment(), Map.of("psi", "10+3i", "points", "4000"), 9);
        Map<String, Double> m = run.execute().metrics();
        assertEquals(0.947, m.get("volume"), 0.03, "Vol(10+3i) ≈ 0.946–0.949");
        assertTrue(m.get("sigma") > 0.45 && m.get("sigma") < 0.7, "sigma(10+3i) = " + m.get("sigma"));
        assertEquals(0.0, m.get("skippedPoints"));
    }

    @Test
    void anHArtifactOfAnotherRunIsEvaluated() throws Exception {
        double[] par = CholeskyParametrisation.initial(5, 0.4, new SplittableRandom(3));
        SplittableRandom r = new SplittableRandom(4);
        for (int k = 5; k < 25; k++) par[k] = 0.3 * r.nextGaussian();
        Artifact.Matrix h = new Artifact.Matrix("balanced-h", "H", new double[][] {par}, List.of("H"), List.of());
        InMemoryRunContext run = InMemoryRunContext.builder(new SigmaExperiment()).earlierArtifact("run-7", h)
                .set("psi", "2-1i").set("degree", "1").set("points", "200").set("h", "run-7/balanced-h").seed(5).build();
        double sigma = run.execute().metrics().get("sigma");
        // the same numbers by hand: the experiment draws its sample seed from the "sample" stream
        long seed = InMemoryRunContext.of(new SigmaExperiment(), Map.of(), 5).random("sample").nextLong();
        AlgebraicMetric metric = new AlgebraicMetric(MonomialBasis.full(1), CholeskyParametrisation.decode(par));
        double expected = SigmaAccuracy.of(metric, new LineSampler(new DworkQuintic(Complex.of(2, -1))).sample(200, seed)).sigma();
        assertEquals(expected, sigma, 1e-12);
        double identity = SigmaAccuracy.of(AlgebraicMetric.identity(1),
                new LineSampler(new DworkQuintic(Complex.of(2, -1))).sample(200, seed)).sigma();
        assertTrue(Math.abs(sigma - identity) > 1e-3, "the artifact's H is used, not the identity");
    }

    @Test
    void anOrbitInvariantHIsGivenByItsValuesPerOrbitType() throws Exception {
        // §12.4: the sigma-optimal invariant H at psi = 0 has ratios 0.896 and 0.952 (sigma 0.0276 vs 0.033 at H = I)
        InMemoryRunContext best = InMemoryRunContext.of(new SigmaExperiment(),
                Map.of("psi", "0", "points", "5000", "h", "orbit:1, 0.896, 0.952"), 2);
        InMemoryRunContext identity = InMemoryRunContext.of(new SigmaExperiment(), Map.of("psi", "0", "points", "5000"), 2);
        double sigmaBest = best.execute().metrics().get("sigma");
        double sigmaIdentity = identity.execute().metrics().get("sigma");
        assertEquals(0.0276, sigmaBest, 0.004);
        assertTrue(sigmaBest < sigmaIdentity, sigmaBest + " < " + sigmaIdentity);
        for (String bad : List.of("orbit:1,2", "orbit:1,x,2", "orbit:1,0,1")) {
            InMemoryRunContext run = InMemoryRunContext.of(new SigmaExperiment(), Map.of("psi", "0", "points", "10", "h", bad), 1);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, run::execute, bad);
            assertTrue(!e.getMessage().isBlank(), bad);
        }
    }

    @Test
    void badHArtifactsAreRejectedClearly() {
        Artifact.Matrix small = new Artifact.Matrix("h15", "H", new double[][] {new double[225]}, List.of(), List.of());
        double[] singular = CholeskyParametrisation.initial(35, 0, null);
        singular[7] = 0;
        Artifact.Matrix notPd = new Artifact.Matrix("hsing", "H", new double[][] {singular}, List.of(), List.of());
        Artifact.Table table = new Artifact.Table("tab", "t", List.of("a"), List.of());
        Map<String, String> cases = Map.of("run-1/h15", "needs 1225", "run-1/hsing", "positive definite",
                "run-1/tab", "matrix", "run-1", "runId/artifactName", "run-1/missing", "missing");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            InMemoryRunContext run = InMemoryRunContext.builder(new SigmaExperiment()).earlierArtifact("run-1", small)
                    .earlierArtifact("run-1", notPd).earlierArtifact("run-1", table)
                    .set("psi", "0").set("points", "10").set("h", c.getKey()).build();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, run::execute, c.getKey());
            assertTrue(e.getMessage().contains(c.getValue()), c.getKey() + ": " + e.getMessage());
        }
    }

    @Test
    void badParametersAreRejectedWithTheParameterNamed() {
        for (Map.Entry<String, String> bad : List.of(Map.entry("psi", "NaN+1i"), Map.entry("psi", "1+Infinityi"),
                Map.entry("psi", "ten"), Map.entry("psi", "5..1/3x2"), Map.entry("degree", "0"), Map.entry("points", "0"))) {
            InvalidParametersException e = assertThrows(InvalidParametersException.class,
                    () -> InMemoryRunContext.of(new SigmaExperiment(), Map.of(bad.getKey(), bad.getValue()), 1), bad.toString());
            assertEquals(bad.getKey(), e.errors().get(0).parameter(), e.getMessage());
        }
    }

    @Test
    void theServiceFileListsTheExperiment() {
        List<String> ids = ServiceLoader.load(Experiment.class).stream().map(p -> p.get().descriptor().id()).toList();
        assertTrue(ids.contains("calabi-yau.sigma"), ids.toString());
    }
}
