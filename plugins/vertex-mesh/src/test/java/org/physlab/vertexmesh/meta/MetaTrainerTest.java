package org.physlab.vertexmesh.meta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.physlab.vertexmesh.mesh.Mesh;
import org.physlab.vertexmesh.mesh.MeshGenerators;
import org.physlab.vertexmesh.mesh.MeshSource;
import org.physlab.vertexmesh.sensitivity.AdjointSensitivity;
import org.physlab.vertexmesh.sensitivity.CancellationCheck;
import org.physlab.vertexmesh.sensitivity.EnergyParameter;
import org.physlab.vertexmesh.sensitivity.EnergyParameters;
import org.physlab.vertexmesh.sensitivity.ForwardSensitivity;
import org.physlab.vertexmesh.sensitivity.UnrolledRelaxation;

class MetaTrainerTest {
    static final Mesh DISK = new MeshSource.TutorialDisk().load();

    /**
     * The spec's noise-free reference table (§8), first rows: step, loss before the update, ℓ₀ after.
     * The whole table (20 outer steps) is checked by the bench.
     */
    static final double[][] REFERENCE_ROWS = {
            {0, 0.24848912, 0.22480691},
            {2, 0.14705072, 0.26531765},
    };

    @Test
    void aNoiseFreeTutorialRunFollowsTheReferenceTable() {
        UnrolledRelaxation tutorial = UnrolledRelaxation.of(DISK.topology(), 0.4, 20_000, 0.01, List.of(EnergyParameter.ELL0));
        List<MetaTrainer.OuterStep> seen = new ArrayList<>();
        MetaTrainer.Result result;
        try (BatchEvaluator evaluator = new BatchEvaluator(1)) {
            result = new MetaTrainer(tutorial, 3).train(List.of(DISK.vertices()), EnergyParameters.tutorial(0.2),
                    Optimizer.sgd(1e-2), new ForwardSensitivity(), evaluator, seen::add, CancellationCheck.NONE);
        }
        assertEquals(3, seen.size());
        assertEquals(result.steps(), seen, "the listener heard every step as it happened");
        for (double[] row : REFERENCE_ROWS) {
            MetaTrainer.OuterStep step = result.steps().get((int) row[0]);
            assertEquals(row[1], step.loss(), 1e-7, "loss at step " + (int) row[0]);
            assertEquals(row[2], step.after().ell0(), 1e-7, "ℓ₀ after step " + (int) row[0]);
        }
        // step 0 in full precision (the spec's forward-mode anchor), and SGD's update rule
        MetaTrainer.OuterStep first = result.steps().get(0);
        assertEquals(0.2484891247, first.loss(), 1e-10);
        assertEquals(-2.4806914752, first.gradient()[0], 1e-9);
        assertEquals(0.2 + 1e-2 * 2.4806914752, first.after().ell0(), 1e-11);
        assertEquals(first.after(), result.steps().get(1).before());
        assertEquals(result.last().after(), result.learned());
        assertEquals(1.0, result.learned().areaWeight(), 0, "the area weight is not learned");
    }

    @Test
    void learningBothParametersWithAdamOrSgdLowersTheLoss() {
        Mesh hex = MeshGenerators.hexPatch(2, 0.3);
        UnrolledRelaxation relaxation = UnrolledRelaxation.of(hex.topology(), 0.4, 300, 0.02,
                List.of(EnergyParameter.ELL0, EnergyParameter.AREA_WEIGHT));
        for (Optimizer optimizer : List.of(Optimizer.adam(0.02), Optimizer.sgd(0.05))) {
            MetaTrainer.Result result;
            try (BatchEvaluator evaluator = new BatchEvaluator(2)) {
                result = new MetaTrainer(relaxation, 15).train(List.of(hex.vertices()), new EnergyParameters(0.3, 1.0),
                        optimizer, AdjointSensitivity.withSqrtCheckpoints(), evaluator, MetaTrainer.Listener.NONE,
                        CancellationCheck.NONE);
            }
            double firstLoss = result.steps().get(0).loss();
            double lastLoss = result.last().loss();
            assertTrue(lastLoss < 0.5 * firstLoss, optimizer.getClass().getSimpleName() + ": " + firstLoss + " → " + lastLoss);
            assertTrue(result.learned().ell0() > 0.3, "ℓ₀ grows towards the target: " + result.learned());
            assertTrue(result.learned().areaWeight() != 1.0, "the area weight moved: " + result.learned());
        }
    }

    @Test
    void forwardAndAdjointTrainingsAgree() {
        Mesh mesh = MeshGenerators.disk(1, 3);
        UnrolledRelaxation relaxation = UnrolledRelaxation.of(mesh.topology(), 0.5, 200, 0.02, List.of(EnergyParameter.ELL0));
        double[][] ell0 = new double[2][];
        int i = 0;
        for (var method : List.of(new ForwardSensitivity(), AdjointSensitivity.withSqrtCheckpoints())) {
            try (BatchEvaluator evaluator = new BatchEvaluator(1)) {
                MetaTrainer.Result r = new MetaTrainer(relaxation, 4).train(List.of(mesh.vertices()),
                        EnergyParameters.tutorial(0.3), Optimizer.sgd(0.01), method, evaluator,
                        MetaTrainer.Listener.NONE, CancellationCheck.NONE);
                ell0[i++] = r.steps().stream().mapToDouble(s -> s.after().ell0()).toArray();
            }
        }
        assertArrayEquals(ell0[0], ell0[1], 1e-13);
    }

    @Test
    void anUpdateThatMakesTheRestLengthNegativeFailsWithAHint() {
        Mesh mesh = MeshGenerators.disk(1, 3);
        UnrolledRelaxation relaxation = UnrolledRelaxation.of(mesh.topology(), 0.2, 200, 0.02, List.of(EnergyParameter.ELL0));
        try (BatchEvaluator evaluator = new BatchEvaluator(1)) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> new MetaTrainer(relaxation, 5).train(List.of(mesh.vertices()), EnergyParameters.tutorial(0.6),
                            Optimizer.sgd(100), new ForwardSensitivity(), evaluator, MetaTrainer.Listener.NONE,
                            CancellationCheck.NONE));
            assertTrue(e.getMessage().contains("outer step 0") && e.getMessage().contains("lower the learningRate"),
                    e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new MetaTrainer(relaxation, 0));
    }
}
