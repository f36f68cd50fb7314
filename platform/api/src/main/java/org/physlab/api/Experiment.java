package org.physlab.api;

/**
 * One kind of experiment a plugin offers, e.g. {@code oscillator.curve-mlp}.
 *
 * <p>Implementations need a public no-argument constructor and are listed in the bundle's
 * {@code META-INF/services/org.physlab.api.Experiment}. One instance serves every run of the
 * experiment, possibly several at once: keep per-run state in local variables, never in fields.
 *
 * <pre>{@code
 * public final class Pendulum implements Experiment {
 *     public ExperimentDescriptor descriptor() {
 *         return ExperimentDescriptor.builder("pendulum.period")
 *                 .title("Period of a pendulum")
 *                 .parameters(ParameterSchema.builder()
 *                         .add(Parameter.real("length").defaultValue(1.0).min(1e-3).unit("m"))
 *                         .build())
 *                 .build();
 *     }
 *
 *     public Summary run(RunContext run) {
 *         double l = run.parameters().getDouble("length");
 *         double period = 2 * Math.PI * Math.sqrt(l / 9.81);   // T = 2π √(l/g)
 *         return Summary.builder().put("period", period).build();
 *     }
 * }
 * }</pre>
 */
public interface Experiment {

    /** What this experiment is and which parameters it takes. Called once when the plugin starts. */
    ExperimentDescriptor descriptor();

    /**
     * Runs the experiment. Parameters arrive validated against {@link #descriptor()}'s schema.
     * Throw any exception to fail the run (its message becomes the run's error); call
     * {@link RunContext#checkCancelled()} regularly so a cancelled run stops within a second.
     *
     * @return the headline metrics of the run
     */
    Summary run(RunContext context) throws Exception;
}
