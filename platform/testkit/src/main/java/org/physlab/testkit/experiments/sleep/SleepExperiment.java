package org.physlab.testkit.experiments.sleep;

import org.physlab.api.Experiment;
import org.physlab.api.ExperimentDescriptor;
import org.physlab.api.Parameter;
import org.physlab.api.ParameterSchema;
import org.physlab.api.RunContext;
import org.physlab.api.Summary;

/**
 * {@code testkit.sleep}: ticks every 10 ms, checking for cancellation and logging the metric
 * {@code tick}, until the run is cancelled (or, as a safety net, after {@code maxSeconds}).
 */
public final class SleepExperiment implements Experiment {

    public static final String ID = "testkit.sleep";

    @Override
    public ExperimentDescriptor descriptor() {
        return ExperimentDescriptor.builder(ID)
                .title("Sleep until cancelled")
                .description("Ticks every 10 ms until the run is cancelled; for tests of cancellation, time limits and shutdown.")
                .parameters(ParameterSchema.builder()
                        .add(Parameter.integer("maxSeconds").defaultValue(3600).range(1, 86_400).unit("s")
                                .help("ends the run normally after this long if nobody cancels it"))
                        .build())
                .build();
    }

    @Override
    public Summary run(RunContext run) throws InterruptedException {
        long limitNanos = run.parameters().getLong("maxSeconds") * 1_000_000_000L;
        long start = System.nanoTime();
        long tick = 0;
        run.log().info("sleeping until cancelled");
        while (System.nanoTime() - start < limitNanos) {
            run.checkCancelled();
            tick++;
            run.metric("tick", tick, tick);
            run.progress(Math.min(1.0, (System.nanoTime() - start) / (double) limitNanos), "tick " + tick);
            Thread.sleep(10);
        }
        return Summary.builder().put("ticks", tick).build();
    }
}
