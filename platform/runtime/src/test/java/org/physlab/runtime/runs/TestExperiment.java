package org.physlab.runtime.runs;

import org.physlab.api.Experiment;
import org.physlab.api.ExperimentDescriptor;
import org.physlab.api.ParameterSchema;
import org.physlab.api.RunContext;
import org.physlab.api.Summary;

/** An experiment written inline in a test: {@code TestExperiment.of("test.sleep", run -> ...)}. */
final class TestExperiment implements Experiment {

    /** The body of a run. */
    interface Body {
        Summary run(RunContext run) throws Exception;
    }

    private final ExperimentDescriptor descriptor;
    private final Body body;

    private TestExperiment(ExperimentDescriptor descriptor, Body body) {
        this.descriptor = descriptor;
        this.body = body;
    }

    static TestExperiment of(String id, Body body) {
        return of(id, ParameterSchema.builder().build(), body);
    }

    static TestExperiment of(String id, ParameterSchema parameters, Body body) {
        return new TestExperiment(ExperimentDescriptor.builder(id).parameters(parameters).build(), body);
    }

    @Override
    public ExperimentDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Summary run(RunContext context) throws Exception {
        return body.run(context);
    }

    /** Waits, checking for cancellation every 10 ms, until the run is stopped. */
    static Summary untilCancelled(RunContext run) throws InterruptedException {
        while (true) {
            run.checkCancelled();
            Thread.sleep(10);
        }
    }
}
