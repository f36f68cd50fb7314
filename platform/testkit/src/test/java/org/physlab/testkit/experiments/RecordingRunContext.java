package org.physlab.testkit.experiments;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.physlab.api.Artifact;
import org.physlab.api.ComputeService;
import org.physlab.api.Experiment;
import org.physlab.api.NonFiniteMetricException;
import org.physlab.api.Parameters;
import org.physlab.api.RunCancelledException;
import org.physlab.api.RunContext;
import org.physlab.api.RunLog;

/** Just enough of a run context to run the test experiments here and see what they reported. */
final class RecordingRunContext implements RunContext {
    final List<String> metrics = Collections.synchronizedList(new ArrayList<>());
    final Map<String, Artifact> artifacts = Collections.synchronizedMap(new LinkedHashMap<>());
    final List<String> logLines = Collections.synchronizedList(new ArrayList<>());
    volatile double progress;
    volatile boolean cancelled;
    private final Parameters parameters;
    private final long seed;
    private final RandomGenerator random;

    RecordingRunContext(Experiment experiment, Map<String, ?> parameters, long seed) {
        this.parameters = experiment.descriptor().parameters().validate(parameters);
        this.seed = seed;
        this.random = new Random(seed);
    }

    @Override public String runId() { return "test-run"; }
    @Override public Parameters parameters() { return parameters; }
    @Override public long seed() { return seed; }
    @Override public RandomGenerator random() { return random; }
    @Override public RandomGenerator random(String stream) { return new Random(seed ^ stream.hashCode()); }
    @Override public ComputeService compute() { throw new UnsupportedOperationException("no compute service in this test"); }
    @Override public void progress(double fraction, String message) { progress = fraction; }

    @Override
    public void metric(String key, long step, double value) {
        if (!Double.isFinite(value)) throw new NonFiniteMetricException(key, step, value);
        metrics.add(key + "@" + step + "=" + value);
    }

    @Override public void artifact(Artifact artifact) { artifacts.put(artifact.name(), artifact); }
    @Override public Artifact loadArtifact(String runId, String name) { throw new IllegalArgumentException("no run " + runId); }

    @Override
    public RunLog log() {
        return new RunLog() {
            @Override public void info(String format, Object... args) { logLines.add("INFO " + String.format(format, args)); }
            @Override public void warn(String format, Object... args) { logLines.add("WARN " + String.format(format, args)); }
            @Override public void error(String format, Object... args) { logLines.add("ERROR " + String.format(format, args)); }
        };
    }

    @Override public boolean isCancelled() { return cancelled; }

    @Override
    public void checkCancelled() {
        if (cancelled) throw new RunCancelledException("cancelled by the test");
    }
}
