package org.physlab.vertexmesh.sensitivity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.physlab.vertexmesh.dynamics.RelaxationDivergedException;
import org.physlab.vertexmesh.mesh.Mesh;
import org.physlab.vertexmesh.mesh.MeshGenerators;
import org.physlab.vertexmesh.mesh.MeshSource;

/**
 * The meta-gradient through N gradient-descent steps: forward mode, the adjoint and finite differences of
 * the whole relaxation agree, and the spec's noise-free anchor at 20,000 steps is reproduced.
 */
class SensitivityTest {
    static final List<EnergyParameter> ELL0 = List.of(EnergyParameter.ELL0);
    static final List<EnergyParameter> BOTH = List.of(EnergyParameter.ELL0, EnergyParameter.AREA_WEIGHT);

    static final Mesh DISK = new MeshSource.TutorialDisk().load();

    /** dL/dθ by central differences of complete relaxations. */
    static double finiteDifference(UnrolledRelaxation relaxation, double[] v0, EnergyParameters at, EnergyParameter theta) {
        return Differences.central(x -> relaxation.loss().value(
                relaxation.relax(v0, at.with(theta, x), CancellationCheck.NONE)), at.get(theta), 1e-5);
    }

    void assertAllThreeAgree(Mesh mesh, double target, int steps, double stepSize, EnergyParameters at) {
        UnrolledRelaxation relaxation = UnrolledRelaxation.of(mesh.topology(), target, steps, stepSize, BOTH);
        double[] v0 = mesh.vertices();
        MetaGradient forward = new ForwardSensitivity().metaGradient(relaxation, v0, at, CancellationCheck.NONE);
        MetaGradient adjoint = AdjointSensitivity.withSqrtCheckpoints().metaGradient(relaxation, v0, at, CancellationCheck.NONE);
        assertEquals(forward.loss(), adjoint.loss(), 0, "both relax the same way");
        assertArrayEquals(forward.relaxedVertices(), adjoint.relaxedVertices(), 0);
        for (EnergyParameter theta : BOTH) {
            double fd = finiteDifference(relaxation, v0, at, theta);
            double f = forward.derivative(theta);
            double a = adjoint.derivative(theta);
            assertTrue(Differences.relativeError(f, a) < 1e-10, theta.key() + ": forward " + f + " vs adjoint " + a);
            assertTrue(Differences.relativeError(f, fd) < 1e-6, theta.key() + ": forward " + f + " vs differences " + fd);
            assertTrue(Differences.relativeError(a, fd) < 1e-6, theta.key() + ": adjoint " + a + " vs differences " + fd);
        }
    }

    @Test
    void forwardAdjointAndFiniteDifferencesAgreeOnTheNoisyTutorialDisk() {
        Mesh noisy = MeshGenerators.noisy(DISK, new SplittableRandom(3), 0.02);
        assertAllThreeAgree(noisy, 0.4, 500, 0.01, EnergyParameters.tutorial(0.2));
    }

    @Test
    void forwardAdjointAndFiniteDifferencesAgreeOnASmallGeneratedMesh() {
        Mesh hex = MeshGenerators.noisy(MeshGenerators.hexPatch(2, 0.3), new SplittableRandom(4), 0.02);
        assertAllThreeAgree(hex, 0.25, 500, 0.02, new EnergyParameters(0.35, 0.6));
    }

    @Test
    void theNoiseFreeTutorialAnchorThrough20000Steps() {
        UnrolledRelaxation relaxation = UnrolledRelaxation.of(DISK.topology(), 0.4, 20_000, 0.01, ELL0);
        EnergyParameters initial = EnergyParameters.tutorial(0.2);
        MetaGradient forward = new ForwardSensitivity().metaGradient(relaxation, DISK.vertices(), initial, CancellationCheck.NONE);
        assertEquals(0.2484891247, forward.loss(), 1e-10);
        assertEquals(-2.4806914752, forward.derivative(EnergyParameter.ELL0), 1e-9);
        MetaGradient adjoint = AdjointSensitivity.withSqrtCheckpoints()
                .metaGradient(relaxation, DISK.vertices(), initial, CancellationCheck.NONE);
        assertEquals(0.2484891247, adjoint.loss(), 1e-10);
        assertEquals(-2.4806914752, adjoint.derivative(EnergyParameter.ELL0), 1e-9);
    }

    @Test
    void everyCheckpointingOfTheAdjointGivesBitIdenticalResults() {
        Mesh mesh = MeshGenerators.noisy(MeshGenerators.disk(1, 3), new SplittableRandom(5), 0.03);
        UnrolledRelaxation relaxation = UnrolledRelaxation.of(mesh.topology(), 0.5, 301, 0.02, BOTH);
        EnergyParameters at = new EnergyParameters(0.3, 1.2);
        MetaGradient sqrt = AdjointSensitivity.withSqrtCheckpoints().metaGradient(relaxation, mesh.vertices(), at, CancellationCheck.NONE);
        assertEquals(18, AdjointSensitivity.withSqrtCheckpoints().intervalFor(301));
        for (AdjointSensitivity other : List.of(AdjointSensitivity.storingTrajectory(),
                AdjointSensitivity.withCheckpointInterval(1), AdjointSensitivity.withCheckpointInterval(7),
                AdjointSensitivity.withCheckpointInterval(300))) {
            MetaGradient g = other.metaGradient(relaxation, mesh.vertices(), at, CancellationCheck.NONE);
            assertArrayEquals(sqrt.gradient(), g.gradient(), 0);
            assertEquals(sqrt.loss(), g.loss(), 0);
        }
    }

    @Test
    void aStepSizeBeyondTheStabilityLimitFailsNamingTheSteps() {
        UnrolledRelaxation relaxation = UnrolledRelaxation.of(DISK.topology(), 0.4, 2000, 5.0, ELL0);
        for (SensitivityMethod method : List.of(new ForwardSensitivity(), AdjointSensitivity.withSqrtCheckpoints())) {
            RelaxationDivergedException e = assertThrows(RelaxationDivergedException.class,
                    () -> method.metaGradient(relaxation, DISK.vertices(), EnergyParameters.tutorial(0.2), CancellationCheck.NONE));
            assertTrue(e.getMessage().contains("blew up") && e.getMessage().contains("smaller stepSize"), e.getMessage());
            assertTrue(e.step() > 0 && e.step() <= 2000, "step " + e.step());
        }
        assertThrows(RelaxationDivergedException.class,
                () -> relaxation.relax(DISK.vertices(), EnergyParameters.tutorial(0.2), CancellationCheck.NONE));
    }

    @Test
    void theInnerLoopStopsWhenTheCancellationCheckThrows() {
        UnrolledRelaxation relaxation = UnrolledRelaxation.of(DISK.topology(), 0.4, 20_000, 0.01, ELL0);
        for (SensitivityMethod method : List.of(new ForwardSensitivity(), AdjointSensitivity.withSqrtCheckpoints())) {
            AtomicInteger checks = new AtomicInteger();
            CancellationCheck stopAfterThree = () -> {
                if (checks.incrementAndGet() == 3) throw new IllegalStateException("stop");
            };
            assertThrows(IllegalStateException.class,
                    () -> method.metaGradient(relaxation, DISK.vertices(), EnergyParameters.tutorial(0.2), stopAfterThree));
            assertEquals(3, checks.get(), "it stopped at the third check, " + 3 * UnrolledRelaxation.CHECK_INTERVAL + " steps in");
        }
    }

    @Test
    void badModelsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> UnrolledRelaxation.of(DISK.topology(), 0.4, 0, 0.01, ELL0));
        assertThrows(IllegalArgumentException.class, () -> UnrolledRelaxation.of(DISK.topology(), 0.4, 10, -0.01, ELL0));
        assertThrows(IllegalArgumentException.class, () -> UnrolledRelaxation.of(DISK.topology(), 0.4, 10, 0.01, List.of()));
        assertThrows(IllegalArgumentException.class, () -> UnrolledRelaxation.of(DISK.topology(), 0.4, 10, 0.01,
                List.of(EnergyParameter.ELL0, EnergyParameter.ELL0)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EnergyParameters.tutorial(0));
        assertTrue(e.getMessage().contains("positive"), e.getMessage());
    }
}
