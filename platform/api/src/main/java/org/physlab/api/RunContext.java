package org.physlab.api;

import java.util.random.RandomGenerator;

/**
 * What a running experiment may use and report. One context per run; its methods are thread-safe,
 * so an experiment may fan work out to several threads and report from each.
 */
public interface RunContext {

    /** The run's id, as shown by {@code physlab runs}. */
    String runId();

    /** The validated parameters, defaults filled in. */
    Parameters parameters();

    /** The run's seed: same plugin version, parameters and seed give the same numbers on the CPU backend. */
    long seed();

    /**
     * The run's own random generator, seeded from {@link #seed()}. It belongs to this run alone
     * (never a process-global one), so concurrent runs do not disturb each other. Not thread-safe:
     * give other threads {@link #random(String)} streams.
     */
    RandomGenerator random();

    /**
     * An independent random stream derived from the seed and a name, e.g. {@code random("validation")}:
     * the same name gives the same stream in every run with the same seed, whatever else the run drew.
     */
    RandomGenerator random(String stream);

    /** The shared ND4J compute service (backend, devices, threads). */
    ComputeService compute();

    /**
     * Reports progress: {@code fraction} in [0, 1] and a short message such as {@code "batch 40/100"}.
     * Cheap enough to call every step.
     */
    void progress(double fraction, String message);

    /**
     * Logs one point of a metric series, e.g. {@code metric("loss", step, loss)}. Buffered and written
     * in batches: many thousands of calls per second cost the run almost nothing.
     *
     * @throws NonFiniteMetricException if {@code value} is NaN or infinite: the run fails with a message
     *         naming the metric and step (a diverging loss must not pass silently)
     */
    void metric(String key, long step, double value);

    /** Stores an artifact under its {@link Artifact#name()}; a second artifact of the same name replaces the first. */
    void artifact(Artifact artifact);

    /**
     * Reads an artifact stored by an earlier run, e.g. a trained model to predict with.
     *
     * @throws IllegalArgumentException if there is no such run or artifact
     */
    Artifact loadArtifact(String runId, String name);

    /** Lines written here are kept with the run and shown beside it. */
    RunLog log();

    /** Whether the run was asked to stop (cancelled, timed out, or its plugin is being updated). */
    boolean isCancelled();

    /** Throws {@link RunCancelledException} if the run was asked to stop; call it once per step or batch. */
    void checkCancelled();
}
