package org.physlab.oscillator.nets.plain;

import java.util.random.RandomGenerator;
import org.physlab.oscillator.nets.Precision;

/**
 * The loops of the plain-Java networks, for one floating-point type: {@code A} is {@code float[]}
 * ({@link FloatNumerics}) or {@code double[]} ({@link DoubleNumerics}). The network code is written
 * once against this interface; only the element loops exist twice.
 *
 * <p>Matrices are arrays of row arrays ({@code A[]}), and every hot loop reads and writes its rows at
 * the same index {@code j}, as in {@code y[j] += c * x[j]}. HotSpot (Java 17) vectorises such a loop
 * even though it cannot tell whether {@code x} and {@code y} are the same array; with two different
 * offsets into one flat array ({@code y[yo + j] += c * x[xo + j]}) it must assume an overlap and runs
 * scalar code, measured 5–8 times slower on AVX2.
 *
 * <p>Column ranges {@code [from, to)} select part of every row (the samples of a smaller batch in a
 * buffer made for a larger one). Every loop sums in a fixed order, so results do not depend on the
 * batch a sample is in or on anything but the inputs.
 */
public interface Numerics<A> {

    /** The implementation for a precision. */
    static Numerics<?> of(Precision precision) {
        return precision == Precision.FLOAT32 ? FloatNumerics.INSTANCE : DoubleNumerics.INSTANCE;
    }

    Precision precision();

    /** A zeroed matrix of {@code rows} row arrays of length {@code columns}. */
    A[] matrix(int rows, int columns);

    double get(A row, int index);

    void set(A row, int index, double value);

    /** {@code row[from, to) = 0} for every row. */
    void zero(A[] m, int rows, int from, int to);

    /** {@code dst[dstOffset + i] = values[offset + i]} (rounded to the type), for i &lt; count. */
    void load(double[] values, int offset, A dst, int dstOffset, int count);

    /** {@code out[offset + i] = src[srcOffset + i]}, for i &lt; count. */
    void store(A src, int srcOffset, double[] out, int offset, int count);

    /** {@code y[i][from, to) += sum_k a[i][k] x[k][from, to)} for i &lt; rows, k &lt; inner. */
    void multiplyAdd(A[] a, A[] x, A[] y, int rows, int inner, int from, int to);

    /** {@code y[i][from, to) += sum_k a[k][i] x[k][from, to)} for i &lt; rows, k &lt; inner: the same with a transposed. */
    void transposedMultiplyAdd(A[] a, A[] x, A[] y, int rows, int inner, int from, int to);

    /** {@code y[i][j] += sum_k a[i][k] b[j][k]} for i &lt; rows, j &lt; columns, k &lt; inner (dot products). */
    void dotsAdd(A[] a, A[] b, A[] y, int rows, int columns, int inner);

    /** {@code y[i][j] = bias[j]} for i &lt; rows, j &lt; columns (a dense layer's bias, one sample per row). */
    void setRows(A bias, A[] y, int rows, int columns);

    /** {@code y[i][from, to) = bias[i]} for i &lt; rows (a convolution's bias, one channel per row). */
    void setEachRow(A bias, A[] y, int rows, int from, int to);

    /** {@code out[j] += sum_i d[i][j]} for i &lt; rows, j &lt; columns. */
    void sumRowsInto(A[] d, A out, int rows, int columns);

    /** {@code out[i] += sum_j d[i][j]} for i &lt; rows, j in [from, to). */
    void sumEachRowInto(A[] d, A out, int rows, int from, int to);

    /** {@code y = tanh(y)} on {@code [from, to)} of every row. */
    void tanh(A[] y, int rows, int from, int to);

    /** {@code d *= 1 - y^2} on {@code [from, to)} of every row: back through {@code y = tanh(z)}. */
    void tanhBackward(A[] y, A[] d, int rows, int from, int to);

    /** {@code out[i][j] = x[i][j] * mask[i][j]} for i &lt; rows, j &lt; columns ({@code out} may be {@code x}). */
    void multiply(A[] x, A[] mask, A[] out, int rows, int columns);

    /**
     * Inverted dropout: each entry is {@code 1/retain} with probability {@code retain}, else 0, drawn
     * row by row from {@code random}.
     */
    void dropoutMask(A[] mask, int rows, int columns, double retain, RandomGenerator random);

    /**
     * Dot products along long rows, {@code y[i][j] += sum_q a[i][q] b[j][q]} for q &lt; length, where the
     * rows of y are too short for {@link #multiplyAdd} to run well (a convolution's weight gradient with
     * 27 weights per kernel: 1.8 GMAC/s that way). The rows are cut into segments that are copied into
     * separate scratch rows, so that the products can be summed lane by lane at one index (vectorised),
     * and the lanes are added up at the end.
     *
     * @param segmentsA at least rows · ceil(length / L) rows of one length L (made by {@link #matrix})
     * @param segmentsB at least columns · ceil(length / L) rows of length L
     * @param lanes     a row of length L
     */
    void longDotsAdd(A[] a, A[] b, A[] y, int rows, int columns, int length, A[] segmentsA, A[] segmentsB, A lanes);

    /**
     * {@code dst[dstOffset + r * columns + c] = src[srcOffset + r * rowStep + c * step]} for r &lt; rows,
     * c &lt; columns: a strided 2-D window of an image, written contiguously.
     */
    void gather(A src, int srcOffset, int rowStep, int step, A dst, int dstOffset, int rows, int columns);

    /** The adjoint of {@link #gather}: {@code dst[dstOffset + r * rowStep + c * step] += src[srcOffset + r * columns + c]}. */
    void scatterAdd(A src, int srcOffset, A dst, int dstOffset, int rowStep, int step, int rows, int columns);

    /** {@code dst[j][i] = src[i][j]} for i &lt; rows, j &lt; columns. */
    void transpose(A[] src, A[] dst, int rows, int columns);

    /**
     * The lecture's loss of a batch, {@code sum_i sum_j (y[i][j] - targets[i*outputs + j])^2 / rows}
     * (in the type's arithmetic), and its gradient with respect to y, {@code 2 (y - target) / rows}.
     */
    double squaredError(A[] y, double[] targets, A[] gradient, int rows, int outputs);

    /**
     * One Adam step on {@code p[0, n)} as optax does it: {@code m = b1 m + (1-b1) g},
     * {@code v = b2 v + (1-b2) g^2}, {@code p -= rate * (m/c1) / (sqrt(v/c2) + eps)} with the bias
     * corrections {@code c1 = 1 - b1^t}, {@code c2 = 1 - b2^t}.
     */
    void adam(A p, A g, A m, A v, int n, double rate, double beta1, double beta2, double epsilon, double c1, double c2);
}
