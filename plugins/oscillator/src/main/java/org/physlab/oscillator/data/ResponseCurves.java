package org.physlab.oscillator.data;

import java.util.random.RandomGenerator;
import org.physlab.oscillator.duffing.DuffingBatch;
import org.physlab.oscillator.duffing.DuffingParameters;
import org.physlab.oscillator.duffing.DuffingSolver;
import org.physlab.oscillator.resize.JaxResize;

/**
 * Training data of the curve network (lecture, task 1): oscillators drawn from a {@link ParameterPrior},
 * driven with a fixed force through the sweep from z0, |z| resized to {@code bins} values with the
 * antialiased linear {@link JaxResize}, optionally with Gaussian noise of standard deviation
 * {@code noise} added afterwards. Inputs are raw amplitudes and targets raw parameters, as in the lecture
 * (no normalisation).
 */
public final class ResponseCurves {
    private final ParameterPrior prior;
    private final double force;
    private final DuffingSolver solver;
    private final JaxResize resize;
    private final double noise;
    private final double z0Re;
    private final double z0Im;

    /**
     * @param z0Re initial amplitude, real part (the lecture starts training curves at z0 = 0)
     */
    public ResponseCurves(ParameterPrior prior, double force, DuffingSolver solver, int bins, double noise,
                          double z0Re, double z0Im) {
        if (bins < 2) throw new IllegalArgumentException("bins must be at least 2, got " + bins);
        if (!(noise >= 0)) throw new IllegalArgumentException("noise must be at least 0, got " + noise);
        this.prior = prior;
        this.force = force;
        this.solver = solver;
        this.resize = JaxResize.of(solver.sweep().steps(), bins, JaxResize.Method.LINEAR);
        this.noise = noise;
        this.z0Re = z0Re;
        this.z0Im = z0Im;
    }

    public int bins() {
        return resize.outSize();
    }

    public JaxResize resize() {
        return resize;
    }

    /** Draws {@code size} oscillators, simulates and resizes their responses. */
    public CurveBatch next(RandomGenerator random, int size) {
        double[] targets = new double[size * 3];
        DuffingBatch batch = DuffingBatch.ofSize(size);
        for (int i = 0; i < size; i++) {
            prior.draw(random, targets, i * 3);
            batch.set(i, new DuffingParameters(targets[i * 3], targets[i * 3 + 1], targets[i * 3 + 2], force));
        }
        double[] abs = solver.amplitudes(batch, z0Re, z0Im);
        int bins = bins();
        double[] inputs = new double[size * bins];
        resize.applyRows(abs, size, inputs);
        if (noise > 0) {
            // x <- x + noise * N(0, 1), after resizing
            for (int i = 0; i < inputs.length; i++) inputs[i] += noise * random.nextGaussian();
        }
        return new CurveBatch(size, new int[] {bins}, inputs, targets);
    }
}
