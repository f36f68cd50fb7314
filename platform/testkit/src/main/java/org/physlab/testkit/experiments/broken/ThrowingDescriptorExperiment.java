package org.physlab.testkit.experiments.broken;

import org.physlab.api.Experiment;
import org.physlab.api.ExperimentDescriptor;
import org.physlab.api.RunContext;
import org.physlab.api.Summary;

/** An experiment whose {@link #descriptor()} throws {@code IllegalStateException("descriptor broken on purpose")}. */
public final class ThrowingDescriptorExperiment implements Experiment {

    public static final String MESSAGE = "descriptor broken on purpose";

    @Override
    public ExperimentDescriptor descriptor() {
        throw new IllegalStateException(MESSAGE);
    }

    @Override
    public Summary run(RunContext context) {
        return Summary.empty();
    }
}
