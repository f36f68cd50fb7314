package org.physlab.calabiyau.metric;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.physlab.calabiyau.basis.MonomialBasis;
import org.physlab.calabiyau.complex.Complex;
import org.physlab.calabiyau.hermitian.CholeskyParametrisation;
import org.physlab.calabiyau.quintic.ChartPoint;
import org.physlab.calabiyau.quintic.DworkQuintic;
import org.physlab.calabiyau.quintic.LineSampler;

class RicciCurvatureTest {

    /**
     * On the threefold log|G_δ|² is pluriharmonic, so Ric = −∂∂̄ log η in the local coordinates: check the
     * closed-form tensor against central finite differences of log η, moving along X (the dependent
     * coordinate re-solved by Newton) in a fixed chart.
     */
    @Test
    void ricciIsMinusDDbarOfLogEtaAlongTheThreefold() {
        double[] par = CholeskyParametrisation.initial(15, 0.2, new SplittableRandom(21));
        SplittableRandom r = new SplittableRandom(22);
        for (int k = 15; k < par.length; k++) par[k] = 0.1 * r.nextGaussian();
        AlgebraicMetric metric = new AlgebraicMetric(MonomialBasis.full(2), CholeskyParametrisation.decode(par));
        DworkQuintic quintic = new DworkQuintic(Complex.of(0.1, 0.3));
        for (ChartPoint p : new LineSampler(quintic).sample(3, 8).points()) {
            Complex[][] ric = RicciCurvature.at(metric, p).tensor();
            double h = 1e-4, scale = 0;
            for (Complex[] row : ric) for (Complex x : row) scale = Math.max(scale, x.abs());
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    // ∂_a ∂̄_b f = ¼[f_{xa xb} + f_{ya yb} + i(f_{xa yb} − f_{ya xb})]
                    double xx = second(metric, p, a, false, b, false, h), yy = second(metric, p, a, true, b, true, h);
                    double xy = second(metric, p, a, false, b, true, h), yx = second(metric, p, a, true, b, false, h);
                    Complex fd = new Complex(xx + yy, xy - yx).times(-0.25);
                    assertTrue(fd.minus(ric[a][b]).abs() < 1e-5 * scale,
                            "R[" + a + "][" + b + "] = " + ric[a][b] + " vs finite differences " + fd);
                }
            }
        }
    }

    @Test
    void scalarIsTheTraceWithTheInverseMetricAndRejectsSingularPoints() {
        ChartPoint p = new LineSampler(new DworkQuintic(Complex.of(0.1, 0))).sample(1, 3).points().get(0);
        RicciCurvature ric = RicciCurvature.at(AlgebraicMetric.identity(4), p);
        assertTrue(Double.isFinite(ric.scalar()));
        DworkQuintic conifold = new DworkQuintic(Complex.ONE);
        assertThrows(IllegalArgumentException.class,
                () -> RicciCurvature.at(AlgebraicMetric.identity(1), conifold.chart(new double[] {1, 0, 1, 0, 1, 0, 1, 0, 1, 0})));
    }

    /** Mixed second difference of log η along local coordinates a and b (real or imaginary directions). */
    private static double second(AlgebraicMetric metric, ChartPoint p, int a, boolean ia, int b, boolean ib, double h) {
        double s = 0;
        for (int sa = -1; sa <= 1; sa += 2) {
            for (int sb = -1; sb <= 1; sb += 2) {
                s += sa * sb * logEta(metric, p, a, ia, sa * h, b, ib, sb * h);
            }
        }
        return s / (4 * h * h);
    }

    private static double logEta(AlgebraicMetric metric, ChartPoint p, int a, boolean ia, double ha, int b, boolean ib, double hb) {
        double[] u = p.affine();
        u[2 * p.localIndex(a) + (ia ? 1 : 0)] += ha;
        u[2 * p.localIndex(b) + (ib ? 1 : 0)] += hb;
        DworkQuintic q = p.quintic();
        int d = p.dependent();
        double[] g = new double[8];
        for (int it = 0; it < 50; it++) {   // Newton on q(u) = 0 for u_δ
            Complex val = q.affineValue(u);
            q.affineGradient(u, g);
            Complex step = val.dividedBy(Complex.at(g, d));
            u[2 * d] -= step.re();
            u[2 * d + 1] -= step.im();
            if (step.abs() < 1e-15) break;
        }
        double[] z = new double[10];
        z[2 * p.patch()] = 1;
        for (int i = 0; i < 4; i++) {
            int hIdx = ChartPoint.homogeneousIndex(i, p.patch());
            z[2 * hIdx] = u[2 * i];
            z[2 * hIdx + 1] = u[2 * i + 1];
        }
        return Math.log(metric.eta(q.chart(z, p.patch(), d)));
    }
}
