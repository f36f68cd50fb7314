package org.physlab.oscillator.resize;

import java.util.Arrays;
import java.util.Locale;

/**
 * Resampling of one axis exactly as {@code jax.image.resize} does it (the lecture resizes its response
 * curves with it), including JAX's default antialiasing.
 *
 * <p>For input length m and output length n (scale s = n/m), output j samples the input at the
 * half-pixel-centred position
 * <pre>
 *   p_j = (j + 0.5) m/n - 0.5                                       (in input-index units)
 *   w_ij = K( |p_j - i| / kernelScale ),  kernelScale = max(m/n, 1) with antialias, else 1
 *   out_j = sum_i w_ij in_i / sum_i w_ij                             (sum over the taps that exist)
 * </pre>
 * There is no padding: taps outside [0, m-1] do not exist and the edge outputs renormalise the
 * truncated kernel. A column whose weight sum has magnitude at most 1000 float32-epsilons is zero, as
 * is an output whose sample point falls outside [-0.5, m-0.5]. When m = n the axis is left as it is
 * (JAX skips it). Downsampling 400 to 50 therefore averages 16 (linear) or 32 (cubic) samples with a
 * kernel widened eightfold, instead of picking two neighbours as plain bilinear interpolation would.
 *
 * <p>Instances are immutable and thread-safe; build one per (m, n, method) and reuse it.
 */
public final class JaxResize {

    /** float32 machine epsilon, which JAX's weight normalisation uses whatever the data type. */
    private static final double FLOAT32_EPS = Math.ulp(1.0f);

    /** The interpolation kernels of {@code jax.image.resize} that the lecture uses. */
    public enum Method {
        /** Triangle kernel K(x) = max(0, 1 - |x|). */
        LINEAR(1) {
            @Override
            public double kernel(double x) {
                x = Math.abs(x);
                return Math.max(0.0, 1.0 - x);
            }
        },
        /** Keys cubic kernel with a = -0.5. */
        CUBIC(2) {
            @Override
            public double kernel(double x) {
                x = Math.abs(x);
                // K(x) = 1.5|x|^3 - 2.5|x|^2 + 1 for |x| < 1
                if (x < 1) return ((1.5 * x - 2.5) * x) * x + 1.0;
                // K(x) = -0.5|x|^3 + 2.5|x|^2 - 4|x| + 2 for 1 <= |x| < 2
                if (x < 2) return ((-0.5 * x + 2.5) * x - 4.0) * x + 2.0;
                return 0.0;
            }
        };

        private final double radius;

        Method(double radius) {
            this.radius = radius;
        }

        /** The kernel's value at distance {@code x} (in units of the possibly widened kernel). */
        public abstract double kernel(double x);

        /** The kernel vanishes for |x| at or beyond this. */
        public double radius() {
            return radius;
        }

        /** The name JAX uses: {@code linear} or {@code cubic}. */
        public String jaxName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Parses {@code linear} or {@code cubic} (any case). */
        public static Method parse(String name) {
            for (Method m : values()) if (m.jaxName().equalsIgnoreCase(name.trim())) return m;
            throw new IllegalArgumentException("unknown resize method '" + name + "', expected linear or cubic");
        }
    }

    private final int inSize;
    private final int outSize;
    private final Method method;
    private final boolean antialias;
    /** First input index of each output's taps. */
    private final int[] first;
    /** Normalised weights of each output's taps, starting at {@code first[j]}. */
    private final double[][] weights;

    private JaxResize(int inSize, int outSize, Method method, boolean antialias) {
        if (inSize < 1 || outSize < 1) {
            throw new IllegalArgumentException("sizes must be positive, got " + inSize + " -> " + outSize);
        }
        this.inSize = inSize;
        this.outSize = outSize;
        this.method = method;
        this.antialias = antialias;
        this.first = new int[outSize];
        this.weights = new double[outSize][];
        if (inSize == outSize) {
            for (int j = 0; j < outSize; j++) {
                first[j] = j;
                weights[j] = new double[] {1.0};
            }
            return;
        }
        double inverseScale = (double) inSize / outSize;
        double kernelScale = antialias ? Math.max(inverseScale, 1.0) : 1.0;
        double reach = method.radius() * kernelScale;
        for (int j = 0; j < outSize; j++) {
            // half-pixel centre of output j in input coordinates: p_j = (j + 0.5) m/n - 0.5
            double p = (j + 0.5) * inverseScale - 0.5;
            int lo = Math.max(0, (int) Math.floor(p - reach));
            int hi = Math.min(inSize - 1, (int) Math.ceil(p + reach));
            double[] w = new double[Math.max(0, hi - lo + 1)];
            double sum = 0;
            for (int i = lo; i <= hi; i++) {
                // w_ij = K(|p_j - i| / kernelScale)
                double v = method.kernel(Math.abs(p - i) / kernelScale);
                w[i - lo] = v;
                sum += v;
            }
            boolean inside = p >= -0.5 && p <= inSize - 0.5;
            if (inside && Math.abs(sum) > 1000.0 * FLOAT32_EPS) {
                for (int t = 0; t < w.length; t++) w[t] /= sum;
            } else {
                Arrays.fill(w, 0.0);
            }
            // drop zero taps at the ends so apply() touches only what contributes
            int a = 0;
            int b = w.length - 1;
            while (a <= b && w[a] == 0.0) a++;
            while (b >= a && w[b] == 0.0) b--;
            first[j] = lo + Math.min(a, w.length);
            weights[j] = a <= b ? Arrays.copyOfRange(w, a, b + 1) : new double[0];
        }
    }

    /** Resize {@code inSize} samples to {@code outSize} with antialiasing (JAX's default). */
    public static JaxResize of(int inSize, int outSize, Method method) {
        return new JaxResize(inSize, outSize, method, true);
    }

    /** Resize with or without antialiasing. */
    public static JaxResize of(int inSize, int outSize, Method method, boolean antialias) {
        return new JaxResize(inSize, outSize, method, antialias);
    }

    public int inSize() {
        return inSize;
    }

    public int outSize() {
        return outSize;
    }

    public Method method() {
        return method;
    }

    public boolean antialias() {
        return antialias;
    }

    /** The first input index that output {@code j} reads. */
    public int firstTap(int j) {
        return first[j];
    }

    /** The normalised weights output {@code j} gives to inputs {@code firstTap(j)}, {@code firstTap(j)+1}, … */
    public double[] weights(int j) {
        return weights[j].clone();
    }

    /** Resizes one series of length {@link #inSize()}. */
    public double[] apply(double[] in) {
        if (in.length != inSize) {
            throw new IllegalArgumentException("expected " + inSize + " samples, got " + in.length);
        }
        double[] out = new double[outSize];
        apply(in, 0, 1, out, 0, 1);
        return out;
    }

    /**
     * Resizes the series {@code src[srcOffset + i * srcStride]}, i &lt; inSize, into
     * {@code dst[dstOffset + j * dstStride]}, j &lt; outSize.
     */
    public void apply(double[] src, int srcOffset, int srcStride, double[] dst, int dstOffset, int dstStride) {
        for (int j = 0; j < outSize; j++) {
            double[] w = weights[j];
            int at = srcOffset + first[j] * srcStride;
            double acc = 0;
            for (int t = 0; t < w.length; t++) {
                acc += w[t] * src[at];
                at += srcStride;
            }
            dst[dstOffset + j * dstStride] = acc;
        }
    }

    /** Resizes each of {@code rows} consecutive series of length inSize in {@code src} into consecutive rows of {@code dst}. */
    public void applyRows(double[] src, int rows, double[] dst) {
        if (src.length < rows * inSize || dst.length < rows * outSize) {
            throw new IllegalArgumentException("arrays too short for " + rows + " rows");
        }
        for (int r = 0; r < rows; r++) apply(src, r * inSize, 1, dst, r * outSize, 1);
    }

    @Override
    public String toString() {
        return "jax.image.resize(" + inSize + " -> " + outSize + ", " + method.jaxName() + ", antialias=" + antialias + ")";
    }
}
