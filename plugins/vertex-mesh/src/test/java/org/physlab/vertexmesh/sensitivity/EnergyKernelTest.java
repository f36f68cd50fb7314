package org.physlab.vertexmesh.sensitivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.physlab.vertexmesh.sensitivity.Differences.fivePoint;
import static org.physlab.vertexmesh.sensitivity.Differences.relativeError;
import static org.physlab.vertexmesh.sensitivity.Differences.shifted;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.physlab.vertexmesh.energy.TutorialEnergy;
import org.physlab.vertexmesh.mesh.Mesh;
import org.physlab.vertexmesh.mesh.MeshGenerators;
import org.physlab.vertexmesh.mesh.MeshSource;

class EnergyKernelTest {

    static Mesh disk() {
        return new MeshSource.TutorialDisk().load();
    }

    /** The tutorial disk and two generated meshes, all with random noise, as (mesh, ℓ₀, w) cases. */
    static List<Object[]> randomMeshes() {
        SplittableRandom random = new SplittableRandom(42);
        return List.of(
                new Object[] {MeshGenerators.noisy(disk(), random, 0.02), 0.2, 1.0},
                new Object[] {MeshGenerators.noisy(disk(), random, 0.03), 0.5, 0.3},
                new Object[] {MeshGenerators.noisy(MeshGenerators.disk(1, 3), random, 0.05), 0.4, 2.0},
                new Object[] {MeshGenerators.noisy(MeshGenerators.hexPatch(2, 0.3), random, 0.03), 0.25, 1.0});
    }

    static double[] randomDirection(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] d = new double[n];
        for (int i = 0; i < n; i++) d[i] = random.nextDouble(-1, 1);
        return d;
    }

    @Test
    void theTutorialEnergyOfTheDiskIsTheSpecAnchor() {
        EnergyKernel energy = new EnergyKernel(disk().topology());
        assertEquals(354, energy.edgeCount());
        assertEquals(224, energy.faceCount());
        assertEquals(1.6051933881, energy.energy(disk().vertices(), EnergyParameters.tutorial(1)), 1e-10);
        assertEquals(1.1654633810, energy.energy(disk().vertices(), EnergyParameters.tutorial(0.5)), 1e-10);
        double[] g = new double[energy.coordinateCount()];
        energy.gradient(disk().vertices(), EnergyParameters.tutorial(1), g);
        assertEquals(0.0769755930, Math.sqrt(dot(g, g)), 1e-10);
    }

    @ParameterizedTest
    @MethodSource("randomMeshes")
    void atAreaWeightOneItAgreesWithTheTutorialEnergy(Mesh mesh, double ell0, double ignoredWeight) {
        EnergyKernel kernel = new EnergyKernel(mesh.topology());
        TutorialEnergy reference = new TutorialEnergy(mesh.topology());
        double[] v = mesh.vertices();
        EnergyParameters p = EnergyParameters.tutorial(ell0);
        assertEquals(reference.energy(v, ell0), kernel.energy(v, p), 1e-14 * reference.energy(v, ell0));

        int n = kernel.coordinateCount();
        double[] g = new double[n];
        double[] t = new double[n];
        double[] gRef = new double[n];
        double[] tRef = new double[n];
        double[] s = randomDirection(n, 7);
        reference.gradient(v, ell0, gRef);
        reference.directionalDerivative(v, ell0, s, 0.7, tRef);
        kernel.gradientAndTangent(v, p, s, 0.7, 0, g, t);
        assertTrue(relativeError(g, gRef) < 1e-13, "gradient " + relativeError(g, gRef));
        assertTrue(relativeError(t, tRef) < 1e-13, "tangent " + relativeError(t, tRef));
    }

    @ParameterizedTest
    @MethodSource("randomMeshes")
    void theGradientIsTheDerivativeOfTheEnergy(Mesh mesh, double ell0, double weight) {
        EnergyKernel kernel = new EnergyKernel(mesh.topology());
        EnergyParameters p = new EnergyParameters(ell0, weight);
        double[] v = mesh.vertices();
        double[] g = new double[kernel.coordinateCount()];
        kernel.gradient(v, p, g);
        double[] fd = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            double[] e = new double[g.length];
            e[i] = 1;
            fd[i] = fivePoint(h -> kernel.energy(shifted(v, e, h), p), 0, 1e-3);
        }
        assertTrue(relativeError(g, fd) < 1e-8, "gradient vs finite differences: " + relativeError(g, fd));
        // the fused pass gives the same gradient
        double[] g2 = new double[g.length];
        kernel.gradientAndTangent(v, p, randomDirection(g.length, 3), 1, 1, g2, new double[g.length]);
        assertEquals(0, relativeError(g2, g), 1e-15);
    }

    @ParameterizedTest
    @MethodSource("randomMeshes")
    void theTangentIsTheDerivativeOfTheGradientAlongVerticesAndParameters(Mesh mesh, double ell0, double weight) {
        EnergyKernel kernel = new EnergyKernel(mesh.topology());
        double[] v = mesh.vertices();
        int n = kernel.coordinateCount();
        double[] s = randomDirection(n, 11);
        double dEll0 = 0.3;
        double dWeight = -0.8;
        double[] t = new double[n];
        kernel.gradientAndTangent(v, new EnergyParameters(ell0, weight), s, dEll0, dWeight, new double[n], t);
        // d/dh ∇E(V + hS; ℓ₀ + h·dℓ₀, w + h·dw), component by component
        double[] fd = new double[n];
        for (int i = 0; i < n; i++) {
            int component = i;
            fd[i] = fivePoint(h -> {
                double[] g = new double[n];
                kernel.gradient(shifted(v, s, h), new EnergyParameters(ell0 + h * dEll0, weight + h * dWeight), g);
                return g[component];
            }, 0, 1e-4);
        }
        assertTrue(relativeError(t, fd) < 1e-8, "tangent vs finite differences: " + relativeError(t, fd));
    }

    @ParameterizedTest
    @MethodSource("randomMeshes")
    void theAdjointProductIsTheTransposedTangent(Mesh mesh, double ell0, double weight) {
        EnergyKernel kernel = new EnergyKernel(mesh.topology());
        EnergyParameters p = new EnergyParameters(ell0, weight);
        double[] v = mesh.vertices();
        int n = kernel.coordinateCount();
        double[] lambda = randomDirection(n, 5);
        double[] s = randomDirection(n, 6);
        double[] hl = new double[n];
        double[] dots = new double[2];
        kernel.adjointProduct(v, p, lambda, hl, dots);
        double[] g = new double[n];
        double[] hs = new double[n];
        // ⟨λ, H·S⟩ = ⟨H·λ, S⟩ (symmetry), and ⟨λ, ∂θ∇E⟩ from tangents with S = 0
        kernel.gradientAndTangent(v, p, s, 0, 0, g, hs);
        assertEquals(dot(lambda, hs), dot(hl, s), 1e-13 * Math.abs(dot(lambda, hs)));
        double[] zero = new double[n];
        double[] dEll0 = new double[n];
        double[] dWeight = new double[n];
        kernel.gradientAndTangent(v, p, zero, 1, 0, g, dEll0);
        kernel.gradientAndTangent(v, p, zero, 0, 1, g, dWeight);
        assertEquals(dot(lambda, dEll0), dots[EnergyParameter.ELL0.ordinal()], 1e-13 * Math.abs(dots[0]));
        assertEquals(dot(lambda, dWeight), dots[EnergyParameter.AREA_WEIGHT.ordinal()], 1e-13 * Math.abs(dots[1]));
        // and H·λ itself is the tangent along λ
        double[] hlRef = new double[n];
        kernel.gradientAndTangent(v, p, lambda, 0, 0, g, hlRef);
        assertEquals(0, relativeError(hl, hlRef), 1e-14);
    }

    @Test
    void aZeroAreaWeightLeavesOnlyTheEdgeTerm() {
        Mesh mesh = disk();
        EnergyKernel kernel = new EnergyKernel(mesh.topology());
        assertEquals(0.6684085419, kernel.energy(mesh.vertices(), new EnergyParameters(1, 0)), 1e-10);
        assertEquals(0.6684085419 + 2 * 0.9367848462, kernel.energy(mesh.vertices(), new EnergyParameters(1, 2)), 1e-9);
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
