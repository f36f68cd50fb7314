package org.physlab.imnn.network;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Adam with bias correction (Kingma and Ba 2015), as jax.experimental.optimizers.adam: m ← β₁m + (1−β₁)g,
 * v ← β₂v + (1−β₂)g², w ← w − η·m̂/(√v̂ + ε) with m̂ = m/(1−β₁^{i+1}), v̂ = v/(1−β₂^{i+1}) at step index i.
 * The moments persist between fits; the step index is the caller's (the IMNN restarts it every fit).
 */
public final class Adam {
    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final List<INDArray> m = new ArrayList<>();
    private final List<INDArray> v = new ArrayList<>();

    /** The usual settings β₁ = 0.9, β₂ = 0.999, ε = 1e-8. */
    public Adam(double learningRate) {
        this(learningRate, 0.9, 0.999, 1e-8);
    }

    public Adam(double learningRate, double beta1, double beta2, double epsilon) {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("the learning rate must be positive, got " + learningRate);
        }
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    public double learningRate() { return learningRate; }

    /** One step on {@code parameters} (in place) with {@code gradients} at step index {@code step} (0-based). */
    public void step(List<INDArray> parameters, List<INDArray> gradients, int step) {
        if (m.isEmpty()) {
            for (INDArray p : parameters) { m.add(Nd4j.zerosLike(p)); v.add(Nd4j.zerosLike(p)); }
        }
        double c1 = 1 - Math.pow(beta1, step + 1);
        double c2 = 1 - Math.pow(beta2, step + 1);
        for (int k = 0; k < parameters.size(); k++) {
            INDArray g = gradients.get(k);
            m.get(k).muli(beta1).addi(g.mul(1 - beta1));
            v.get(k).muli(beta2).addi(g.mul(g).muli(1 - beta2));
            INDArray denom = Transforms.sqrt(v.get(k).div(c2), false).addi(epsilon);
            parameters.get(k).subi(m.get(k).div(c1).divi(denom).muli(learningRate));
        }
    }
}
