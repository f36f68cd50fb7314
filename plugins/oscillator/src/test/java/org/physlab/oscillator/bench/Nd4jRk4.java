package org.physlab.oscillator.bench;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.physlab.oscillator.duffing.DuffingParameters;
import org.physlab.oscillator.duffing.FrequencySweep;

/**
 * The same batched RK4 as {@link org.physlab.oscillator.duffing.DuffingSolver}, written the way one
 * would port the lecture's vmapped JAX code: whole-batch ND4J vector operations per stage. It is the
 * baseline the benchmark compares the plain-Java solver with (per-op overhead dominates for small
 * batches). Same equations: dx/dt = Delta y - gamma/2 x, dy/dt = -Delta x - gamma/2 y + F.
 */
final class Nd4jRk4 {
    private Nd4jRk4() { }

    /** |z| as [batch][steps] (row-major), double precision. */
    static double[] amplitudes(DuffingParameters[] oscillators, FrequencySweep sweep, double z0Re, double z0Im) {
        int n = oscillators.length;
        double[] w0 = new double[n], hg = new double[n], eps = new double[n], f = new double[n];
        for (int i = 0; i < n; i++) {
            w0[i] = oscillators[i].omega0();
            hg[i] = 0.5 * oscillators[i].gamma();
            eps[i] = oscillators[i].epsilon();
            f[i] = oscillators[i].force();
        }
        INDArray omega0 = Nd4j.createFromArray(w0);
        INDArray halfGamma = Nd4j.createFromArray(hg);
        INDArray epsilon = Nd4j.createFromArray(eps);
        INDArray force = Nd4j.createFromArray(f);
        INDArray x = Nd4j.valueArrayOf(new long[] {n}, z0Re, DataType.DOUBLE);
        INDArray y = Nd4j.valueArrayOf(new long[] {n}, z0Im, DataType.DOUBLE);
        INDArray out = Nd4j.create(DataType.DOUBLE, sweep.steps(), n);
        double dt = sweep.dt();
        for (int k = 0; k < sweep.steps(); k++) {
            double t = k * dt;
            INDArray[] k1 = rhs(x, y, omega0, halfGamma, epsilon, force, sweep.omegaStart() + sweep.rate() * t);
            INDArray[] k2 = rhs(x.add(k1[0].mul(dt / 2)), y.add(k1[1].mul(dt / 2)), omega0, halfGamma, epsilon, force,
                    sweep.omegaStart() + sweep.rate() * (t + dt / 2));
            INDArray[] k3 = rhs(x.add(k2[0].mul(dt / 2)), y.add(k2[1].mul(dt / 2)), omega0, halfGamma, epsilon, force,
                    sweep.omegaStart() + sweep.rate() * (t + dt / 2));
            INDArray[] k4 = rhs(x.add(k3[0].mul(dt)), y.add(k3[1].mul(dt)), omega0, halfGamma, epsilon, force,
                    sweep.omegaStart() + sweep.rate() * (t + dt));
            x.addi(k1[0].add(k2[0].mul(2)).addi(k3[0].mul(2)).addi(k4[0]).muli(dt / 6));
            y.addi(k1[1].add(k2[1].mul(2)).addi(k3[1].mul(2)).addi(k4[1]).muli(dt / 6));
            out.putRow(k, Transforms.sqrt(x.mul(x).addi(y.mul(y)), false));
        }
        return out.transpose().dup('c').data().asDouble();
    }

    private static INDArray[] rhs(INDArray x, INDArray y, INDArray omega0, INDArray halfGamma, INDArray epsilon,
                                  INDArray force, double omega) {
        INDArray delta = omega0.sub(omega).addi(epsilon.mul(x.mul(x).addi(y.mul(y))));
        INDArray dx = delta.mul(y).subi(halfGamma.mul(x));
        INDArray dy = delta.mul(x).negi().subi(halfGamma.mul(y)).addi(force);
        return new INDArray[] {dx, dy};
    }
}
