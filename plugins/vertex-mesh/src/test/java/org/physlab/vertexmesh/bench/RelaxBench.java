package org.physlab.vertexmesh.bench;

import java.util.Locale;
import org.physlab.vertexmesh.dynamics.Relaxation;
import org.physlab.vertexmesh.dynamics.Solver;
import org.physlab.vertexmesh.energy.TutorialEnergy;
import org.physlab.vertexmesh.mesh.HalfEdgeMesh;
import org.physlab.vertexmesh.mesh.Mesh;
import org.physlab.vertexmesh.mesh.MeshSource;

/**
 * Timings of the relaxation of the 131-vertex tutorial disk (run with bench.sh): one 20,000-step
 * gradient-descent relaxation with the allocation-free kernel, against a baseline measured in the
 * same run — a straightforward port that walks all 708 half-edges through the mesh accessors and
 * allocates its gradient every step — plus the tutorial's 19,999-step Tsit5 solve. Not a test.
 */
public final class RelaxBench {

    public static void main(String[] args) {
        Mesh disk = new MeshSource.TutorialDisk().load();
        TutorialEnergy energy = new TutorialEnergy(disk.topology());
        int steps = 20_000;
        double dt = 0.02, ell0 = 0.5;
        for (int warm = 0; warm < 3; warm++) {
            gd(energy, disk, steps, dt, ell0);
            naiveGd(disk, steps, dt, ell0);
        }
        int repeats = 5;
        double best = Double.MAX_VALUE, bestNaive = Double.MAX_VALUE, e = 0, eNaive = 0;
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            e = gd(energy, disk, steps, dt, ell0);
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            t0 = System.nanoTime();
            eNaive = naiveGd(disk, steps, dt, ell0);
            bestNaive = Math.min(bestNaive, (System.nanoTime() - t0) / 1e9);
        }
        long t0 = System.nanoTime();
        double[] v = disk.verticesCopy();
        Relaxation.Outcome tsit = Relaxation.run(energy, v, Relaxation.Settings.of(Solver.TSIT5, ell0, 19_999, 0.05, 19_999),
                (s, t, en) -> { });
        double tsitSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "GD relaxation, %d steps, 131 vertices (best of %d):%n", steps, repeats);
        System.out.printf(Locale.ROOT, "  allocation-free edge/face kernel : %.3f s  (%.1f µs/step)  E = %.10e%n", best, best / steps * 1e6, e);
        System.out.printf(Locale.ROOT, "  baseline: naive half-edge walk   : %.3f s  (%.1f µs/step)  E = %.10e%n", bestNaive,
                bestNaive / steps * 1e6, eNaive);
        System.out.printf(Locale.ROOT, "  speed-up over the baseline       : %.2f×%n", bestNaive / best);
        System.out.printf(Locale.ROOT, "Tsit5 fixed, 19,999 steps of 0.05 : %.3f s  E = %.10e (spec 9.5270038865e-3)%n", tsitSeconds,
                tsit.finalEnergy());
    }

    private static double gd(TutorialEnergy energy, Mesh disk, int steps, double dt, double ell0) {
        double[] v = disk.verticesCopy();
        Relaxation.run(energy, v, Relaxation.Settings.of(Solver.GD, ell0, steps, dt, steps), (s, t, en) -> { });
        return energy.energy(v, ell0);
    }

    /** The baseline: gradient per half-edge (every edge twice) through accessors, a fresh array every step. */
    private static double naiveGd(Mesh disk, int steps, double dt, double ell0) {
        HalfEdgeMesh m = disk.topology();
        double[] v = disk.verticesCopy();
        int nHE = m.halfEdgeCount(), nF = m.faceCount();
        double a0 = Math.sqrt(3) / 4 * ell0 * ell0;
        for (int step = 0; step < steps; step++) {
            double[] g = new double[v.length];
            for (int h = 0; h < nHE; h++) {
                int p = m.origin(h), q = m.destination(h);
                double[] e = {v[2 * p] - v[2 * q], v[2 * p + 1] - v[2 * q + 1]};
                double len = Math.hypot(e[0], e[1]);
                double c = 2.0 / nHE * (len / ell0 - 1) / ell0;
                g[2 * p] += c * e[0] / len;
                g[2 * p + 1] += c * e[1] / len;
                g[2 * q] -= c * e[0] / len;
                g[2 * q + 1] -= c * e[1] / len;
            }
            int[] faces = m.faces();
            for (int f = 0; f < nF; f++) {
                int a = faces[3 * f], b = faces[3 * f + 1], c = faces[3 * f + 2];
                double area = 0.5 * ((v[2 * b] - v[2 * a]) * (v[2 * c + 1] - v[2 * a + 1]) - (v[2 * b + 1] - v[2 * a + 1]) * (v[2 * c] - v[2 * a]));
                double k = 2.0 / nF * (area / a0 - 1) / a0;
                g[2 * a] += k * 0.5 * (v[2 * b + 1] - v[2 * c + 1]);
                g[2 * a + 1] -= k * 0.5 * (v[2 * b] - v[2 * c]);
                g[2 * b] += k * 0.5 * (v[2 * c + 1] - v[2 * a + 1]);
                g[2 * b + 1] -= k * 0.5 * (v[2 * c] - v[2 * a]);
                g[2 * c] += k * 0.5 * (v[2 * a + 1] - v[2 * b + 1]);
                g[2 * c + 1] -= k * 0.5 * (v[2 * a] - v[2 * b]);
            }
            for (int i = 0; i < v.length; i++) v[i] -= dt * g[i];
        }
        return new TutorialEnergy(m).energy(v, ell0);
    }
}
