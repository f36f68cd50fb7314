package org.physlab.vertexmesh.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.physlab.vertexmesh.mesh.Mesh;
import org.physlab.vertexmesh.mesh.MeshGenerators;
import org.physlab.vertexmesh.mesh.MeshSource;

class TutorialEnergyTest {
    private static final Mesh DISK = new MeshSource.TutorialDisk().load();
    private static final TutorialEnergy DISK_ENERGY = new TutorialEnergy(DISK.topology());

    @Test
    void energyAndGradientMatchTheTutorialAnchors() {
        double[] v = DISK.vertices();
        assertEquals(1.6051933881, DISK_ENERGY.energy(v, 1.0), 1e-10);
        assertEquals(0.6684085419, DISK_ENERGY.edgeEnergy(v, 1.0), 1e-10);
        assertEquals(1.1654633810, DISK_ENERGY.energy(v, 0.5), 1e-10);
        double[] g = new double[v.length];
        DISK_ENERGY.gradient(v, 1.0, g);
        assertEquals(0.0769755930, norm(g), 1e-10);
    }

    @Test
    void anEquilateralPatchAtItsRestLengthHasZeroEnergyAndForce() {
        Mesh hex = MeshGenerators.hexPatch(3, 0.4);
        TutorialEnergy e = new TutorialEnergy(hex.topology());
        assertEquals(0, e.energy(hex.vertices(), 0.4), 1e-28);
        double[] g = new double[hex.vertices().length];
        e.gradient(hex.vertices(), 0.4, g);
        assertEquals(0, norm(g), 1e-13);
        // every edge twice as long as ℓ₀ and every area four times a₀: (2−1)² + (4−1)²
        assertEquals(10, e.energy(hex.vertices(), 0.2), 1e-12);
    }

    @Test
    void energyIsScaleCovariant() {
        double[] v = DISK.vertices(), scaled = v.clone();
        for (int i = 0; i < v.length; i++) scaled[i] *= 3;
        assertEquals(DISK_ENERGY.energy(v, 0.5), DISK_ENERGY.energy(scaled, 1.5), 1e-13);
        double[] g = new double[v.length], gs = new double[v.length];
        DISK_ENERGY.gradient(v, 0.5, g);
        DISK_ENERGY.gradient(scaled, 1.5, gs);
        for (int i = 0; i < v.length; i++) assertEquals(g[i] / 3, gs[i], 1e-15);
    }

    @Test
    void gradientAgreesWithComplexStepOnRandomMeshes() {
        for (Case c : randomCases()) {
            ComplexEnergy oracle = new ComplexEnergy(c.mesh().topology());
            double[] v = c.mesh().vertices(), g = new double[v.length], unit = new double[v.length], exact = new double[v.length];
            c.energy().gradient(v, c.ell0(), g);
            for (int i = 0; i < v.length; i++) {
                unit[i] = 1;
                exact[i] = oracle.directionalDerivative(v, c.ell0(), unit, 0);
                unit[i] = 0;
            }
            assertRelative(exact, g, 1e-12, c + " gradient");
        }
    }

    @Test
    void energyItselfAgreesWithTheDefinitionThroughTheComplexOracle() {
        // ∂E/∂ℓ₀ by complex step vs a central difference of energy(): ties the fast energy to the definition
        for (Case c : randomCases()) {
            double[] v = c.mesh().vertices();
            double h = 1e-5;
            double fd = (c.energy().energy(v, c.ell0() + h) - c.energy().energy(v, c.ell0() - h)) / (2 * h);
            double cs = new ComplexEnergy(c.mesh().topology()).directionalDerivative(v, c.ell0(), new double[v.length], 1);
            assertEquals(cs, fd, 1e-7 * Math.abs(cs), c.toString());
        }
    }

    @Test
    void hessianVectorProductAgreesWithDifferencesOfTheGradient() {
        for (Case c : randomCases()) {
            double[] v = c.mesh().vertices(), s = randomDirection(v.length, c.seed());
            double[] hvp = new double[v.length];
            c.energy().directionalDerivative(v, c.ell0(), s, 0, hvp);
            double[] oracle = richardson(t -> {
                double[] moved = v.clone(), g = new double[v.length];
                for (int i = 0; i < v.length; i++) moved[i] += t * s[i];
                c.energy().gradient(moved, c.ell0(), g);
                return g;
            });
            assertRelative(oracle, hvp, 1e-8, c + " HVP");
        }
    }

    @Test
    void ell0DerivativeOfTheGradientAgreesWithDifferences() {
        for (Case c : randomCases()) {
            double[] v = c.mesh().vertices();
            double[] d = new double[v.length];
            c.energy().directionalDerivative(v, c.ell0(), new double[v.length], 1, d);
            double[] oracle = richardson(t -> {
                double[] g = new double[v.length];
                c.energy().gradient(v, c.ell0() + t, g);
                return g;
            });
            assertRelative(oracle, d, 1e-8, c + " d/dℓ₀ ∇E");
        }
    }

    @Test
    void hessianIsSymmetricAndTheCombinedDerivativeIsLinear() {
        Case c = randomCases().get(0);
        double[] v = c.mesh().vertices(), a = randomDirection(v.length, 11), b = randomDirection(v.length, 12);
        double[] ha = new double[v.length], hb = new double[v.length], both = new double[v.length], dl = new double[v.length];
        c.energy().directionalDerivative(v, c.ell0(), a, 0, ha);
        c.energy().directionalDerivative(v, c.ell0(), b, 0, hb);
        assertEquals(dot(b, ha), dot(a, hb), 1e-12 * Math.abs(dot(a, hb)));
        c.energy().directionalDerivative(v, c.ell0(), a, 0.7, both);
        c.energy().directionalDerivative(v, c.ell0(), new double[v.length], 1, dl);
        for (int i = 0; i < v.length; i++) assertEquals(ha[i] + 0.7 * dl[i], both[i], 1e-12 * (1 + Math.abs(both[i])));
    }

    @Test
    void badArgumentsAreRejected() {
        double[] v = DISK.vertices();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DISK_ENERGY.energy(v, 0)).getMessage().contains("ℓ₀ must be positive"));
        assertThrows(IllegalArgumentException.class, () -> DISK_ENERGY.energy(v, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> DISK_ENERGY.gradient(v, 1, new double[3]));
        assertThrows(IllegalArgumentException.class, () -> DISK_ENERGY.energy(new double[4], 1));
    }

    // ---- helpers --------------------------------------------------------------------------------

    private record Case(String name, Mesh mesh, TutorialEnergy energy, double ell0, long seed) {
        @Override
        public String toString() {
            return name + " ℓ₀=" + ell0;
        }
    }

    /** Noisy hex patches and disks (the hex at σ = 0.3·spacing) and random ℓ₀. */
    private static List<Case> randomCases() {
        SplittableRandom r = new SplittableRandom(2024);
        Mesh hex = MeshGenerators.noisy(MeshGenerators.hexPatch(3, 0.3), r, 0.09);
        Mesh ring = MeshGenerators.noisy(MeshGenerators.disk(1.3, 4), r, 0.02);
        Mesh disk = MeshGenerators.noisy(DISK, r, 0.02);
        return List.of(
                new Case("noisy hex", hex, new TutorialEnergy(hex.topology()), 0.15 + 0.4 * r.nextDouble(), 1),
                new Case("noisy ring disk", ring, new TutorialEnergy(ring.topology()), 0.1 + 0.5 * r.nextDouble(), 2),
                new Case("noisy tutorial disk", disk, new TutorialEnergy(disk.topology()), 0.2 + 0.8 * r.nextDouble(), 3));
    }

    private static double[] randomDirection(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] s = new double[n];
        double norm2 = 0;
        for (int i = 0; i < n; i++) {
            s[i] = r.nextGaussian();
            norm2 += s[i] * s[i];
        }
        for (int i = 0; i < n; i++) s[i] /= Math.sqrt(norm2);
        return s;
    }

    /** d/dt f(t) at 0 by Richardson-extrapolated central differences (truncation O(h⁴) ≈ 1e-16, rounding ≈ 1e-12). */
    private static double[] richardson(java.util.function.DoubleFunction<double[]> f) {
        double h = 1e-4;
        double[] p1 = f.apply(h), m1 = f.apply(-h), p2 = f.apply(h / 2), m2 = f.apply(-h / 2);
        double[] d = new double[p1.length];
        for (int i = 0; i < d.length; i++) {
            double dh = (p1[i] - m1[i]) / (2 * h), dh2 = (p2[i] - m2[i]) / h;
            d[i] = (4 * dh2 - dh) / 3;
        }
        return d;
    }

    private static void assertRelative(double[] expected, double[] actual, double tol, String what) {
        double diff = 0;
        for (int i = 0; i < expected.length; i++) diff = Math.max(diff, Math.abs(expected[i] - actual[i]));
        double scale = 0;
        for (double e : expected) scale = Math.max(scale, Math.abs(e));
        assertTrue(scale > 0, what + ": oracle is zero");
        assertTrue(diff <= tol * scale, what + ": max deviation " + diff + " vs max |entry| " + scale + " (relative " + diff / scale + ")");
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }
}
