package org.physlab.vertexmesh.energy;

import org.physlab.vertexmesh.mesh.HalfEdgeMesh;

/**
 * A test oracle: the tutorial energy evaluated in complex arithmetic, straight from its definition
 * (every half-edge, every face), so that Im E(V + ihS; ℓ₀ + ihδ)/h is the exact directional derivative
 * (complex-step differentiation, no cancellation error).
 */
final class ComplexEnergy {
    private final HalfEdgeMesh mesh;
    private final int[] faces;

    ComplexEnergy(HalfEdgeMesh mesh) {
        this.mesh = mesh;
        this.faces = mesh.faces();
    }

    /** ∇E·s + δ·∂E/∂ℓ₀ by a complex step of size 1e-30. */
    double directionalDerivative(double[] v, double ell0, double[] s, double delta) {
        double h = 1e-30;
        int n = v.length;
        double[] re = v, im = new double[n];
        for (int i = 0; i < n; i++) im[i] = h * s[i];
        return energyImaginary(re, im, ell0, h * delta) / h;
    }

    /** Im E for complex positions re + i·im and complex ℓ₀ = ell0 + i·ell0Im. */
    private double energyImaginary(double[] re, double[] im, double ell0, double ell0Im) {
        double[] l0 = {ell0, ell0Im};
        double[] edgeSum = {0, 0};
        for (int h = 0; h < mesh.halfEdgeCount(); h++) {
            int p = mesh.origin(h), q = mesh.destination(h);
            double[] dx = {re[2 * p] - re[2 * q], im[2 * p] - im[2 * q]};
            double[] dy = {re[2 * p + 1] - re[2 * q + 1], im[2 * p + 1] - im[2 * q + 1]};
            double[] len = sqrt(add(mul(dx, dx), mul(dy, dy)));
            double[] r = add(div(len, l0), new double[] {-1, 0});
            edgeSum = add(edgeSum, mul(r, r));
        }
        double[] a0 = mul(new double[] {Math.sqrt(3) / 4, 0}, mul(l0, l0));
        double[] areaSum = {0, 0};
        for (int f = 0; f < mesh.faceCount(); f++) {
            int a = faces[3 * f], b = faces[3 * f + 1], c = faces[3 * f + 2];
            double[] bax = {re[2 * b] - re[2 * a], im[2 * b] - im[2 * a]}, bay = {re[2 * b + 1] - re[2 * a + 1], im[2 * b + 1] - im[2 * a + 1]};
            double[] cax = {re[2 * c] - re[2 * a], im[2 * c] - im[2 * a]}, cay = {re[2 * c + 1] - re[2 * a + 1], im[2 * c + 1] - im[2 * a + 1]};
            double[] cross = add(mul(bax, cay), mul(new double[] {-1, 0}, mul(bay, cax)));
            double[] area = mul(new double[] {0.5, 0}, cross);
            double[] r = add(div(area, a0), new double[] {-1, 0});
            areaSum = add(areaSum, mul(r, r));
        }
        return edgeSum[1] / mesh.halfEdgeCount() + areaSum[1] / mesh.faceCount();
    }

    private static double[] add(double[] a, double[] b) {
        return new double[] {a[0] + b[0], a[1] + b[1]};
    }

    private static double[] mul(double[] a, double[] b) {
        return new double[] {a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]};
    }

    private static double[] div(double[] a, double[] b) {
        double d = b[0] * b[0] + b[1] * b[1];
        return new double[] {(a[0] * b[0] + a[1] * b[1]) / d, (a[1] * b[0] - a[0] * b[1]) / d};
    }

    /** Principal square root (the argument here has a positive real part). */
    private static double[] sqrt(double[] z) {
        double m = Math.hypot(z[0], z[1]);
        double re = Math.sqrt((m + z[0]) / 2);
        return new double[] {re, z[1] / (2 * re)};
    }
}
