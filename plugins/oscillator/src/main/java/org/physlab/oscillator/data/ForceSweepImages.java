package org.physlab.oscillator.data;

import java.util.random.RandomGenerator;
import org.physlab.oscillator.duffing.DuffingBatch;
import org.physlab.oscillator.duffing.DuffingParameters;
import org.physlab.oscillator.duffing.DuffingSolver;
import org.physlab.oscillator.duffing.FrequencySweep;
import org.physlab.oscillator.resize.JaxResize;

/**
 * Training data of the convolutional network (lecture, task 3): for each oscillator, the sweep is run
 * at {@code forceCount} forces evenly spaced in [forceLow, forceHigh] (from z0 = 0.01i in the lecture),
 * giving |z| as a forces × time map. Each row is resized along time to {@code bins} columns with the
 * antialiased cubic {@link JaxResize} (the force axis is left as it is), Gaussian noise of standard
 * deviation {@code noise} is added to that channel only, and two coordinate channels are stacked
 * behind it:
 * <pre>
 *   channel 0: |z|(force_r, t_c) + noise * N(0,1)
 *   channel 1: omega_c = linspace(omegaStart, omegaStop, bins)[c]      (varies along columns)
 *   channel 2: force_r = linspace(forceLow, forceHigh, forceCount)[r]  (varies along rows)
 * </pre>
 * Samples are NCHW: [3, forceCount, bins].
 */
public final class ForceSweepImages {
    /** Number of channels of an image. */
    public static final int CHANNELS = 3;

    private final ParameterPrior prior;
    private final double[] forces;
    private final DuffingSolver solver;
    private final JaxResize resize;
    private final double noise;
    private final double z0Re;
    private final double z0Im;

    public ForceSweepImages(ParameterPrior prior, double forceLow, double forceHigh, int forceCount,
                            DuffingSolver solver, int bins, double noise, double z0Re, double z0Im) {
        if (forceCount < 1) throw new IllegalArgumentException("forceCount must be at least 1, got " + forceCount);
        if (bins < 2) throw new IllegalArgumentException("bins must be at least 2, got " + bins);
        if (!(noise >= 0)) throw new IllegalArgumentException("noise must be at least 0, got " + noise);
        this.prior = prior;
        this.forces = linspace(forceLow, forceHigh, forceCount);
        this.solver = solver;
        this.resize = JaxResize.of(solver.sweep().steps(), bins, JaxResize.Method.CUBIC);
        this.noise = noise;
        this.z0Re = z0Re;
        this.z0Im = z0Im;
    }

    /** {@code count} evenly spaced values from {@code low} to {@code high} inclusive (numpy's linspace). */
    public static double[] linspace(double low, double high, int count) {
        double[] v = new double[count];
        if (count == 1) {
            v[0] = low;
            return v;
        }
        double step = (high - low) / (count - 1);
        for (int i = 0; i < count; i++) v[i] = low + i * step;
        v[count - 1] = high;
        return v;
    }

    /** The drive forces, one per image row. */
    public double[] forces() {
        return forces.clone();
    }

    public int rows() {
        return forces.length;
    }

    public int bins() {
        return resize.outSize();
    }

    /** The shape of one sample: [3, forceCount, bins]. */
    public int[] shape() {
        return new int[] {CHANNELS, rows(), bins()};
    }

    /** Draws {@code size} oscillators and builds their noisy images. */
    public CurveBatch next(RandomGenerator random, int size) {
        int rows = rows();
        int steps = solver.sweep().steps();
        double[] targets = new double[size * 3];
        DuffingBatch batch = DuffingBatch.ofSize(size * rows);
        for (int s = 0; s < size; s++) {
            prior.draw(random, targets, s * 3);
            for (int r = 0; r < rows; r++) {
                batch.set(s * rows + r, new DuffingParameters(targets[s * 3], targets[s * 3 + 1], targets[s * 3 + 2], forces[r]));
            }
        }
        double[] abs = solver.amplitudes(batch, z0Re, z0Im);
        int per = CHANNELS * rows * bins();
        double[] inputs = new double[size * per];
        for (int s = 0; s < size; s++) {
            image(abs, s * rows * steps, inputs, s * per);
        }
        if (noise > 0) {
            // channel 0 only, after resizing: |z| <- |z| + noise * N(0, 1)
            int plane = rows * bins();
            for (int s = 0; s < size; s++) {
                int base = s * per;
                for (int i = 0; i < plane; i++) inputs[base + i] += noise * random.nextGaussian();
            }
        }
        return new CurveBatch(size, shape(), inputs, targets);
    }

    /**
     * The noise-free image of a measured response map: {@code abs} holds forceCount rows of |z| over
     * the sweep's samples (row r at force r), starting at {@code offset}.
     */
    public double[] image(double[] abs, int offset) {
        double[] out = new double[CHANNELS * rows() * bins()];
        image(abs, offset, out, 0);
        return out;
    }

    private void image(double[] abs, int absOffset, double[] out, int outOffset) {
        int rows = rows();
        int bins = bins();
        int steps = resize.inSize();
        for (int r = 0; r < rows; r++) resize.apply(abs, absOffset + r * steps, 1, out, outOffset + r * bins, 1);
        FrequencySweep sweep = solver.sweep();
        fillCoordinateChannels(out, outOffset, linspace(sweep.omegaStart(), sweep.omegaStop(), bins), forces);
    }

    /**
     * Writes channels 1 (drive frequency, varying along columns) and 2 (force, varying along rows) of
     * the image starting at {@code offset}; channel 0 is left as it is.
     */
    public static void fillCoordinateChannels(double[] image, int offset, double[] omegas, double[] forces) {
        int rows = forces.length;
        int bins = omegas.length;
        int plane = rows * bins;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < bins; c++) {
                image[offset + plane + r * bins + c] = omegas[c];
                image[offset + 2 * plane + r * bins + c] = forces[r];
            }
        }
    }
}
