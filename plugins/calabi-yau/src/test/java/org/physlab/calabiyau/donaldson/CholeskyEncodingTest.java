package org.physlab.calabiyau.donaldson;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.physlab.calabiyau.hermitian.CholeskyParametrisation;
import org.physlab.calabiyau.hermitian.HermitianMatrix;

class CholeskyEncodingTest {

    @Test
    void encodesTheSpecTestVectorBackToItsParameters() {
        // spec §7.1: h_par = [1,2,3, .1,.2,.3, -.1,.05,.4] (positive diagonal, so the factor is unique)
        double[] par = {1, 2, 3, .1, .2, .3, -.1, .05, .4};
        assertArrayEquals(par, CholeskyEncoding.encode(CholeskyParametrisation.decode(par)), 1e-14);
    }

    @Test
    void roundTripsARandomPositiveDefiniteMatrix() {
        double[] h = BalancingOperatorTest.randomPositiveDefinite(15, new SplittableRandom(8));
        HermitianMatrix m = ComplexMatrices.toHermitian(h);
        HermitianMatrix back = CholeskyParametrisation.decode(CholeskyEncoding.encode(m));
        assertArrayEquals(m.real(), back.real(), 1e-12);
        assertArrayEquals(m.imaginary(), back.imaginary(), 1e-12);
    }

    @Test
    void rejectsAMatrixThatIsNotPositiveDefinite() {
        HermitianMatrix indefinite = HermitianMatrix.of(2, new double[] {1, 2, 2, 1}, new double[4]);
        assertThrows(IllegalArgumentException.class, () -> CholeskyEncoding.encode(indefinite));
    }
}
