package org.physlab.oscillator.nets.plain;

import java.util.random.RandomGenerator;
import org.physlab.oscillator.nets.Precision;

/**
 * {@link Numerics} on {@code float[]} rows: float32 arithmetic throughout, the loss included (a
 * diverging network overflows to infinity as in DL4J's float32). {@code tanh} is a rational approximation (see {@link #tanh(float)}) within 3.3e-7 relative
 * of the exact value, i.e. float32 accuracy, instead of {@link Math#tanh}, which costs ~30 ns a call
 * and would dominate a CNN step.
 */
public final class FloatNumerics implements Numerics<float[]> {
    public static final FloatNumerics INSTANCE = new FloatNumerics();

    /** Column block of the matrix products: one block of the right-hand rows stays in the L2 cache. */
    private static final int BLOCK = 2048;

    private FloatNumerics() { }

    @Override
    public Precision precision() {
        return Precision.FLOAT32;
    }

    @Override
    public float[][] matrix(int rows, int columns) {
        return new float[rows][columns];
    }

    @Override
    public double get(float[] row, int index) {
        return row[index];
    }

    @Override
    public void set(float[] row, int index, double value) {
        row[index] = (float) value;
    }

    @Override
    public void zero(float[][] m, int rows, int from, int to) {
        for (int i = 0; i < rows; i++) java.util.Arrays.fill(m[i], from, to, 0f);
    }

    @Override
    public void load(double[] values, int offset, float[] dst, int dstOffset, int count) {
        for (int i = 0; i < count; i++) dst[dstOffset + i] = (float) values[offset + i];
    }

    @Override
    public void store(float[] src, int srcOffset, double[] out, int offset, int count) {
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
    public void multiplyAdd(float[][] a, float[][] x, float[][] y, int rows, int inner, int from, int to) {
        if (to - from >= WIDE) wideMultiplyAdd(a, x, y, rows, inner, from, to, false);
        else narrowMultiplyAdd(a, x, y, rows, inner, from, to, false);
    }

    @Override
    public void transposedMultiplyAdd(float[][] a, float[][] x, float[][] y, int rows, int inner, int from, int to) {
        if (to - from >= WIDE) wideMultiplyAdd(a, x, y, rows, inner, from, to, true);
        else narrowMultiplyAdd(a, x, y, rows, inner, from, to, true);
    }

    /**
     * {@code y[i][from, to) += sum_k c(i, k) x[k][from, to)} with c = a[i][k], or a[k][i] if {@code transposed};
     * two k per pass (one load and store of y per two products: 10–25 % faster, measured).
     */
    private static void wideMultiplyAdd(float[][] a, float[][] x, float[][] y, int rows, int inner, int from, int to,
                                        boolean transposed) {
        for (int j0 = from; j0 < to; j0 += BLOCK) {
            int j1 = Math.min(to, j0 + BLOCK);
            for (int i = 0; i < rows; i++) {
                float[] yi = y[i];
                int k = 0;
                for (; k + 2 <= inner; k += 2) {
                    float c0 = transposed ? a[k][i] : a[i][k];
                    float c1 = transposed ? a[k + 1][i] : a[i][k + 1];
                    float[] x0 = x[k];
                    float[] x1 = x[k + 1];
                    for (int j = j0; j < j1; j++) yi[j] += c0 * x0[j] + c1 * x1[j];
                }
                if (k < inner) {
                    float c = transposed ? a[k][i] : a[i][k];
                    float[] xk = x[k];
                    for (int j = j0; j < j1; j++) yi[j] += c * xk[j];
                }
            }
        }
    }

    /**
     * The same as {@link #wideMultiplyAdd} for short rows (no column blocks), with the same order of
     * additions, so that a sample's result does not depend on the size of the batch it is in.
     */
    private static void narrowMultiplyAdd(float[][] a, float[][] x, float[][] y, int rows, int inner, int from, int to,
                                          boolean transposed) {
        for (int i = 0; i < rows; i++) {
            float[] yi = y[i];
            int k = 0;
            for (; k + 2 <= inner; k += 2) {
                float c0 = transposed ? a[k][i] : a[i][k];
                float c1 = transposed ? a[k + 1][i] : a[i][k + 1];
                float[] x0 = x[k];
                float[] x1 = x[k + 1];
                for (int j = from; j < to; j++) yi[j] += c0 * x0[j] + c1 * x1[j];
            }
            if (k < inner) {
                float c = transposed ? a[k][i] : a[i][k];
                float[] xk = x[k];
                for (int j = from; j < to; j++) yi[j] += c * xk[j];
            }
        }
    }

    @Override
    public void dotsAdd(float[][] a, float[][] b, float[][] y, int rows, int columns, int inner) {
        for (int i = 0; i < rows; i++) {
            float[] ai = a[i];
            float[] yi = y[i];
            for (int j = 0; j < columns; j++) {
                float[] bj = b[j];
                float s = 0;
                for (int k = 0; k < inner; k++) s += ai[k] * bj[k];
                yi[j] += s;
            }
        }
    }

    @Override
    public void setRows(float[] bias, float[][] y, int rows, int columns) {
        for (int i = 0; i < rows; i++) System.arraycopy(bias, 0, y[i], 0, columns);
    }

    @Override
    public void setEachRow(float[] bias, float[][] y, int rows, int from, int to) {
        for (int i = 0; i < rows; i++) java.util.Arrays.fill(y[i], from, to, bias[i]);
    }

    @Override
    public void sumRowsInto(float[][] d, float[] out, int rows, int columns) {
        for (int i = 0; i < rows; i++) {
            float[] di = d[i];
            for (int j = 0; j < columns; j++) out[j] += di[j];
        }
    }

    @Override
    public void sumEachRowInto(float[][] d, float[] out, int rows, int from, int to) {
        for (int i = 0; i < rows; i++) {
            float[] di = d[i];
            // four partial sums: a single running sum would wait on each addition's latency
            float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
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
    public void tanh(float[][] y, int rows, int from, int to) {
        for (int i = 0; i < rows; i++) {
            float[] yi = y[i];
            for (int j = from; j < to; j++) yi[j] = tanh(yi[j]);
        }
    }

    /**
     * tanh(x) as the ratio of an odd degree-13 and an even degree-6 polynomial on [-7.905, 7.905]
     * (x clamped there; tanh is 1 to float precision beyond), the minimax fit Eigen uses for float
     * ({@code generic_fast_tanh_float}). Branch-free, so the loop vectorises.
     */
    static float tanh(float x) {
        float v = Math.max(-7.90531110763549805f, Math.min(7.90531110763549805f, x));
        float v2 = v * v;
        float p = -2.76076847742355e-16f;
        p = p * v2 + 2.00018790482477e-13f;
        p = p * v2 + -8.60467152213735e-11f;
        p = p * v2 + 5.12229709037114e-08f;
        p = p * v2 + 1.48572235717979e-05f;
        p = p * v2 + 6.37261928875436e-04f;
        p = p * v2 + 4.89352455891786e-03f;
        float q = 1.19825839466702e-06f;
        q = q * v2 + 1.18534705686654e-04f;
        q = q * v2 + 2.26843463243900e-03f;
        q = q * v2 + 4.89352518554385e-03f;
        return p * v / q;
    }

    @Override
    public void tanhBackward(float[][] y, float[][] d, int rows, int from, int to) {
        for (int i = 0; i < rows; i++) {
            float[] yi = y[i];
            float[] di = d[i];
            for (int j = from; j < to; j++) di[j] *= 1f - yi[j] * yi[j];
        }
    }

    @Override
    public void multiply(float[][] x, float[][] mask, float[][] out, int rows, int columns) {
        for (int i = 0; i < rows; i++) {
            float[] xi = x[i];
            float[] mi = mask[i];
            float[] oi = out[i];
            for (int j = 0; j < columns; j++) oi[j] = xi[j] * mi[j];
        }
    }

    @Override
    public void dropoutMask(float[][] mask, int rows, int columns, double retain, RandomGenerator random) {
        float kept = (float) (1 / retain);
        for (int i = 0; i < rows; i++) {
            float[] mi = mask[i];
            for (int j = 0; j < columns; j++) mi[j] = random.nextDouble() < retain ? kept : 0f;
        }
    }

    @Override
    public void longDotsAdd(float[][] a, float[][] b, float[][] y, int rows, int columns, int length,
                            float[][] segmentsA, float[][] segmentsB, float[] lanes) {
        int lane = lanes.length;
        int segments = (length + lane - 1) / lane;
        cut(a, rows, length, segmentsA, segments, lane);
        cut(b, columns, length, segmentsB, segments, lane);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                java.util.Arrays.fill(lanes, 0f);
                for (int s = 0; s < segments; s++) {
                    float[] x = segmentsA[i * segments + s];
                    float[] z = segmentsB[j * segments + s];
                    for (int l = 0; l < lane; l++) lanes[l] += x[l] * z[l];
                }
                float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
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
    private static void cut(float[][] m, int rows, int length, float[][] out, int segments, int lane) {
        for (int i = 0; i < rows; i++) {
            for (int s = 0; s < segments; s++) {
                int from = s * lane;
                int n = Math.min(lane, length - from);
                System.arraycopy(m[i], from, out[i * segments + s], 0, n);
                if (n < lane) java.util.Arrays.fill(out[i * segments + s], n, lane, 0f);
            }
        }
    }

    @Override
    public void gather(float[] src, int srcOffset, int rowStep, int step, float[] dst, int dstOffset, int rows, int columns) {
        for (int r = 0; r < rows; r++) {
            int from = srcOffset + r * rowStep;
            int to = dstOffset + r * columns;
            for (int c = 0; c < columns; c++) dst[to + c] = src[from + c * step];
        }
    }

    @Override
    public void scatterAdd(float[] src, int srcOffset, float[] dst, int dstOffset, int rowStep, int step, int rows, int columns) {
        for (int r = 0; r < rows; r++) {
            int from = srcOffset + r * columns;
            int to = dstOffset + r * rowStep;
            for (int c = 0; c < columns; c++) dst[to + c * step] += src[from + c];
        }
    }

    @Override
    public void transpose(float[][] src, float[][] dst, int rows, int columns) {
        // in tiles, so that both sides stay in the cache
        final int tile = 16;
        for (int i0 = 0; i0 < rows; i0 += tile) {
            int i1 = Math.min(rows, i0 + tile);
            for (int j0 = 0; j0 < columns; j0 += tile) {
                int j1 = Math.min(columns, j0 + tile);
                for (int i = i0; i < i1; i++) {
                    float[] si = src[i];
                    for (int j = j0; j < j1; j++) dst[j][i] = si[j];
                }
            }
        }
    }

    @Override
    public double squaredError(float[][] y, double[] targets, float[][] gradient, int rows, int outputs) {
        float sum = 0;
        float scale = 2f / rows;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < outputs; j++) {
                float e = y[i][j] - (float) targets[i * outputs + j];
                sum += e * e;
                gradient[i][j] = scale * e;
            }
        }
        return sum / rows;
    }

    @Override
    public void adam(float[] p, float[] g, float[] m, float[] v, int n, double rate, double beta1, double beta2,
                     double epsilon, double c1, double c2) {
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float a1 = (float) (1 - beta1);
        float a2 = (float) (1 - beta2);
        float r = (float) rate;
        float e = (float) epsilon;
        float d1 = (float) c1;
        float d2 = (float) c2;
        for (int j = 0; j < n; j++) {
            float gj = g[j];
            float mj = b1 * m[j] + a1 * gj;
            float vj = b2 * v[j] + a2 * gj * gj;
            m[j] = mj;
            v[j] = vj;
            p[j] -= r * (mj / d1) / ((float) Math.sqrt(vj / d2) + e);
        }
    }
}
