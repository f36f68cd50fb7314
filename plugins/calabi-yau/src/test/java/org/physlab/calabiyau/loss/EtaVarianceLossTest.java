package org.physlab.calabiyau.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.physlab.calabiyau.basis.MonomialBasis;
import org.physlab.calabiyau.complex.Complex;
import org.physlab.calabiyau.hermitian.CholeskyParametrisation;
import org.physlab.calabiyau.hermitian.HermitianMatrix;
import org.physlab.calabiyau.metric.AlgebraicMetric;
import org.physlab.calabiyau.quintic.DworkQuintic;
import org.physlab.calabiyau.quintic.LineSampler;
import org.physlab.calabiyau.quintic.Sample;

/** The closed-form gradient of the η-variance loss against central finite differences (spec §13.4). */
class EtaVarianceLossTest {
    static final MonomialBasis BASIS = MonomialBasis.full(2);                 // N = 15, 225 parameters
    static final Sample SAMPLE = new LineSampler(new DworkQuintic(new Complex(10, 3))).sample(50, 4);

    /** A random, well-conditioned H: diagonal of M in ±[0.7, 1.3], off-diagonal entries of size 0.1. */
    static double[] randomParameters(int n, SplittableRandom rng) {
        double[] par = new double[n * n];
        for (int i = 0; i < n; i++) par[i] = (rng.nextBoolean() ? 1 : -1) * rng.nextDouble(0.7, 1.3);
        for (int i = n; i < par.length; i++) par[i] = rng.nextDouble(-0.1, 0.1);
        return par;
    }

    @Test
    void etaAgreesWithTheAlgebraicMetric() {
        double[] par = randomParameters(BASIS.size(), new SplittableRandom(1));
        HermitianMatrix h = CholeskyParametrisation.decode(par);
        double[] expected = new AlgebraicMetric(BASIS, h).eta(SAMPLE);
        double[] eta = new EtaVarianceLoss(BASIS, SAMPLE).eta(h);
        for (int i = 0; i < eta.length; i++) assertEquals(expected[i], eta[i], 1e-12 * Math.abs(expected[i]), "point " + i);
    }

    @Test
    void gradientMatchesCentralFiniteDifferences() {
        int n = BASIS.size();
        SplittableRandom rng = new SplittableRandom(2);
        double[] par = randomParameters(n, rng);
        EtaVarianceLoss loss = new EtaVarianceLoss(BASIS, SAMPLE);
        EtaVarianceLoss.Evaluation at = loss.evaluate(par);
        assertTrue(at.loss() > 0);
        double scale = 0;
        for (double g : at.gradient()) scale = Math.max(scale, Math.abs(g));
        // every diagonal parameter, and 12 random real and 12 random imaginary off-diagonal parameters
        int[] coordinates = new int[n + 24];
        for (int i = 0; i < n; i++) coordinates[i] = i;
        int off = n * (n - 1) / 2;
        for (int i = 0; i < 12; i++) coordinates[n + i] = n + rng.nextInt(off);
        for (int i = 0; i < 12; i++) coordinates[n + 12 + i] = n + off + rng.nextInt(off);
        double eps = 1e-5;
        for (int j : coordinates) {
            double[] plus = par.clone(), minus = par.clone();
            plus[j] += eps;
            minus[j] -= eps;
            double fd = (loss.value(plus, at.meanEta()) - loss.value(minus, at.meanEta())) / (2 * eps);
            assertEquals(fd, at.gradient()[j], 1e-7 * scale + 1e-6 * Math.abs(fd), "parameter " + j);
        }
    }

    @Test
    void theLossIsZeroWhenEtaIsConstant() {
        // k = 1, H = I: η·w = 1/6 exactly, so η ∝ 1/w is not constant — but a sample of one point has η = ē
        Sample one = new Sample(SAMPLE.quintic(), SAMPLE.points().subList(0, 1), new double[] {SAMPLE.weights()[0]}, 0, 0);
        EtaVarianceLoss loss = new EtaVarianceLoss(MonomialBasis.full(1), one);
        EtaVarianceLoss.Evaluation e = loss.evaluate(CholeskyParametrisation.initial(5, 0, null));
        assertEquals(0, e.loss(), 1e-15);
        for (double g : e.gradient()) assertEquals(0, g, 1e-12);
    }

    @Test
    void aMatrixOfTheWrongSizeIsRejected() {
        EtaVarianceLoss loss = new EtaVarianceLoss(BASIS, SAMPLE);
        assertThrows(IllegalArgumentException.class, () -> loss.evaluate(new double[36]));
    }
}
