package org.physlab.oscillator.nets.plain;

import java.util.random.RandomGenerator;
import org.physlab.oscillator.nets.Precision;

/**
 * {@link Numerics} on {@code float[]} rows: float32 arithmetic throughout (the loss is summed in
 * double). {@code tanh} is a rational approximation (see {@link #tanh(float)}) within 3.3e-7 relative
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

    @Override
    public void multiplyAdd(float[][] a, float[][] x, float[][] y, int rows, int inner, int from, int to) {
        for (int j0 = from; j0 < to; j0 += BLOCK) {
            int j1 = Math.min(to, j0 + BLOCK);
            for (int i = 0; i < rows; i++) {
                float[] ai = a[i];
                float[] yi = y[i];
                for (int k = 0; k < inner; k++) {
                    float c = ai[k];
                    float[] xk = x[k];
                    for (int j = j0; j < j1; j++) yi[j] += c * xk[j];
                }
            }
        }
    }

    @Override
    public void transposedMultiplyAdd(float[][] a, float[][] x, float[][] y, int rows, int inner, int from, int to) {
        for (int j0 = from; j0 < to; j0 += BLOCK) {
            int j1 = Math.min(to, j0 + BLOCK);
            for (int i = 0; i < rows; i++) {
                float[] yi = y[i];
                for (int k = 0; k < inner; k++) {
                    float c = a[k][i];
                    float[] xk = x[k];
                    for (int j = j0; j < j1; j++) yi[j] += c * xk[j];
                }
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
    public void gather(float[] src, int srcOffset, int stride, float[] dst, int dstOffset, int count) {
        for (int i = 0; i < count; i++) dst[dstOffset + i] = src[srcOffset + i * stride];
    }

    @Override
    public void scatterAdd(float[] src, int srcOffset, float[] dst, int dstOffset, int stride, int count) {
        for (int i = 0; i < count; i++) dst[dstOffset + i * stride] += src[srcOffset + i];
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
        double sum = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < outputs; j++) {
                double e = y[i][j] - targets[i * outputs + j];
                sum += e * e;
                gradient[i][j] = (float) (2 * e / rows);
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
