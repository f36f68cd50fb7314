package org.physlab.testkit.experiments.nan;

import org.physlab.api.Experiment;
import org.physlab.api.ExperimentDescriptor;
import org.physlab.api.Parameter;
import org.physlab.api.ParameterSchema;
import org.physlab.api.RunContext;
import org.physlab.api.Summary;

/**
 * {@code testkit.nan}: logs a falling {@code loss} (1/step) that becomes NaN at {@code nanAtStep}, as
 * a diverging training would. A conforming {@link RunContext} fails the run right there.
 */
public final class NanExperiment implements Experiment {

    public static final String ID = "testkit.nan";

    @Override
    public ExperimentDescriptor descriptor() {
        return ExperimentDescriptor.builder(ID)
                .title("Diverging loss")
                .description("Logs a loss that turns NaN at a given step; for tests of non-finite metrics.")
                .parameters(ParameterSchema.builder()
                        .add(Parameter.integer("steps").defaultValue(10).range(1, 1_000_000))
                        .add(Parameter.integer("nanAtStep").defaultValue(3).range(1, 1_000_000))
                        .build())
                .build();
    }

    @Override
    public Summary run(RunContext run) {
        int steps = run.parameters().getInt("steps");
        int nanAt = run.parameters().getInt("nanAtStep");
        double loss = Double.NaN;
        for (int step = 1; step <= steps; step++) {
            run.checkCancelled();
            loss = step == nanAt ? Double.NaN : 1.0 / step;
            run.metric("loss", step, loss);
        }
        return Summary.builder().put("finalLoss", loss).build();
    }
}
