package org.physlab.calabiyau.metric;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.physlab.calabiyau.quintic.ComplexAssert.assertClose;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.physlab.calabiyau.basis.MonomialBasis;
import org.physlab.calabiyau.complex.Complex;
import org.physlab.calabiyau.hermitian.CholeskyParametrisation;
import org.physlab.calabiyau.hermitian.HermitianMatrix;
import org.physlab.calabiyau.quintic.ChartPoint;
import org.physlab.calabiyau.quintic.DworkQuintic;
import org.physlab.calabiyau.quintic.IntersectionWeights;
import org.physlab.calabiyau.quintic.LineSampler;
import org.physlab.calabiyau.quintic.Sample;
import org.physlab.calabiyau.quintic.SpecLine;

class AlgebraicMetricTest {

    private static final AlgebraicMetric K1 = AlgebraicMetric.identity(1);
    private static final AlgebraicMetric K3 = AlgebraicMetric.identity(3);

    @Test
    void etaOfTheSpecPointsForDegreeOneAndThree() {
        double[] eta1 = {2.2930251851e-2, 2.5671940807e-2, 1.4529945028e-2, 1.8622858343e-2, 1.0368959670e-2};
        double[] psi3 = {7.2965347511, 7.1676182956, 8.8292179366, 6.6769388824, 16.625600581};
        double[] kahler3 = {0.2108696409, 0.2089782307, 0.2311000271, 0.2014540437, 0.2982503909};
        double[] eta3 = {1.9493030026e-2, 1.9253176266e-2, 1.8817002643e-2, 2.1802470129e-2, 1.7960234547e-2};
        ChartPoint[] pts = SpecLine.points();
        for (int m = 0; m < 5; m++) {
            assertClose(eta1[m], K1.eta(pts[m]), 1e-8, "eta k=1 point " + m);
            assertClose(psi3[m], K3.potential(pts[m]), 1e-8, "psi k=3 point " + m);
            assertClose(kahler3[m], K3.kahlerPotential(pts[m]), 1e-8, "K k=3 point " + m);
            assertClose(eta3[m], K3.eta(pts[m]), 1e-8, "eta k=3 point " + m);
        }
    }

    @Test
    void localMetricOfPointZero() {
        Complex[][] expected = {
                {Complex.real(0.105159567), Complex.of(0.0088062689, -0.0025228253), Complex.of(-0.0098864283, 0.0013694347)},
                {Complex.of(0.0088062689, 0.0025228253), Complex.real(0.0877630598), Complex.of(-0.0069860384, 0.0109409291)},
                {Complex.of(-0.0098864283, -0.0013694347), Complex.of(-0.0069860384, -0.0109409291), Complex.real(0.1224210761)}};
        double[] g = K3.localMetric(SpecLine.points()[0]);
        for (int r = 0; r < 3; r++) {
            for (int s = 0; s < 3; s++) {
                // the spec prints 8 significant digits for these entries
                assertClose(expected[r][s], Complex.at(g, r * 3 + s), 5e-8, "g[" + r + "][" + s + "]");
            }
        }
    }

    @Test
    void sigmaOfTheFiveSpecPoints() {
        ChartPoint[] pts = SpecLine.points();
        double[] eta = new double[5], w = new double[5];
        for (int m = 0; m < 5; m++) {
            eta[m] = K3.eta(pts[m]);
            w[m] = IntersectionWeights.weight(pts[m]);
        }
        assertClose(0.0519759286, SigmaAccuracy.of(eta, w).sigma(), 1e-8, "sigma");
    }

    @Test
    void degreeOneIdentityIsFubiniStudySoEtaTimesWeightIsOneSixthEverywhere() {
        for (Complex psi : new Complex[] {Complex.ZERO, Complex.of(10, 3), Complex.of(-50, 20)}) {
            Sample sample = new LineSampler(new DworkQuintic(psi)).sample(500, 3);
            double[] eta = K1.eta(sample);
            for (int i = 0; i < eta.length; i++) {
                assertClose(1.0 / 6, eta[i] * sample.weights()[i], 1e-10, "eta w at psi " + psi + " point " + i);
            }
            assertTrue(SigmaAccuracy.of(K1, sample).sigma() > 0.05, "FS is far from Ricci-flat");
        }
    }

    @Test
    void etaIsPositiveForARandomPositiveDefiniteH() {
        double[] par = CholeskyParametrisation.initial(15, 0.3, new SplittableRandom(2));
        SplittableRandom r = new SplittableRandom(3);
        for (int k = 15; k < par.length; k++) par[k] = 0.2 * r.nextGaussian();
        AlgebraicMetric metric = new AlgebraicMetric(MonomialBasis.full(2), CholeskyParametrisation.decode(par));
        Sample sample = new LineSampler(new DworkQuintic(Complex.of(2, -1))).sample(300, 5);
        for (double e : metric.eta(sample)) assertTrue(e > 0 && Double.isFinite(e));
    }

    @Test
    void kahlerPotentialIsPluriSubharmonicAndGivesTheAmbientMetric() {
        // ĝ_{i j̄} = ∂_i ∂_j̄ K: check the diagonal by the real Laplacian (∂_x^2 + ∂_y^2) K / 4 = ĝ_{i ī}
        double[] par = CholeskyParametrisation.initial(15, 0.3, new SplittableRandom(8));
        AlgebraicMetric metric = new AlgebraicMetric(MonomialBasis.full(2), CholeskyParametrisation.decode(par));
        DworkQuintic q = new DworkQuintic(Complex.of(0.7, 0.1));
        double[] z = {0.9, 0.1, 0.2, -0.3, -0.1, 0.5, 0.3, 0.3, 0.6, -0.2};
        ChartPoint p = q.chart(z);
        double[] ghat = metric.ambientMetric(p);
        double h = 1e-4;
        for (int a = 0; a < 4; a++) {
            int hd = ChartPoint.homogeneousIndex(a, p.patch());
            Complex zp = Complex.at(z, p.patch());
            double lap = 0;
            for (Complex step : new Complex[] {Complex.ONE, Complex.I}) {
                double[] up = z.clone(), um = z.clone();
                Complex d = step.times(zp).times(h);
                up[2 * hd] += d.re();
                up[2 * hd + 1] += d.im();
                um[2 * hd] -= d.re();
                um[2 * hd + 1] -= d.im();
                lap += (metric.kahlerPotential(q.chart(up)) - 2 * metric.kahlerPotential(p)
                        + metric.kahlerPotential(q.chart(um))) / (h * h);
            }
            assertClose(lap / 4, ghat[2 * (a * 4 + a)], 1e-5, "g_" + a + a);
        }
    }

    @Test
    void weightAndEtaDoNotDependOnTheChart() {
        // both are densities relative to |Ω|^2 and transform with the same |Jacobian|^2
        double[] par = CholeskyParametrisation.initial(15, 0.3, new SplittableRandom(12));
        SplittableRandom r = new SplittableRandom(13);
        for (int k = 15; k < par.length; k++) par[k] = 0.2 * r.nextGaussian();
        AlgebraicMetric metric = new AlgebraicMetric(MonomialBasis.full(2), CholeskyParametrisation.decode(par));
        DworkQuintic quintic = new DworkQuintic(Complex.of(3, -2));
        Sample sample = new LineSampler(quintic).sample(20, 4);
        int compared = 0;
        for (ChartPoint best : sample.points()) {
            double w = IntersectionWeights.weight(best), eta = metric.eta(best);
            double[] z = best.homogeneous();
            for (int patch = 0; patch < 5; patch++) {
                if (Complex.at(z, patch).abs() < 0.3 * Complex.at(z, best.patch()).abs()) continue;   // ill-conditioned chart
                for (int dep = 0; dep < 4; dep++) {
                    ChartPoint other = quintic.chart(z, patch, dep);
                    double gmax = 0;
                    for (int a = 0; a < 4; a++) gmax = Math.max(gmax, Complex.at(other.gradient(), a).abs());
                    if (Complex.at(other.gradient(), dep).abs() < 0.3 * gmax) continue;   // ill-conditioned solve
                    assertClose(w, IntersectionWeights.weight(other), 1e-9, "w in chart " + patch + "/" + dep);
                    assertClose(eta, metric.eta(other), 1e-9, "eta in chart " + patch + "/" + dep);
                    if (patch != best.patch() || dep != best.dependent()) compared++;
                }
            }
        }
        assertTrue(compared >= 20, "charts other than the optimal one compared: " + compared);
    }

    @Test
    void rejectsWrongSizeOrIndefiniteH() {
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> new AlgebraicMetric(MonomialBasis.full(3), HermitianMatrix.identity(15)));
        assertTrue(size.getMessage().contains("35"), size.getMessage());
        IllegalArgumentException pd = assertThrows(IllegalArgumentException.class,
                () -> new AlgebraicMetric(MonomialBasis.full(1), CholeskyParametrisation.decode(new double[25])));
        assertTrue(pd.getMessage().contains("positive definite"), pd.getMessage());
    }
}
