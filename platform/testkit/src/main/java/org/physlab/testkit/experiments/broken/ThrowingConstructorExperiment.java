package org.physlab.testkit.experiments.broken;

import org.physlab.api.Experiment;
import org.physlab.api.ExperimentDescriptor;
import org.physlab.api.RunContext;
import org.physlab.api.Summary;

/** An experiment whose constructor throws {@code IllegalStateException("constructor broken on purpose")}. */
public final class ThrowingConstructorExperiment implements Experiment {

    public static final String MESSAGE = "constructor broken on purpose";

    public ThrowingConstructorExperiment() {
        throw new IllegalStateException(MESSAGE);
    }

    @Override
    public ExperimentDescriptor descriptor() {
        return ExperimentDescriptor.builder("testkit.broken-constructor").build();
    }

    @Override
    public Summary run(RunContext context) {
        return Summary.empty();
    }
}
