package org.physlab.testkit.experiments.version.v1;

import org.physlab.api.Experiment;
import org.physlab.api.ExperimentDescriptor;
import org.physlab.api.Parameter;
import org.physlab.api.ParameterSchema;
import org.physlab.api.RunContext;
import org.physlab.api.Summary;

/**
 * {@code testkit.version}, version 1: says which version it is in its title, description and summary
 * ({@code version = 1}), so tests of plugin updates can tell the old classes from the new.
 * {@link org.physlab.testkit.experiments.version.v2.VersionExperiment} is the other version.
 */
public final class VersionExperiment implements Experiment {

    public static final String ID = "testkit.version";

    /** Which version of the experiment this is. */
    public static final int VERSION = 1;

    @Override
    public ExperimentDescriptor descriptor() {
        return ExperimentDescriptor.builder(ID)
                .title("Version probe v" + VERSION)
                .description("Reports its own version: " + VERSION + ".")
                .parameters(ParameterSchema.builder()
                        .add(Parameter.integer("steps").defaultValue(1).range(1, 1000))
                        .build())
                .build();
    }

    @Override
    public Summary run(RunContext run) {
        int steps = run.parameters().getInt("steps");
        for (int step = 1; step <= steps; step++) {
            run.checkCancelled();
            run.metric("version", step, VERSION);
        }
        run.log().info("version %d ran", VERSION);
        return Summary.builder().put("version", VERSION).build();
    }
}
