package org.physlab.oscillator.nets.plain;

import java.util.random.RandomGenerator;
import org.physlab.oscillator.nets.Precision;

/**
 * {@link Numerics} on {@code double[]} rows: float64 arithmetic throughout, with the exact
 * {@link Math#tanh} (slow, ~30 ns a call, but float64 is the precision for checking, not for speed).
 */
public final class DoubleNumerics implements Numerics<double[]> {
    public static final DoubleNumerics INSTANCE = new DoubleNumerics();

    /** Column block of the matrix products: one block of the right-hand rows stays in the L2 cache. */
    private static final int BLOCK = 2048;

    private DoubleNumerics() { }

    @Override
    public Precision precision() {
        return Precision.FLOAT64;
    }

    @Override
    public double[][] matrix(int rows, int columns) {
        return new double[rows][columns];
    }

    @Override
    public double get(double[] row, int index) {
        return row[index];
    }

    @Override
    public void set(double[] row, int index, double value) {
        row[index] = value;
    }

    @Override
    public void zero(double[][] m, int rows, int from, int to) {
        for (int i = 0; i < rows; i++) java.util.Arrays.fill(m[i], from, to, 0.0);
    }

    @Override
    public void load(double[] values, int offset, double[] dst, int dstOffset, int count) {
        for (int i = 0; i < count; i++) dst[dstOffset + i] = values[offset + i];
    }

    @Override
    public void store(double[] src, int srcOffset, double[] out, int offset, int count) {
        for (int i = 0; i < count; i++) out[offset + i] = src[srcOffset + i];
    }

    /**
     * Rows at least this long go to {@link #wideMultiplyAdd}, shorter ones to {@link #narrowMultiplyAdd}:
     * the same loops in two methods, so that each is compiled for its own loop lengths (HotSpot unrolls
     * by the trip counts it has seen; one shared method for the 3-wide dense rows and the 1936-wide
     * convolution rows made the convolution 1.8 times slower, measured).
     */
    private static final int WIDE = 256;

    @Override
    public void multiplyAdd(double[][] a, double[][] x, double[][] y, int rows, int inner, int from, int to) {
        if (to - from >= WIDE) wideMultiplyAdd(a, x, y, rows, inner, from, to, false);
        else narrowMultiplyAdd(a, x, y, rows, inner, from, to, false);
    }

    @Override
    public void transposedMultiplyAdd(double[][] a, double[][] x, double[][] y, int rows, int inner, int from, int to) {
        if (to - from >= WIDE) wideMultiplyAdd(a, x, y, rows, inner, from, to, true);
        else narrowMultiplyAdd(a, x, y, rows, inner, from, to, true);
    }

    /**
     * {@code y[i][from, to) += sum_k c(i, k) x[k][from, to)} with c = a[i][k], or a[k][i] if {@code transposed};
     * two k per pass (one load and store of y per two products: 10–25 % faster, measured).
     */
    private static void wideMultiplyAdd(double[][] a, double[][] x, double[][] y, int rows, int inner, int from, int to,
                                        boolean transposed) {
        for (int j0 = from; j0 < to; j0 += BLOCK) {
            int j1 = Math.min(to, j0 + BLOCK);
            for (int i = 0; i < rows; i++) {
                double[] yi = y[i];
                int k = 0;
                for (; k + 2 <= inner; k += 2) {
                    double c0 = transposed ? a[k][i] : a[i][k];
                    double c1 = transposed ? a[k + 1][i] : a[i][k + 1];
                    double[] x0 = x[k];
                    double[] x1 = x[k + 1];
                    for (int j = j0; j < j1; j++) yi[j] += c0 * x0[j] + c1 * x1[j];
                }
                if (k < inner) {
                    double c = transposed ? a[k][i] : a[i][k];
                    double[] xk = x[k];
                    for (int j = j0; j < j1; j++) yi[j] += c * xk[j];
                }
            }
        }
    }

    /**
     * The same as {@link #wideMultiplyAdd} for short rows (no column blocks), with the same order of
     * additions, so that a sample's result does not depend on the size of the batch it is in.
     */
    private static void narrowMultiplyAdd(double[][] a, double[][] x, double[][] y, int rows, int inner, int from, int to,
                                          boolean transposed) {
        for (int i = 0; i < rows; i++) {
            double[] yi = y[i];
            int k = 0;
            for (; k + 2 <= inner; k += 2) {
                double c0 = transposed ? a[k][i] : a[i][k];
                double c1 = transposed ? a[k + 1][i] : a[i][k + 1];
                double[] x0 = x[k];
                double[] x1 = x[k + 1];
                for (int j = from; j < to; j++) yi[j] += c0 * x0[j] + c1 * x1[j];
            }
            if (k < inner) {
                double c = transposed ? a[k][i] : a[i][k];
                double[] xk = x[k];
                for (int j = from; j < to; j++) yi[j] += c * xk[j];
            }
        }
    }

    @Override
    public void dotsAdd(double[][] a, double[][] b, double[][] y, int rows, int columns, int inner) {
        for (int i = 0; i < rows; i++) {
            double[] ai = a[i];
            double[] yi = y[i];
            for (int j = 0; j < columns; j++) {
                double[] bj = b[j];
                double s = 0;
                for (int k = 0; k < inner; k++) s += ai[k] * bj[k];
                yi[j] += s;
            }
        }
    }

    @Override
    public void setRows(double[] bias, double[][] y, int rows, int columns) {
        for (int i = 0; i < rows; i++) System.arraycopy(bias, 0, y[i], 0, columns);
    }

    @Override
    public void setEachRow(double[] bias, double[][] y, int rows, int from, int to) {
        for (int i = 0; i < rows; i++) java.util.Arrays.fill(y[i], from, to, bias[i]);
    }

    @Override
    public void sumRowsInto(double[][] d, double[] out, int rows, int columns) {
        for (int i = 0; i < rows; i++) {
            double[] di = d[i];
            for (int j = 0; j < columns; j++) out[j] += di[j];
        }
    }

    @Override
    public void sumEachRowInto(double[][] d, double[] out, int rows, int from, int to) {
        for (int i = 0; i < rows; i++) {
            double[] di = d[i];
            // four partial sums: a single running sum would wait on each addition's latency
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            int j = from;
            for (; j + 4 <= to; j += 4) {
                s0 += di[j];
                s1 += di[j + 1];
                s2 += di[j + 2];
                s3 += di[j + 3];
            }
            for (; j < to; j++) s0 += di[j];
            out[i] += (s0 + s1) + (s2 + s3);
        }
    }

    @Override
    public void tanh(double[][] y, int rows, int from, int to) {
        for (int i = 0; i < rows; i++) {
            double[] yi = y[i];
            for (int j = from; j < to; j++) yi[j] = tanh(yi[j]);
        }
    }

    static double tanh(double x) {
        return Math.tanh(x);
    }

    @Override
    public void tanhBackward(double[][] y, double[][] d, int rows, int from, int to) {
        for (int i = 0; i < rows; i++) {
            double[] yi = y[i];
            double[] di = d[i];
            for (int j = from; j < to; j++) di[j] *= 1 - yi[j] * yi[j];
        }
    }

    @Override
    public void multiply(double[][] x, double[][] mask, double[][] out, int rows, int columns) {
        for (int i = 0; i < rows; i++) {
            double[] xi = x[i];
            double[] mi = mask[i];
            double[] oi = out[i];
            for (int j = 0; j < columns; j++) oi[j] = xi[j] * mi[j];
        }
    }

    @Override
    public void dropoutMask(double[][] mask, int rows, int columns, double retain, RandomGenerator random) {
        double kept = 1 / retain;
        for (int i = 0; i < rows; i++) {
            double[] mi = mask[i];
            for (int j = 0; j < columns; j++) mi[j] = random.nextDouble() < retain ? kept : 0.0;
        }
    }

    @Override
    public void longDotsAdd(double[][] a, double[][] b, double[][] y, int rows, int columns, int length,
                            double[][] segmentsA, double[][] segmentsB, double[] lanes) {
        int lane = lanes.length;
        int segments = (length + lane - 1) / lane;
        cut(a, rows, length, segmentsA, segments, lane);
        cut(b, columns, length, segmentsB, segments, lane);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                java.util.Arrays.fill(lanes, 0.0);
                for (int s = 0; s < segments; s++) {
                    double[] x = segmentsA[i * segments + s];
                    double[] z = segmentsB[j * segments + s];
                    for (int l = 0; l < lane; l++) lanes[l] += x[l] * z[l];
                }
                double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                int l = 0;
                for (; l + 4 <= lane; l += 4) {
                    s0 += lanes[l];
                    s1 += lanes[l + 1];
                    s2 += lanes[l + 2];
                    s3 += lanes[l + 3];
                }
                for (; l < lane; l++) s0 += lanes[l];
                y[i][j] += (s0 + s1) + (s2 + s3);
            }
        }
    }

    /** Copies each row's [0, length) into {@code segments} scratch rows of length {@code lane}, zero-padding the last. */
    private static void cut(double[][] m, int rows, int length, double[][] out, int segments, int lane) {
        for (int i = 0; i < rows; i++) {
            for (int s = 0; s < segments; s++) {
                int from = s * lane;
                int n = Math.min(lane, length - from);
                System.arraycopy(m[i], from, out[i * segments + s], 0, n);
                if (n < lane) java.util.Arrays.fill(out[i * segments + s], n, lane, 0.0);
            }
        }
    }

    @Override
    public void gather(double[] src, int srcOffset, int rowStep, int step, double[] dst, int dstOffset, int rows, int columns) {
        for (int r = 0; r < rows; r++) {
            int from = srcOffset + r * rowStep;
            int to = dstOffset + r * columns;
            for (int c = 0; c < columns; c++) dst[to + c] = src[from + c * step];
        }
    }

    @Override
    public void scatterAdd(double[] src, int srcOffset, double[] dst, int dstOffset, int rowStep, int step, int rows, int columns) {
        for (int r = 0; r < rows; r++) {
            int from = srcOffset + r * columns;
            int to = dstOffset + r * rowStep;
            for (int c = 0; c < columns; c++) dst[to + c * step] += src[from + c];
        }
    }

    @Override
    public void transpose(double[][] src, double[][] dst, int rows, int columns) {
        // in tiles, so that both sides stay in the cache
        final int tile = 16;
        for (int i0 = 0; i0 < rows; i0 += tile) {
            int i1 = Math.min(rows, i0 + tile);
            for (int j0 = 0; j0 < columns; j0 += tile) {
                int j1 = Math.min(columns, j0 + tile);
                for (int i = i0; i < i1; i++) {
                    double[] si = src[i];
                    for (int j = j0; j < j1; j++) dst[j][i] = si[j];
                }
            }
        }
    }

    @Override
    public double squaredError(double[][] y, double[] targets, double[][] gradient, int rows, int outputs) {
        double sum = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < outputs; j++) {
                double e = y[i][j] - targets[i * outputs + j];
                sum += e * e;
                gradient[i][j] = 2 * e / rows;
            }
        }
        return sum / rows;
    }

    @Override
    public void adam(double[] p, double[] g, double[] m, double[] v, int n, double rate, double beta1, double beta2,
                     double epsilon, double c1, double c2) {
        double a1 = 1 - beta1;
        double a2 = 1 - beta2;
        for (int j = 0; j < n; j++) {
            double gj = g[j];
            double mj = beta1 * m[j] + a1 * gj;
            double vj = beta2 * v[j] + a2 * gj * gj;
            m[j] = mj;
            v[j] = vj;
            p[j] -= rate * (mj / c1) / (Math.sqrt(vj / c2) + epsilon);
        }
    }
}
