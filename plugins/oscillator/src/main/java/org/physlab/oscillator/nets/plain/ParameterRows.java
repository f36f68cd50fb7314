package org.physlab.oscillator.nets.plain;

import java.util.random.RandomGenerator;

/**
 * One trainable tensor of a plain network, as {@code rows} row arrays of length {@code columns}: its
 * values, the gradient of the loss with respect to them, and Adam's first and second moments.
 */
final class ParameterRows<A> {
    final int rows;
    final int columns;
    final A[] value;
    final A[] gradient;
    final A[] firstMoment;
    final A[] secondMoment;

    ParameterRows(Numerics<A> numerics, int rows, int columns) {
        this.rows = rows;
        this.columns = columns;
        this.value = numerics.matrix(rows, columns);
        this.gradient = numerics.matrix(rows, columns);
        this.firstMoment = numerics.matrix(rows, columns);
        this.secondMoment = numerics.matrix(rows, columns);
    }

    int size() {
        return rows * columns;
    }

    /** Values ~ N(0, 1) * scale, drawn row by row. */
    void initialiseNormal(Numerics<A> numerics, RandomGenerator random, double scale) {
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) numerics.set(value[i], j, random.nextGaussian() * scale);
        }
    }

    void zeroGradient(Numerics<A> numerics) {
        numerics.zero(gradient, rows, 0, columns);
    }

    /** Row-major values (or gradients) as doubles, written at {@code out[offset...]}. */
    void store(Numerics<A> numerics, boolean gradients, double[] out, int offset) {
        A[] m = gradients ? gradient : value;
        for (int i = 0; i < rows; i++) numerics.store(m[i], 0, out, offset + i * columns, columns);
    }

    /** Sets the values from row-major doubles at {@code values[offset...]}. */
    void load(Numerics<A> numerics, double[] values, int offset) {
        for (int i = 0; i < rows; i++) numerics.load(values, offset + i * columns, value[i], 0, columns);
    }
}
