package org.physlab.vertexmesh.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.physlab.vertexmesh.energy.TutorialEnergy;
import org.physlab.vertexmesh.geometry.Geometry;
import org.physlab.vertexmesh.mesh.Mesh;
import org.physlab.vertexmesh.mesh.MeshSource;

class RelaxationTest {
    private static final Mesh DISK = new MeshSource.TutorialDisk().load();
    private static final TutorialEnergy ENERGY = new TutorialEnergy(DISK.topology());

    private record Recorded(int step, double energy) { }

    private static List<Recorded> relax(double[] v, Relaxation.Settings s) {
        List<Recorded> out = new ArrayList<>();
        Relaxation.run(ENERGY, v, s, (step, t, e) -> out.add(new Recorded(step, e)));
        return out;
    }

    @Test
    void gradientDescentReproducesTheTutorialRelaxation() {
        // the tutorial's scan makes 19,999 effective steps of 0.02 at ℓ₀ = 0.5 (its first step has dt = 0)
        double[] v = DISK.verticesCopy();
        List<Recorded> curve = relax(v, Relaxation.Settings.of(Solver.GD, 0.5, 19_999, 0.02, 1));
        assertEquals(1.1654633810, curve.get(0).energy(), 1e-10);   // loss[0] = loss[1]
        assertEquals(1.1186574720, curve.get(99).energy(), 1e-9);   // loss[100]: energy after 99 updates
        assertEquals(0.78682079592, curve.get(999).energy(), 1e-9); // loss[1000]
        assertEquals(1.0504137032e-2, curve.get(19_998).energy(), 1e-11); // loss[19999]
        assertEquals(1.0503695975e-2, curve.get(19_999).energy(), 1e-11); // after the last update
        double[] len = Geometry.halfEdgeLengths(DISK.withVertices(v));
        assertEquals(0.49827074, Arrays.stream(len).average().orElseThrow(), 1e-8);
        assertEquals(0.398577, Arrays.stream(len).min().orElseThrow(), 1e-6);
        assertEquals(0.647052, Arrays.stream(len).max().orElseThrow(), 1e-6);
    }

    @Test
    void fixedStepTsit5ReproducesTheTutorialOdeSolve() {
        double[] v = DISK.verticesCopy();
        Relaxation.Outcome o = Relaxation.run(ENERGY, v, Relaxation.Settings.of(Solver.TSIT5, 0.5, 19_999, 0.05, 19_999),
                (step, t, e) -> { });
        assertEquals(9.5270038865e-3, o.finalEnergy(), 1e-12);
        assertEquals(0.50343236, Arrays.stream(Geometry.halfEdgeLengths(DISK.withVertices(v))).average().orElseThrow(), 1e-8);
    }

    @Test
    void gradientDescentAndEulerAreTheSameIterationAndHigherOrderSolversAgreeOnTheFlow() {
        double[] gd = DISK.verticesCopy(), euler = DISK.verticesCopy(), rk4 = DISK.verticesCopy(), tsit = DISK.verticesCopy(),
                adaptive = DISK.verticesCopy();
        relax(gd, Relaxation.Settings.of(Solver.GD, 0.5, 400, 0.01, 100));
        relax(euler, Relaxation.Settings.of(Solver.EULER, 0.5, 400, 0.01, 100));
        assertArrayEquals(gd, euler);
        relax(rk4, Relaxation.Settings.of(Solver.RK4, 0.5, 200, 0.02, 100));
        relax(tsit, Relaxation.Settings.of(Solver.TSIT5, 0.5, 40, 0.1, 100));
        Relaxation.Outcome o = Relaxation.run(ENERGY, adaptive,
                new Relaxation.Settings(Solver.TSIT5_ADAPTIVE, 0.5, 40, 0.1, 1, 1e-10, 1e-12), (s, t, e) -> { });
        assertEquals(4.0, o.time(), 1e-12);
        // all integrate dV/dt = −∇E to t = 4: the high-order ones agree closely, Euler to O(dt)
        assertTrue(maxDiff(rk4, tsit) < 1e-7, "rk4 vs tsit5 " + maxDiff(rk4, tsit));
        assertTrue(maxDiff(adaptive, tsit) < 1e-7, "adaptive vs tsit5 " + maxDiff(adaptive, tsit));
        assertTrue(maxDiff(gd, tsit) < 1e-3 && maxDiff(gd, tsit) > 1e-7, "euler vs tsit5 " + maxDiff(gd, tsit));
    }

    @Test
    void energyDecreasesAlongTheRecordedCurve() {
        List<Recorded> curve = relax(DISK.verticesCopy(), Relaxation.Settings.of(Solver.RK4, 0.3, 500, 0.05, 50));
        assertEquals(11, curve.size());
        for (int i = 1; i < curve.size(); i++) assertTrue(curve.get(i).energy() < curve.get(i - 1).energy());
    }

    @Test
    void aTooLargeStepBlowsUpWithAnErrorNamingTheStep() {
        RelaxationDivergedException e = assertThrows(RelaxationDivergedException.class,
                () -> relax(DISK.verticesCopy(), Relaxation.Settings.of(Solver.GD, 0.2, 20_000, 50, 100)));
        assertTrue(e.step() > 0 && e.step() < 20_000);
        assertTrue(e.getMessage().startsWith("relaxation blew up at step " + e.step() + " of 20000"), e.getMessage());
        assertTrue(e.getMessage().contains("use a smaller stepSize"), e.getMessage());
    }

    private static double maxDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
        return m;
    }
}
