package org.physlab.vertexmesh.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.physlab.vertexmesh.sensitivity.CancellationCheck;
import org.physlab.vertexmesh.sensitivity.EnergyParameter;
import org.physlab.vertexmesh.sensitivity.EnergyParameters;
import org.physlab.vertexmesh.sensitivity.SensitivityMethod;
import org.physlab.vertexmesh.sensitivity.UnrolledRelaxation;

/**
 * The outer loop of the tutorial's meta-training (spec §8): at each outer step, relax every copy of the
 * batch with the current parameters, differentiate the mean meta-loss through all inner steps, and let the
 * optimiser update the learned parameters. Step s reports the loss <em>before</em> its update and the
 * parameters <em>after</em> it, as the tutorial prints them.
 */
public final class MetaTrainer {
    private final UnrolledRelaxation relaxation;
    private final int outerSteps;

    /**
     * @param relaxation the differentiated model (energy, meta-loss, inner steps, learned parameters)
     * @param outerSteps the number of optimiser updates (≥ 1)
     */
    public MetaTrainer(UnrolledRelaxation relaxation, int outerSteps) {
        if (outerSteps < 1) throw new IllegalArgumentException("at least one outer step is needed, got " + outerSteps);
        this.relaxation = relaxation;
        this.outerSteps = outerSteps;
    }

    public UnrolledRelaxation relaxation() {
        return relaxation;
    }

    /**
     * One outer step.
     *
     * @param step     0-based index
     * @param loss     the mean meta-loss at the parameters {@code before}
     * @param gradient the mean dL/dθ there, one entry per learned parameter
     * @param before   the parameters the batch was relaxed with
     * @param after    the parameters after the optimiser's update
     */
    public record OuterStep(int step, double loss, double[] gradient, EnergyParameters before, EnergyParameters after) {
        /** dL/dθ for one learned parameter (of the list the trainer learns). */
        public double derivative(List<EnergyParameter> learned, EnergyParameter parameter) {
            int i = learned.indexOf(parameter);
            if (i < 0) throw new IllegalArgumentException(parameter.key() + " is not learned");
            return gradient[i];
        }
    }

    /** Told about each outer step as soon as it is done. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = step -> { };

        void afterStep(OuterStep step);
    }

    /**
     * The history of a training and the learned parameters.
     *
     * @param steps   every outer step, in order
     * @param learned the parameters after the last update
     */
    public record Result(List<OuterStep> steps, EnergyParameters learned) {
        public Result {
            steps = List.copyOf(steps);
        }

        public OuterStep last() {
            return steps.get(steps.size() - 1);
        }
    }

    /**
     * Trains from {@code initial}.
     *
     * @param batch     the initial vertex arrays of the noisy copies (one connectivity)
     * @param optimizer a fresh optimiser (it keeps state)
     * @param method    how the meta-gradient is computed
     * @param evaluator runs the copies in parallel
     * @throws IllegalStateException if an update leaves the parameters' valid range (ℓ₀ ≤ 0 or a negative
     *                               area weight): the learning rate is too large
     */
    public Result train(List<double[]> batch, EnergyParameters initial, Optimizer optimizer, SensitivityMethod method,
                        BatchEvaluator evaluator, Listener listener, CancellationCheck cancellation) {
        List<EnergyParameter> learned = relaxation.learned();
        EnergyParameters current = initial;
        List<OuterStep> history = new ArrayList<>(outerSteps);
        double[] theta = new double[learned.size()];
        for (int s = 0; s < outerSteps; s++) {
            cancellation.check();
            BatchMetaGradient batchGradient = evaluator.evaluate(method, relaxation, batch, current, cancellation);
            for (int j = 0; j < theta.length; j++) theta[j] = current.get(learned.get(j));
            optimizer.step(theta, batchGradient.gradient());
            EnergyParameters next = current;
            for (int j = 0; j < theta.length; j++) next = updated(next, learned.get(j), theta[j], s);
            OuterStep step = new OuterStep(s, batchGradient.loss(), batchGradient.gradient(), current, next);
            history.add(step);
            listener.afterStep(step);
            current = next;
        }
        return new Result(history, current);
    }

    private static EnergyParameters updated(EnergyParameters p, EnergyParameter parameter, double value, int step) {
        try {
            return p.with(parameter, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "outer step %d: the update moved %s from %s to %s, outside its valid range (%s); "
                            + "lower the learningRate", step, parameter.key(), p.get(parameter), value, e.getMessage()), e);
        }
    }
}
