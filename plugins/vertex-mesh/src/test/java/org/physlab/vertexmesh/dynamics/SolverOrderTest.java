package org.physlab.vertexmesh.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** Convergence orders on the linear ODE y' = A·y, A = −I + 2J (a damped rotation) with a closed-form solution. */
class SolverOrderTest {
    private static final OdeSystem DAMPED_ROTATION = (y, d) -> {
        d[0] = -y[0] + 2 * y[1];
        d[1] = -2 * y[0] - y[1];
    };

    private static double[] exact(double t) {
        double e = Math.exp(-t);
        return new double[] {e * (Math.cos(2 * t) + Math.sin(2 * t)), e * (Math.cos(2 * t) - Math.sin(2 * t))};
    }

    private static double error(IntFunction<Stepper> make, int steps) {
        Stepper s = make.apply(2);
        double[] y = {1, 1};
        for (int i = 0; i < steps; i++) s.step(DAMPED_ROTATION, y, 1.0 / steps);
        double[] ex = exact(1);
        return Math.hypot(y[0] - ex[0], y[1] - ex[1]);
    }

    private static double observedOrder(IntFunction<Stepper> make, int steps) {
        return Math.log(error(make, steps) / error(make, 2 * steps)) / Math.log(2);
    }

    @Test
    void eulerIsFirstOrder() {
        assertEquals(1, observedOrder(ExplicitEuler::new, 64), 0.05);
    }

    @Test
    void rungeKutta4IsFourthOrder() {
        assertEquals(4, observedOrder(RungeKutta4::new, 16), 0.1);
    }

    @Test
    void tsit5IsFifthOrder() {
        // the observed order approaches 5 from above: 5.55, 5.30, 5.15, 5.07 for 8, 16, 32, 64 steps
        assertEquals(5, observedOrder(Tsit5::new, 32), 0.2);
        assertTrue(error(Tsit5::new, 16) < 1e-8);
    }

    @Test
    void tsit5TableauIsConsistent() {
        assertEquals(Tsit5.C2, Tsit5.A21, 1e-15);
        assertEquals(Tsit5.C3, Tsit5.A31 + Tsit5.A32, 1e-15);
        assertEquals(Tsit5.C4, Tsit5.A41 + Tsit5.A42 + Tsit5.A43, 1e-15);
        assertEquals(Tsit5.C5, Tsit5.A51 + Tsit5.A52 + Tsit5.A53 + Tsit5.A54, 1e-14);
        assertEquals(1, Tsit5.A61 + Tsit5.A62 + Tsit5.A63 + Tsit5.A64 + Tsit5.A65, 1e-14);
        assertEquals(1, Tsit5.B1 + Tsit5.B2 + Tsit5.B3 + Tsit5.B4 + Tsit5.B5 + Tsit5.B6, 1e-14);
        assertEquals(1, Tsit5.BH1 + Tsit5.BH2 + Tsit5.BH3 + Tsit5.BH4 + Tsit5.BH5 + Tsit5.BH6 + Tsit5.BH7, 1e-14);
    }

    @Test
    void tsit5ReusesTheLastStageSoAStepCostsSixEvaluations() {
        int[] calls = {0};
        OdeSystem counted = (y, d) -> {
            calls[0]++;
            DAMPED_ROTATION.derivative(y, d);
        };
        Tsit5 t = new Tsit5(2);
        double[] y = {1, 1};
        for (int i = 0; i < 10; i++) t.step(counted, y, 0.1);
        assertEquals(1 + 6 * 10, calls[0]);
        y[0] += 1e-3; // state changed from outside: the cached stage no longer applies
        t.step(counted, y, 0.1);
        assertEquals(1 + 6 * 10 + 7, calls[0]);
    }

    @Test
    void adaptiveTsit5MeetsItsToleranceWithFewSteps() {
        AdaptiveTsit5 a = new AdaptiveTsit5(2, 1e-9, 1e-12);
        double[] y = {1, 1};
        AdaptiveTsit5.Statistics st = a.integrate(DAMPED_ROTATION, y, 5, 1e-3, 10_000, null);
        double[] ex = exact(5);
        assertTrue(Math.hypot(y[0] - ex[0], y[1] - ex[1]) < 1e-9, "error " + Math.hypot(y[0] - ex[0], y[1] - ex[1]));
        assertTrue(st.acceptedSteps() > 10 && st.acceptedSteps() < 400, st.toString());
        AdaptiveTsit5 loose = new AdaptiveTsit5(2, 1e-4, 1e-7);
        double[] z = {1, 1};
        assertTrue(loose.integrate(DAMPED_ROTATION, z, 5, 1e-3, 10_000, null).acceptedSteps() < st.acceptedSteps());
    }
}
