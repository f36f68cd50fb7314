package ${package};

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/**
 * A {@link RunContext} for unit tests: validates the raw parameters against the experiment's schema
 * (as Physlab does before a run) and keeps every metric, artifact, progress report and log line in
 * memory so a test can look at them.
 */
final class RecordingRunContext implements RunContext {
    private final Parameters parameters;
    private final long seed;
    private final RandomGenerator random;
    private final Map<String, List<Double>> metrics = new LinkedHashMap<>();
    private final Map<String, Artifact> artifacts = new LinkedHashMap<>();
    private final List<String> logLines = new ArrayList<>();
    private volatile double lastProgress = Double.NaN;
    private volatile boolean cancelled;

    private RecordingRunContext(Parameters parameters, long seed) {
        this.parameters = parameters;
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    /** A context whose parameters are {@code raw} validated against the experiment's schema (seed 42). */
    static RecordingRunContext of(Experiment experiment, Map<String, ?> raw) {
        return new RecordingRunContext(experiment.descriptor().parameters().validate(raw), 42L);
    }

    /** Asks the run to stop, as the Cancel button does. */
    void cancel() {
        cancelled = true;
    }

    /** The values logged for {@code key}, in step order (empty if none). */
    synchronized List<Double> metric(String key) {
        return List.copyOf(metrics.getOrDefault(key, List.of()));
    }

    synchronized Artifact artifact(String name) {
        return artifacts.get(name);
    }

    synchronized List<String> logLines() {
        return List.copyOf(logLines);
    }

    double lastProgress() {
        return lastProgress;
    }

    @Override public String runId() { return "test-run"; }

    @Override public Parameters parameters() { return parameters; }

    @Override public long seed() { return seed; }

    @Override public RandomGenerator random() { return random; }

    @Override public RandomGenerator random(String stream) {
        return new SplittableRandom(seed * 31 + stream.hashCode());
    }

    @Override public ComputeService compute() {
        throw new UnsupportedOperationException("unit tests have no compute service; test ND4J code inside Physlab");
    }

    @Override public void progress(double fraction, String message) {
        if (fraction < 0 || fraction > 1) throw new IllegalArgumentException("progress " + fraction + " outside [0, 1]");
        lastProgress = fraction;
    }

    @Override public synchronized void metric(String key, long step, double value) {
        if (!Double.isFinite(value)) throw new NonFiniteMetricException(key, step, value);
        metrics.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }

    @Override public synchronized void artifact(Artifact artifact) {
        artifacts.put(artifact.name(), artifact);
    }

    @Override public Artifact loadArtifact(String runId, String name) {
        throw new IllegalArgumentException("no run '" + runId + "' in a unit test");
    }

    @Override public RunLog log() {
        return new RunLog() {
            @Override public void info(String format, Object... args) { add("INFO  ", format, args); }

            @Override public void warn(String format, Object... args) { add("WARN  ", format, args); }

            @Override public void error(String format, Object... args) { add("ERROR ", format, args); }
        };
    }

    private synchronized void add(String level, String format, Object... args) {
        logLines.add(level + String.format(format, args));
    }

    @Override public boolean isCancelled() { return cancelled; }

    @Override public void checkCancelled() {
        if (cancelled) throw new RunCancelledException("cancelled by the test");
    }
}
