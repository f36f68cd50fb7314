package org.physlab.calabiyau.quintic;

/**
 * Pull-back of ambient (affine) Hermitian metrics to the threefold through the Jacobian of the
 * embedding, g = J ĝ J^†, and the determinant of the resulting 3×3 Hermitian metric.
 * Matrices are row-major interleaved (re, im) pairs: ambient 4×4 = 32 doubles, local 3×3 = 18 doubles.
 */
public final class Embedding {

    private Embedding() {
    }

    /**
     * g_{r s̄} = Σ_{i,j} J_{r i} ĝ_{i j̄} conj(J_{s j}) with the sparse J of {@link ChartPoint#jacobian()}.
     *
     * @param ambient the 4×4 ambient metric ĝ (32 doubles)
     * @param local   output, the 3×3 local metric (18 doubles)
     */
    public static void pullBack(ChartPoint point, double[] ambient, double[] local) {
        double[] a = point.jacobianDependentColumn();
        int d = point.dependent();
        for (int r = 0; r < 3; r++) {
            int ir = point.localIndex(r);
            double ar = a[2 * r], ai = a[2 * r + 1];
            for (int s = 0; s < 3; s++) {
                int is = point.localIndex(s);
                double br = a[2 * s], bi = -a[2 * s + 1];            // conj(a_s)
                // ĝ[ir][is]
                double re = ambient[2 * (ir * 4 + is)], im = ambient[2 * (ir * 4 + is) + 1];
                // a_r ĝ[δ][is]
                double xr = ambient[2 * (d * 4 + is)], xi = ambient[2 * (d * 4 + is) + 1];
                re += ar * xr - ai * xi;
                im += ar * xi + ai * xr;
                // ĝ[ir][δ] conj(a_s)
                xr = ambient[2 * (ir * 4 + d)];
                xi = ambient[2 * (ir * 4 + d) + 1];
                re += xr * br - xi * bi;
                im += xr * bi + xi * br;
                // a_r conj(a_s) ĝ[δ][δ]
                double cr = ar * br - ai * bi, ci = ar * bi + ai * br;
                xr = ambient[2 * (d * 4 + d)];
                xi = ambient[2 * (d * 4 + d) + 1];
                re += cr * xr - ci * xi;
                im += cr * xi + ci * xr;
                local[2 * (r * 3 + s)] = re;
                local[2 * (r * 3 + s) + 1] = im;
            }
        }
    }

    /**
     * det g of a 3×3 Hermitian matrix by the real closed form
     * g00 g11 g22 + 2 Re(g01 g12 g20) − g00|g12|^2 − g11|g02|^2 − g22|g01|^2 (real parts of the diagonal).
     */
    public static double hermitianDeterminant3(double[] g) {
        double g00 = g[0], g11 = g[8], g22 = g[16];
        double ar = g[2], ai = g[3];        // g01
        double br = g[10], bi = g[11];      // g12
        double cr = g[12], ci = g[13];      // g20
        double er = g[4], ei = g[5];        // g02
        double abr = ar * br - ai * bi, abi = ar * bi + ai * br;
        double triple = abr * cr - abi * ci;
        return g00 * g11 * g22 + 2 * triple - g00 * (br * br + bi * bi) - g11 * (er * er + ei * ei)
                - g22 * (ar * ar + ai * ai);
    }
}
