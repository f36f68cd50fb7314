package org.physlab.calabiyau.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.physlab.api.Artifact;
import org.physlab.api.InvalidParametersException;
import org.physlab.api.RunCancelledException;
import org.physlab.api.Summary;
import org.physlab.calabiyau.basis.MonomialBasis;
import org.physlab.calabiyau.donaldson.BalancedMetricArtifact;
import org.physlab.calabiyau.hermitian.HermitianMatrix;
import org.physlab.calabiyau.metric.AlgebraicMetric;
import org.physlab.calabiyau.metric.SigmaAccuracy;
import org.physlab.calabiyau.quintic.DworkQuintic;
import org.physlab.calabiyau.quintic.LineSampler;
import org.physlab.testkit.InMemoryRunContext;

class DonaldsonExperimentTest {

    @Test
    void balancesARangeOfDegreesAndSavesReusableMatrices() throws Exception {
        InMemoryRunContext run = InMemoryRunContext.of(new DonaldsonExperiment(),
                Map.of("psi", "0", "degree", "1-2", "iterations", "3", "pointsPerIteration", "3000", "points", "4000"), 7);
        Summary summary = run.execute();

        double[] k1 = run.metrics("sigma_k1");
        double[] k2 = run.metrics("sigma_k2");
        assertEquals(4, k1.length, "H = I and three iterates");
        // k = 1: H = I is already the Fubini–Study metric, balanced on P^4 but not on X: σ moves from ≈ 0.37 only by noise
        assertEquals(0.375, k1[3], 0.03);
        // k = 2: balancing lowers σ from H = I towards ≈ 0.275
        assertEquals(0.275, k2[3], 0.03);
        assertTrue(k2[3] < k1[3]);
        assertEquals(k2[3], summary.metrics().get("sigma"));
        assertEquals(k2[3], summary.metrics().get("sigma_k2"));
        assertEquals(9.46, summary.metrics().get("volume"), 0.3);

        Artifact.LineChart perIteration = run.artifact("sigma-per-iteration", Artifact.LineChart.class);
        assertEquals(2, perIteration.series().size());
        Artifact.LineChart vsDegree = run.artifact("sigma-vs-degree", Artifact.LineChart.class);
        assertEquals(k1[3], vsDegree.series().get(0).y()[0]);
        assertEquals(3000, run.artifact("balanced-sigma", Artifact.Table.class).rows().get(0).get(2), "points per iteration");

        // the saved H gives back the reported σ on the same evaluation sample
        MonomialBasis basis = MonomialBasis.reduced(2);
        HermitianMatrix h = BalancedMetricArtifact.read(run.artifact("balanced-h-k2"), basis);
        double sigma = SigmaAccuracy.of(new AlgebraicMetric(basis, h), new LineSampler(DworkQuintic.fermat()).sample(4000, 7)).sigma();
        assertEquals(k2[3], sigma, 1e-9);
        assertThrows(IllegalArgumentException.class, () -> BalancedMetricArtifact.read(run.artifact("balanced-h-k1"), basis),
                "an H of degree 1 does not fit the degree-2 basis");
        assertEquals(1, run.lastProgress().fraction());
    }

    @Test
    void calabiYauSigmaEvaluatesTheBalancedMatrixOfAnotherRun() throws Exception {
        InMemoryRunContext balancing = InMemoryRunContext.builder(new DonaldsonExperiment()).runId("run-balanced")
                .set("psi", "10+3i").set("degree", "2").set("iterations", "2").set("pointsPerIteration", "4000")
                .set("points", "3000").seed(3).build();
        double balancedSigma = balancing.execute().metrics().get("sigma");
        InMemoryRunContext sigma = InMemoryRunContext.builder(new SigmaExperiment()).earlierRun(balancing)
                .set("psi", "10+3i").set("degree", "2").set("points", "3000").set("h", "run-balanced/balanced-h-k2").seed(4).build();
        InMemoryRunContext identity = InMemoryRunContext.builder(new SigmaExperiment())
                .set("psi", "10+3i").set("degree", "2").set("points", "3000").seed(4).build();
        double withBalanced = sigma.execute().metrics().get("sigma");
        double withIdentity = identity.execute().metrics().get("sigma");
        // another sample, the same metric: σ agrees within MC noise, and balancing beats H = I by far
        assertEquals(balancedSigma, withBalanced, 0.03);
        assertTrue(withBalanced < 0.75 * withIdentity, withBalanced + " vs " + withIdentity);
    }

    @Test
    void aSingleDegreeHasNoDegreeChart() throws Exception {
        InMemoryRunContext run = InMemoryRunContext.of(new DonaldsonExperiment(),
                Map.of("psi", "10+3i", "degree", "1", "iterations", "1", "pointsPerIteration", "500", "points", "500"), 1);
        run.execute();
        assertTrue(run.artifacts().containsKey("balanced-h-k1"));
        assertTrue(!run.artifacts().containsKey("sigma-vs-degree"));
    }

    @Test
    void theExperimentTakesTheContractParametersAndIsListedAsAService() throws Exception {
        var d = new DonaldsonExperiment().descriptor();
        assertEquals("calabi-yau.donaldson", d.id());
        for (String name : List.of("psi", "degree", "points", "iterations")) {
            assertTrue(d.parameters().parameter(name).isPresent(), "donaldson lacks " + name);
        }
        try (var in = DonaldsonExperiment.class.getResourceAsStream("/META-INF/services/org.physlab.api.Experiment")) {
            String services = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(services.lines().anyMatch(DonaldsonExperiment.class.getName()::equals), services);
        }
    }

    @Test
    void aCancelledRunStops() {
        InMemoryRunContext run = InMemoryRunContext.of(new DonaldsonExperiment(),
                Map.of("psi", "0", "degree", "3", "iterations", "50", "points", "200"), 1);
        run.cancel("stopped by the test");
        assertThrows(RunCancelledException.class, run::execute);
    }

    @Test
    void badInputIsRejectedWithAMessage() {
        var experiment = new DonaldsonExperiment();
        for (Map<String, String> bad : new Map[] {
                Map.of("psi", "nan"), Map.of("psi", "1+inf i"), Map.of("psi", "ten"),
                Map.of("degree", "0"), Map.of("degree", "4-2"), Map.of("degree", "7"), Map.of("degree", "x"),
                Map.of("points", "0"), Map.of("iterations", "0")}) {
            InvalidParametersException e = assertThrows(InvalidParametersException.class,
                    () -> InMemoryRunContext.of(experiment, bad, 1), bad.toString());
            assertEquals(bad.keySet().iterator().next(), e.errors().get(0).parameter());
        }
    }
}
