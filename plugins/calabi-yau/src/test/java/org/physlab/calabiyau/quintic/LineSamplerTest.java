package org.physlab.calabiyau.quintic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.physlab.calabiyau.quintic.ComplexAssert.assertClose;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.physlab.calabiyau.complex.Complex;

class LineSamplerTest {

    @Test
    void weightsOfTheSpecPoints() {
        double[] expected = {7.2684184958, 6.4921724431, 11.470564159, 8.9495749579, 16.073615095};
        ChartPoint[] pts = SpecLine.points();
        for (int m = 0; m < 5; m++) assertClose(expected[m], IntersectionWeights.weight(pts[m]), 1e-8, "w" + m);
    }

    @Test
    void sampledPointsLieOnTheQuinticInTheirOptimalCharts() {
        DworkQuintic quintic = new DworkQuintic(Complex.of(-3, 1));
        Sample sample = new LineSampler(quintic).sample(2003, 11);
        assertEquals(2003, sample.size());
        assertEquals(0, sample.singularPoints());
        for (int i = 0; i < sample.size(); i++) {
            ChartPoint p = sample.points().get(i);
            double[] z = p.homogeneous();
            double zmax = 0;
            for (int h = 0; h < 5; h++) zmax = Math.max(zmax, Complex.at(z, h).abs());
            assertTrue(quintic.value(z).abs() <= 1e-12 * Math.pow(zmax, 5), "|Q(z)| of point " + i);
            assertEquals(zmax, Complex.at(z, p.patch()).abs());
            double gmax = 0;
            for (int a = 0; a < 4; a++) {
                assertTrue(Complex.at(p.affine(), a).abs() <= 1 + 1e-15);
                gmax = Math.max(gmax, Complex.at(p.gradient(), a).abs());
            }
            assertEquals(gmax, Complex.at(p.gradient(), p.dependent()).abs());
            assertTrue(sample.weights()[i] > 0);
        }
    }

    @Test
    void sameSeedSameSample() {
        LineSampler sampler = new LineSampler(new DworkQuintic(Complex.of(2, 0)));
        assertArrayEquals(sampler.sample(50, 3).weights(), sampler.sample(50, 3).weights());
        assertTrue(sampler.sample(50, 3).weights()[0] != sampler.sample(50, 4).weights()[0]);
    }

    @Test
    void volumeOfTheDworkQuinticAtTenPlusThreeI() {
        // reference 0.9458 ± 0.0011 (80 000 points), cyjax notebook 0.947–0.949; 40 000 points here
        Sample sample = new LineSampler(new DworkQuintic(Complex.of(10, 3))).sample(40_000, 2024);
        double vol = sample.volume();
        assertTrue(vol > 0.935 && vol < 0.958, "volume " + vol + " ± " + sample.volumeStandardError());
    }

    @Test
    void volumeOfTheFermatQuintic() {
        // reference 9.447–9.48 (80–100k points)
        Sample sample = new LineSampler(DworkQuintic.fermat()).sample(40_000, 7);
        double vol = sample.volume();
        assertTrue(vol > 9.35 && vol < 9.58, "volume " + vol + " ± " + sample.volumeStandardError());
    }

    @Test
    void conifoldMembersSampleWithoutNaN() {
        Sample sample = new LineSampler(new DworkQuintic(Complex.ONE)).sample(1000, 1);
        for (double w : sample.weights()) assertTrue(Double.isFinite(w) && w > 0);
    }

    @Test
    void aLineThroughAConifoldNodeSkipsBothIntersectionsAtTheNodeAndCountsThem() {
        // at psi = 1 the point (1,1,1,1,1) is a node: Q and dQ vanish there
        double s = 1 / Math.sqrt(5);
        double[] node = {s, 0, s, 0, s, 0, s, 0, s, 0};
        double[] q = {0.3, 0.1, -0.5, 0.2, 0.1, -0.6, 0.4, 0.0, -0.2, 0.1};
        Sample sample = new LineSampler(new DworkQuintic(Complex.ONE)).intersect(List.of(node), List.of(q));
        // Q and dQ vanish at the node, so t = 0 is a double root: the line meets X there twice
        assertEquals(2, sample.singularPoints());
        assertEquals(3, sample.size());
        for (double w : sample.weights()) assertTrue(Double.isFinite(w) && w > 0);
    }

    @Test
    void intersectingTheSpecLineGivesItsFiveWeightedPoints() {
        Sample sample = new LineSampler(SpecLine.QUINTIC).intersect(List.of(SpecLine.p()), List.of(SpecLine.q()));
        assertEquals(5, sample.size());
        double sum = 7.2684184958 + 6.4921724431 + 11.470564159 + 8.9495749579 + 16.073615095;
        assertClose(sum / 5, sample.volume(), 1e-8, "mean weight");
    }

    @Test
    void rejectsAnEmptySample() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LineSampler(DworkQuintic.fermat()).sample(0, 1));
        assertTrue(e.getMessage().contains("at least 1"), e.getMessage());
    }
}
