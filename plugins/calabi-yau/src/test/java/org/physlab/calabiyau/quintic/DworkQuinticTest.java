package org.physlab.calabiyau.quintic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.physlab.calabiyau.quintic.ComplexAssert.assertClose;

import org.junit.jupiter.api.Test;
import org.physlab.calabiyau.complex.Complex;

class DworkQuinticTest {

    @Test
    void polynomialAtAnIntegerPointMatchesTheHomogeneousAndAffineForms() {
        // Q_3(1,2,3,2,4) = 1 + 32 + 243 + 32 + 1024 − 5·3·48 = 612, also from the patch-0 affine polynomial
        DworkQuintic q = new DworkQuintic(Complex.real(3));
        assertEquals(Complex.real(612), q.value(new double[] {1, 0, 2, 0, 3, 0, 2, 0, 4, 0}));
        assertEquals(Complex.real(612), q.affineValue(new double[] {2, 0, 3, 0, 2, 0, 4, 0}));
    }

    @Test
    void lineCoefficientsOfTheSpecLine() {
        double[] c = SpecLine.QUINTIC.lineCoefficients(SpecLine.p(), SpecLine.q());
        Complex[] expected = {  // c0 … c5
                Complex.of(0.3414108414, 0.0161880874), Complex.of(0.4112314185, -0.1250216280),
                Complex.of(0.2010308583, 0.3902642603), Complex.of(-0.0137629135, -0.5154063357),
                Complex.of(-0.0197805032, 0.3672919459), Complex.of(0.0711365388, -0.1076090312)};
        for (int m = 0; m <= 5; m++) assertClose(expected[m], Complex.at(c, m), 1e-8, "c" + m);
        assertClose(SpecLine.QUINTIC.value(SpecLine.p()), Complex.at(c, 0), 1e-14, "c0 = Q(p)");
        assertClose(SpecLine.QUINTIC.value(SpecLine.q()), Complex.at(c, 5), 1e-14, "c5 = Q(q)");
    }

    @Test
    void affineCoordinatesAndGradientOfPointZero() {
        ChartPoint p0 = SpecLine.points()[0];
        assertEquals(0, p0.patch());
        assertEquals(0, p0.dependent());
        Complex[] u = {Complex.of(-0.3158190851, 0.8948329526), Complex.of(-0.6055663720, -0.2444165093),
                Complex.of(0.0407152755, 0.2709814795), Complex.of(-0.1730447664, -0.6059751351)};
        Complex[] g = {Complex.of(1.1461631168, 4.0623921536), Complex.of(0.1602423406, 0.4862065851),
                Complex.of(0.7366377132, 0.7567300888), Complex.of(0.0844475551, -1.0803539736)};
        for (int a = 0; a < 4; a++) {
            assertClose(u[a], Complex.at(p0.affine(), a), 1e-8, "u" + a);
            assertClose(g[a], Complex.at(p0.gradient(), a), 1e-8, "G" + a);
        }
        assertTrue(SpecLine.QUINTIC.affineValue(p0.affine()).abs() < 1e-12, "the point lies on the quintic");
    }

    @Test
    void gradientIsTheDerivativeOfTheAffinePolynomial() {
        DworkQuintic q = new DworkQuintic(Complex.of(-3, 1));
        double[] u = {0.3, -0.2, -0.5, 0.1, 0.7, 0.4, -0.1, -0.6};
        double[] g = new double[8];
        q.affineGradient(u, g);
        double h = 1e-6;
        for (int j = 0; j < 4; j++) {   // holomorphic: the derivative along a real step
            double[] up = u.clone(), um = u.clone();
            up[2 * j] += h;
            um[2 * j] -= h;
            Complex fd = q.affineValue(up).minus(q.affineValue(um)).times(1 / (2 * h));
            assertClose(Complex.at(g, j), fd, 1e-8, "G" + j);
        }
    }

    @Test
    void patchesAndDependentCoordinatesOfTheSpecPoints() {
        ChartPoint[] pts = SpecLine.points();
        int[] patch = {0, 0, 1, 0, 0};
        int[] dependent = {0, 0, 3, 0, 3};
        for (int m = 0; m < 5; m++) {
            assertEquals(patch[m], pts[m].patch(), "patch of point " + m);
            assertEquals(dependent[m], pts[m].dependent(), "dependent of point " + m);
            for (int a = 0; a < 4; a++) assertTrue(Complex.at(pts[m].affine(), a).abs() <= 1, "|u| <= 1");
        }
        // point 2: patch 1, dependent affine 3 = homogeneous 4
        assertEquals(4, ChartPoint.homogeneousIndex(pts[2].dependent(), pts[2].patch()));
    }

    @Test
    void jacobianOfTheEmbeddingSolvesForTheDependentCoordinate() {
        ChartPoint p = SpecLine.points()[2];
        double[] j = p.jacobian();
        double[] g = p.gradient();
        // each row is tangent to q = 0: Σ_i J_ri G_i = 0
        for (int r = 0; r < 3; r++) {
            Complex sum = Complex.ZERO;
            for (int i = 0; i < 4; i++) sum = sum.plus(Complex.at(j, r * 4 + i).times(Complex.at(g, i)));
            assertTrue(sum.abs() < 1e-13, "row " + r + " tangent");
            assertEquals(Complex.ONE, Complex.at(j, r * 4 + p.localIndex(r)));
        }
    }

    @Test
    void conifoldNodeIsSingular() {
        DworkQuintic conifold = new DworkQuintic(Complex.ONE);
        assertTrue(conifold.isConifold());
        ChartPoint node = conifold.chart(new double[] {1, 0, 1, 0, 1, 0, 1, 0, 1, 0});
        assertTrue(node.isSingular());
        assertTrue(Double.isNaN(IntersectionWeights.weight(node)));
        assertTrue(!SpecLine.points()[0].isSingular());
    }

    @Test
    void rejectsNonFiniteModulus() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DworkQuintic(Complex.of(Double.NaN, 1)));
        assertTrue(e.getMessage().contains("psi"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new DworkQuintic(Complex.of(1, Double.POSITIVE_INFINITY)));
    }
}
