package org.physlab.calabiyau.quintic;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.physlab.calabiyau.complex.Complex;

/** Assertions on complex numbers and reals with a relative tolerance. */
public final class ComplexAssert {

    private ComplexAssert() {
    }

    public static void assertClose(Complex expected, Complex actual, double relative, String what) {
        double err = expected.minus(actual).abs();
        assertTrue(err <= relative * Math.max(expected.abs(), 1e-300),
                what + ": expected " + expected + " got " + actual + " (|error| " + err + ")");
    }

    public static void assertClose(double expected, double actual, double relative, String what) {
        assertTrue(Math.abs(expected - actual) <= relative * Math.abs(expected),
                what + ": expected " + expected + " got " + actual);
    }
}
