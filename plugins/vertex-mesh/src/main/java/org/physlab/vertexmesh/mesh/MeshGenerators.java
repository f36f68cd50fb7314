package org.physlab.vertexmesh.mesh;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/** Built-in meshes: a ring-triangulated disk, a hexagonal patch of the triangular lattice, and noisy copies. */
public final class MeshGenerators {

    private MeshGenerators() { }

    /**
     * A disk of radius {@code radius} made of a centre vertex and {@code rings} concentric rings, ring k
     * holding 6k equally spaced vertices at radius k·radius/rings; neighbouring rings are zipped
     * together by always advancing on the ring whose next vertex comes first in angle. N_V = 1 + 3n(n+1),
     * N_F = 6n², 6n boundary edges; edges are close to radius/rings long.
     */
    public static Mesh disk(double radius, int rings) {
        if (!(radius > 0) || !Double.isFinite(radius)) throw new IllegalArgumentException("disk radius must be positive, got " + radius);
        if (rings < 1 || rings > 200) throw new IllegalArgumentException("disk rings must be between 1 and 200, got " + rings);
        int nV = 1 + 3 * rings * (rings + 1);
        double[] v = new double[2 * nV];
        int[] ringStart = new int[rings + 1];
        int idx = 1;
        for (int k = 1; k <= rings; k++) {
            ringStart[k] = idx;
            double r = radius * k / rings;
            for (int j = 0; j < 6 * k; j++, idx++) {
                double theta = 2 * Math.PI * j / (6 * k);
                v[2 * idx] = r * Math.cos(theta);
                v[2 * idx + 1] = r * Math.sin(theta);
            }
        }
        int[] faces = new int[3 * 6 * rings * rings];
        int f = 0;
        for (int j = 0; j < 6; j++) {
            faces[f++] = 0;
            faces[f++] = 1 + j;
            faces[f++] = 1 + (j + 1) % 6;
        }
        for (int k = 2; k <= rings; k++) {
            int m = 6 * (k - 1), big = 6 * k, in0 = ringStart[k - 1], out0 = ringStart[k];
            int i = 0, j = 0;
            while (i < m || j < big) {
                // advance on the outer ring when its next vertex comes first in angle: (j+1)/big < (i+1)/m
                boolean outer = i == m || (j < big && (long) (j + 1) * m < (long) (i + 1) * big);
                if (outer) {
                    faces[f++] = in0 + i % m;
                    faces[f++] = out0 + j;
                    faces[f++] = out0 + (j + 1) % big;
                    j++;
                } else {
                    faces[f++] = in0 + i;
                    faces[f++] = out0 + j % big;
                    faces[f++] = in0 + (i + 1) % m;
                    i++;
                }
            }
        }
        return new Mesh(HalfEdgeMesh.fromTriangles(nV, faces), v);
    }

    /**
     * The hexagonal patch of the equilateral triangular lattice with spacing {@code spacing}: every
     * lattice point within {@code rings} lattice steps of the origin. N_V = 1 + 3n(n+1), N_F = 6n²; all
     * edges are exactly {@code spacing} long and all faces have area (√3/4)·spacing².
     */
    public static Mesh hexPatch(int rings, double spacing) {
        if (!(spacing > 0) || !Double.isFinite(spacing)) throw new IllegalArgumentException("hex spacing must be positive, got " + spacing);
        if (rings < 1 || rings > 200) throw new IllegalArgumentException("hex rings must be between 1 and 200, got " + rings);
        Map<Long, Integer> index = new HashMap<>();
        int nV = 1 + 3 * rings * (rings + 1);
        double[] v = new double[2 * nV];
        int n = 0;
        for (int r = -rings; r <= rings; r++) {
            for (int q = -rings; q <= rings; q++) {
                if (Math.abs(q + r) > rings) continue;
                index.put(key(q, r), n);
                v[2 * n] = spacing * (q + 0.5 * r);
                v[2 * n + 1] = spacing * r * Math.sqrt(3) / 2;
                n++;
            }
        }
        int[] faces = new int[3 * 6 * rings * rings];
        int f = 0;
        for (int r = -rings; r <= rings; r++) {
            for (int q = -rings; q <= rings; q++) {
                Integer a = index.get(key(q, r)), b = index.get(key(q + 1, r)), c = index.get(key(q, r + 1)),
                        d = index.get(key(q + 1, r + 1));
                if (a != null && b != null && c != null) {
                    faces[f++] = a;
                    faces[f++] = b;
                    faces[f++] = c;
                }
                if (b != null && d != null && c != null) {
                    faces[f++] = b;
                    faces[f++] = d;
                    faces[f++] = c;
                }
            }
        }
        return new Mesh(HalfEdgeMesh.fromTriangles(nV, faces), v);
    }

    private static long key(int q, int r) {
        return ((long) q << 32) | (r & 0xffffffffL);
    }

    /**
     * A copy of {@code mesh} with independent N(0, σ²) displacements added to every coordinate
     * (σ = 0 gives an identical copy). Connectivity is shared.
     */
    public static Mesh noisy(Mesh mesh, RandomGenerator random, double sigma) {
        Objects.requireNonNull(random, "random");
        if (!(sigma >= 0) || !Double.isFinite(sigma)) throw new IllegalArgumentException("noise σ must be ≥ 0, got " + sigma);
        double[] v = mesh.verticesCopy();
        if (sigma > 0) {
            for (int i = 0; i < v.length; i++) v[i] += sigma * random.nextGaussian();
        }
        return new Mesh(mesh.topology(), v);
    }
}
