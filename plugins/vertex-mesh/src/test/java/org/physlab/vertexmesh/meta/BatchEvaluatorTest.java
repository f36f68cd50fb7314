package org.physlab.vertexmesh.meta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.physlab.api.RunCancelledException;
import org.physlab.vertexmesh.mesh.Mesh;
import org.physlab.vertexmesh.mesh.MeshGenerators;
import org.physlab.vertexmesh.sensitivity.CancellationCheck;
import org.physlab.vertexmesh.sensitivity.EnergyParameter;
import org.physlab.vertexmesh.sensitivity.EnergyParameters;
import org.physlab.vertexmesh.sensitivity.ForwardSensitivity;
import org.physlab.vertexmesh.sensitivity.MetaGradient;
import org.physlab.vertexmesh.dynamics.RelaxationDivergedException;
import org.physlab.vertexmesh.sensitivity.SensitivityMethod;
import org.physlab.vertexmesh.sensitivity.UnrolledRelaxation;

class BatchEvaluatorTest {
    static final Mesh MESH = MeshGenerators.disk(1, 3);
    static final UnrolledRelaxation RELAXATION = UnrolledRelaxation.of(MESH.topology(), 0.5, 400, 0.02,
            List.of(EnergyParameter.ELL0, EnergyParameter.AREA_WEIGHT));
    static final EnergyParameters AT = new EnergyParameters(0.3, 1.0);

    static List<double[]> noisyBatch(int size) {
        SplittableRandom random = new SplittableRandom(9);
        List<double[]> batch = new ArrayList<>();
        for (int i = 0; i < size; i++) batch.add(MeshGenerators.noisy(MESH, random, 0.02).vertices());
        return batch;
    }

    @Test
    void theParallelMeanEqualsTheSequentialOneBitForBit() {
        List<double[]> batch = noisyBatch(5);
        BatchMetaGradient sequential;
        try (BatchEvaluator one = new BatchEvaluator(1)) {
            sequential = one.evaluate(new ForwardSensitivity(), RELAXATION, batch, AT, CancellationCheck.NONE);
        }
        try (BatchEvaluator three = new BatchEvaluator(3)) {
            for (int repeat = 0; repeat < 3; repeat++) {
                BatchMetaGradient parallel = three.evaluate(new ForwardSensitivity(), RELAXATION, batch, AT, CancellationCheck.NONE);
                assertEquals(sequential.loss(), parallel.loss(), 0);
                assertArrayEquals(sequential.gradient(), parallel.gradient(), 0);
            }
        }
        // the mean of the members, each its own relaxation
        double loss = 0;
        for (int i = 0; i < 5; i++) {
            MetaGradient alone = new ForwardSensitivity().metaGradient(RELAXATION, batch.get(i), AT, CancellationCheck.NONE);
            assertEquals(alone.loss(), sequential.members().get(i).loss(), 0);
            loss += alone.loss();
        }
        assertEquals(loss / 5, sequential.loss(), 1e-15);
        assertTrue(sequential.members().get(0).loss() != sequential.members().get(1).loss(), "the copies differ");
    }

    @Test
    void aFailingCopyStopsTheOthersAndItsFailureIsReported() {
        List<double[]> batch = noisyBatch(3);
        double[] broken = batch.get(1).clone();
        broken[0] = Double.NaN;
        batch.set(1, broken);
        try (BatchEvaluator evaluator = new BatchEvaluator(3)) {
            RelaxationDivergedException e = assertThrows(RelaxationDivergedException.class,
                    () -> evaluator.evaluate(new ForwardSensitivity(), RELAXATION, batch, AT, CancellationCheck.NONE));
            assertTrue(e.getMessage().contains("NaN"), e.getMessage());
            // the pool is still usable afterwards
            BatchMetaGradient ok = evaluator.evaluate(new ForwardSensitivity(), RELAXATION, noisyBatch(3), AT, CancellationCheck.NONE);
            assertTrue(Double.isFinite(ok.loss()));
        }
    }

    @Test
    void cancellationReachesEveryWorker() {
        RunCancelledException cancelled = new RunCancelledException("user asked");
        SensitivityMethod forward = new ForwardSensitivity();
        try (BatchEvaluator evaluator = new BatchEvaluator(2)) {
            RunCancelledException e = assertThrows(RunCancelledException.class,
                    () -> evaluator.evaluate(forward, RELAXATION, noisyBatch(4), AT, () -> { throw cancelled; }));
            assertSame(cancelled, e);
        }
    }

    @Test
    void anEmptyBatchOrNoThreadsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new BatchEvaluator(0));
        try (BatchEvaluator evaluator = BatchEvaluator.forBatch(3)) {
            assertTrue(evaluator.threads() >= 1 && evaluator.threads() <= 3);
            assertEquals(Math.min(3, 2 * Runtime.getRuntime().availableProcessors()), evaluator.threads());
            assertThrows(IllegalArgumentException.class,
                    () -> evaluator.evaluate(new ForwardSensitivity(), RELAXATION, List.of(), AT, CancellationCheck.NONE));
        }
    }
}
