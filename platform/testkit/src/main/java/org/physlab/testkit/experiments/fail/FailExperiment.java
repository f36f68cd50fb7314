package org.physlab.testkit.experiments.fail;

import org.physlab.api.Experiment;
import org.physlab.api.ExperimentDescriptor;
import org.physlab.api.Parameter;
import org.physlab.api.ParameterSchema;
import org.physlab.api.RunContext;
import org.physlab.api.Summary;

/**
 * {@code testkit.fail}: logs the metric {@code value} for {@code failAtStep} steps, then throws an
 * {@link IllegalStateException} whose message is {@code "<message> at step <failAtStep>"}.
 */
public final class FailExperiment implements Experiment {

    public static final String ID = "testkit.fail";

    @Override
    public ExperimentDescriptor descriptor() {
        return ExperimentDescriptor.builder(ID)
                .title("Fail on purpose")
                .description("Logs a few metrics, then throws; for tests of failed runs.")
                .parameters(ParameterSchema.builder()
                        .add(Parameter.integer("failAtStep").defaultValue(2).range(0, 1_000_000))
                        .add(Parameter.text("message").defaultValue("failed on purpose").minLength(1))
                        .build())
                .build();
    }

    @Override
    public Summary run(RunContext run) {
        int failAt = run.parameters().getInt("failAtStep");
        for (int step = 1; step <= failAt; step++) {
            run.checkCancelled();
            run.metric("value", step, step);
        }
        run.log().error("about to fail at step %d", failAt);
        throw new IllegalStateException(run.parameters().getString("message") + " at step " + failAt);
    }
}
