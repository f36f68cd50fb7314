package ${package};

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.physlab.api.Artifact;
import org.physlab.api.ComputeService;
import org.physlab.api.Experiment;
import org.physlab.api.NonFiniteMetricException;
import org.physlab.api.Parameters;
import org.physlab.api.RunCancelledException;
import org.physlab.api.RunContext;
import org.physlab.api.RunLog;
import org.physlab.api.Summary;

/**
 * A {@link RunContext} for unit tests: it validates raw parameters against the experiment's schema
 * as Physlab does before a run, and keeps every metric, artifact, progress report and log line in
 * memory for the test to look at. (Its methods match a subset of the test kit's
 * {@code InMemoryRunContext}, which can replace it.)
 */
final class RecordingRunContext implements RunContext {

    /** The last progress report of a run. */
    record Progress(double fraction, String message) { }

    private final Experiment experiment;
    private final Parameters parameters;
    private final long seed;
    private final RandomGenerator random;
    private final Map<String, List<Double>> metrics = new LinkedHashMap<>();
    private final Map<String, Artifact> artifacts = new LinkedHashMap<>();
    private final List<String> logLines = new ArrayList<>();
    private Progress lastProgress;
    private volatile String cancelReason;

    private RecordingRunContext(Experiment experiment, Parameters parameters, long seed) {
        this.experiment = experiment;
        this.parameters = parameters;
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    /**
     * A context for one run of {@code experiment} with raw parameter values (text as typed on a command line).
     *
     * @throws org.physlab.api.InvalidParametersException listing every problem with the values
     */
    static RecordingRunContext of(Experiment experiment, Map<String, ?> rawParameters, long seed) {
        return new RecordingRunContext(experiment, experiment.descriptor().parameters().validate(rawParameters), seed);
    }

    /** Runs the experiment against this context. */
    Summary execute() throws Exception {
        return Objects.requireNonNull(experiment.run(this), "the experiment returned no summary");
    }

    /** Asks the run to stop, as Physlab does when a user cancels it. */
    void cancel(String reason) {
        cancelReason = reason;
    }

    /** The values reported for one metric, in order; empty if none. */
    synchronized double[] metrics(String key) {
        return metrics.getOrDefault(key, List.of()).stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The artifact stored under {@code name}, which must exist and be of the given kind. */
    synchronized <A extends Artifact> A artifact(String name, Class<A> kind) {
        Artifact a = artifacts.get(name);
        if (!kind.isInstance(a)) {
            throw new IllegalArgumentException("no " + kind.getSimpleName() + " named '" + name + "' among " + artifacts.keySet());
        }
        return kind.cast(a);
    }

    synchronized List<String> logLines() {
        return List.copyOf(logLines);
    }

    /** The latest progress report, or {@code null} before the first. */
    synchronized Progress lastProgress() {
        return lastProgress;
    }

    @Override public String runId() { return "test-run"; }

    @Override public Parameters parameters() { return parameters; }

    @Override public long seed() { return seed; }

    @Override public RandomGenerator random() { return random; }

    @Override public RandomGenerator random(String stream) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + stream.hashCode());
    }

    @Override public ComputeService compute() {
        throw new UnsupportedOperationException("this test context has no compute service");
    }

    @Override public synchronized void progress(double fraction, String message) {
        if (!(fraction >= 0 && fraction <= 1)) throw new IllegalArgumentException("progress " + fraction + " outside [0, 1]");
        lastProgress = new Progress(fraction, message);
    }

    @Override public synchronized void metric(String key, long step, double value) {
        if (!Double.isFinite(value)) throw new NonFiniteMetricException(key, step, value);
        metrics.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }

    @Override public synchronized void artifact(Artifact artifact) {
        artifacts.put(artifact.name(), artifact);
    }

    @Override public Artifact loadArtifact(String runId, String name) {
        throw new IllegalArgumentException("no run '" + runId + "' in this test context");
    }

    @Override public RunLog log() {
        return new RunLog() {
            @Override public void info(String format, Object... args) { add("INFO ", format, args); }

            @Override public void warn(String format, Object... args) { add("WARN ", format, args); }

            @Override public void error(String format, Object... args) { add("ERROR ", format, args); }
        };
    }

    private synchronized void add(String level, String format, Object... args) {
        logLines.add(level + String.format(format, args));
    }

    @Override public boolean isCancelled() { return cancelReason != null; }

    @Override public void checkCancelled() {
        String reason = cancelReason;
        if (reason != null) throw new RunCancelledException(reason);
    }
}
