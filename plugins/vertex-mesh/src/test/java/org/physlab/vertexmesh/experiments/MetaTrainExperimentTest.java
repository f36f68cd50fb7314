package org.physlab.vertexmesh.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.physlab.api.Artifact;
import org.physlab.api.InvalidParametersException;
import org.physlab.api.RunCancelledException;
import org.physlab.api.Summary;
import org.physlab.testkit.InMemoryRunContext;
import org.physlab.vertexmesh.mesh.Mesh;
import org.physlab.vertexmesh.mesh.ObjFormat;
import org.physlab.vertexmesh.dynamics.RelaxationDivergedException;

class MetaTrainExperimentTest {

    @Test
    void theTutorialDefaultsWithoutNoiseGiveTheReferenceTablesFirstRow() throws Exception {
        InMemoryRunContext run = InMemoryRunContext.of(new MetaTrainExperiment(),
                Map.of("noise", "0", "outerSteps", "1"), 1);
        Summary summary = run.execute();
        // spec §8, noise-free columns, step 0: loss 0.24848912 before the update, ℓ₀ 0.22480691 after it
        assertEquals(0.2484891247, summary.metrics().get("finalLoss"), 1e-9);
        assertEquals(0.22480691, summary.metrics().get("finalEll0"), 1e-8);
        assertEquals(-2.4806914752, summary.metrics().get("finalGradient"), 1e-8);
        assertEquals(summary.metrics().get("finalLoss"), summary.metrics().get("initialLoss"));

        assertArrayEquals(new double[] {0.2484891247}, run.metrics("metaLoss"), 1e-9);
        assertArrayEquals(new double[] {0.22480691}, run.metrics("ell0"), 1e-8);
        assertArrayEquals(new double[] {-2.4806914752}, run.metrics("gradient"), 1e-8);
        assertEquals(1.0, run.lastProgress().fraction());

        // the clean disk relaxed with the learned ℓ₀ ≈ 0.2248 has edges near that length, far below the target 0.4
        double meanLength = summary.metrics().get("relaxedMeanEdgeLength");
        assertTrue(meanLength > 0.2 && meanLength < 0.25, "mean edge length " + meanLength);
        assertTrue(summary.metrics().get("relaxedLoss") < summary.metrics().get("initialLoss"));

        Artifact.LineChart ell0 = run.artifact("ell0", Artifact.LineChart.class);
        assertArrayEquals(new double[] {0.2, 0.22480691}, ell0.series().get(0).y(), 1e-8);
        assertEquals(0.4, ell0.series().get(1).y()[0], 0, "the target for reference");
        assertEquals(1, run.artifact("meta-loss", Artifact.LineChart.class).series().get(0).y().length);

        Artifact.TriangleMesh meshes = run.artifact("relaxed-mesh", Artifact.TriangleMesh.class);
        assertEquals(2, meshes.layers().size());
        assertEquals(131, meshes.layers().get(1).vertices().length);
        assertEquals(224, meshes.layers().get(1).faceValues().length);
        Mesh obj = ObjFormat.read(new StringReader(new String(
                run.artifact("relaxed-mesh.obj", Artifact.FileArtifact.class).content(), StandardCharsets.UTF_8)));
        assertEquals(131, obj.topology().vertexCount());
        assertEquals(meshes.layers().get(1).vertices()[7][0], obj.x(7), 1e-12);
        assertEquals(1, run.artifact("history", Artifact.Table.class).rows().size());
    }

    @Test
    void theNoisyBatchIsReproducibleFromTheSeed() throws Exception {
        Map<String, String> quick = Map.of("outerSteps", "2", "steps", "500", "mesh", "disk:r=1,n=3");
        double[] first = InMemoryRunContextRuns.losses(quick, 7);
        double[] again = InMemoryRunContextRuns.losses(quick, 7);
        double[] otherSeed = InMemoryRunContextRuns.losses(quick, 8);
        assertArrayEquals(first, again, 0, "same seed, same noisy copies, same numbers");
        assertFalse(first[0] == otherSeed[0], "another seed draws other copies");
        // without noise the seed does not matter
        Map<String, String> clean = Map.of("outerSteps", "1", "steps", "500", "mesh", "disk:r=1,n=3", "noise", "0");
        assertArrayEquals(InMemoryRunContextRuns.losses(clean, 7), InMemoryRunContextRuns.losses(clean, 8), 0);
    }

    @Test
    void learningTheAreaWeightToo() throws Exception {
        InMemoryRunContext run = InMemoryRunContext.of(new MetaTrainExperiment(), Map.of("learn", "ell0+areaWeight",
                "gradient", "adjoint", "optimizer", "adam", "outerSteps", "3", "steps", "300", "stepSize", "0.02",
                "mesh", "hex:rings=2,a=0.3", "batch", "2"), 3);
        Summary summary = run.execute();
        assertEquals(3, run.metrics("areaWeight").length);
        assertEquals(3, run.metrics("gradientAreaWeight").length);
        assertTrue(summary.metrics().get("finalAreaWeight") != 1.0);
        assertEquals(summary.metrics().get("finalAreaWeight"), run.metrics("areaWeight")[2], 0);
        assertEquals(6, run.artifact("history", Artifact.Table.class).columns().size());
        run.artifact("area-weight", Artifact.LineChart.class);
    }

    @Test
    void forwardAndAdjointRunsGiveTheSameTrajectory() throws Exception {
        Map<String, String> base = Map.of("outerSteps", "2", "steps", "400", "mesh", "disk:r=1,n=3", "batch", "2");
        InMemoryRunContext forward = InMemoryRunContext.of(new MetaTrainExperiment(), base, 5);
        forward.execute();
        java.util.Map<String, String> adjointParameters = new java.util.HashMap<>(base);
        adjointParameters.put("gradient", "adjoint");
        InMemoryRunContext adjoint = InMemoryRunContext.of(new MetaTrainExperiment(), adjointParameters, 5);
        adjoint.execute();
        assertArrayEquals(forward.metrics("gradient"), adjoint.metrics("gradient"), 1e-12);
        assertArrayEquals(forward.metrics("ell0"), adjoint.metrics("ell0"), 1e-13);
    }

    @Test
    void badInputIsRejectedBeforeAnythingRuns() {
        for (String parameter : new String[] {"initialEll0", "targetEll0"}) {
            for (String value : new String[] {"0", "-0.1"}) {
                InvalidParametersException e = assertThrows(InvalidParametersException.class,
                        () -> InMemoryRunContext.of(new MetaTrainExperiment(), Map.of(parameter, value), 1));
                assertEquals(parameter, e.errors().get(0).parameter());
                assertTrue(e.getMessage().contains("must be positive"), e.getMessage());
            }
        }
        InvalidParametersException e = assertThrows(InvalidParametersException.class,
                () -> InMemoryRunContext.of(new MetaTrainExperiment(), Map.of("mesh", "no-such-mesh.obj"), 1));
        assertEquals("mesh", e.errors().get(0).parameter());
        assertThrows(InvalidParametersException.class,
                () -> InMemoryRunContext.of(new MetaTrainExperiment(), Map.of("stepSize", "0"), 1));
        assertThrows(InvalidParametersException.class,
                () -> InMemoryRunContext.of(new MetaTrainExperiment(), Map.of("batch", "0"), 1));
        assertThrows(InvalidParametersException.class,
                () -> InMemoryRunContext.of(new MetaTrainExperiment(), Map.of("noise", "-0.1"), 1));
    }

    @Test
    void aStepSizeThatBlowsTheRelaxationUpFailsTheRunWithTheReason() throws Exception {
        InMemoryRunContext run = InMemoryRunContext.of(new MetaTrainExperiment(),
                Map.of("stepSize", "5", "steps", "2000", "outerSteps", "2"), 1);
        RelaxationDivergedException e = assertThrows(RelaxationDivergedException.class, run::execute);
        assertTrue(e.getMessage().contains("blew up") && e.getMessage().contains("stepSize 5.0"), e.getMessage());
        assertEquals(0, run.metrics("metaLoss").length, "no outer step finished");
    }

    @Test
    void aCancelledRunStopsInsideTheInnerLoop() {
        InMemoryRunContext run = InMemoryRunContext.of(new MetaTrainExperiment(), Map.of("steps", "1000000"), 1);
        Thread canceller = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException ignored) {
                return;
            }
            run.cancel("user asked");
        });
        canceller.start();
        // 3 × 10⁶ steps would take minutes; the inner loop's checks stop it early
        assertThrows(RunCancelledException.class, run::execute);
        assertEquals(0, run.metrics("metaLoss").length);
    }

    /** Small helper: runs the experiment and returns its metaLoss series. */
    static final class InMemoryRunContextRuns {
        static double[] losses(Map<String, String> parameters, long seed) throws Exception {
            InMemoryRunContext run = InMemoryRunContext.of(new MetaTrainExperiment(), parameters, seed);
            run.execute();
            return run.metrics("metaLoss");
        }
    }
}
