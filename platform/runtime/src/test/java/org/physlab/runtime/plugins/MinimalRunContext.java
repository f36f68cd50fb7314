package org.physlab.runtime.plugins;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.physlab.api.Artifact;
import org.physlab.api.ComputeService;
import org.physlab.api.NonFiniteMetricException;
import org.physlab.api.Parameters;
import org.physlab.api.RunCancelledException;
import org.physlab.api.RunContext;
import org.physlab.api.RunLog;

/** Just enough of a run context to run a plugin's experiment in these tests and see what it reported. */
final class MinimalRunContext implements RunContext {
    final List<String> metrics = Collections.synchronizedList(new ArrayList<>());
    final List<Artifact> artifacts = Collections.synchronizedList(new ArrayList<>());
    volatile boolean cancelled;
    private final Parameters parameters;
    private final RandomGenerator random = new SplittableRandom(1);

    MinimalRunContext(CatalogEntry entry, Map<String, ?> parameters) {
        this.parameters = entry.descriptor().parameters().validate(parameters);
    }

    @Override public String runId() { return "plugin-host-test"; }
    @Override public Parameters parameters() { return parameters; }
    @Override public long seed() { return 1; }
    @Override public RandomGenerator random() { return random; }
    @Override public RandomGenerator random(String stream) { return new SplittableRandom(stream.hashCode()); }
    @Override public ComputeService compute() { throw new UnsupportedOperationException("not in this test"); }
    @Override public void progress(double fraction, String message) { }

    @Override
    public void metric(String key, long step, double value) {
        if (!Double.isFinite(value)) throw new NonFiniteMetricException(key, step, value);
        metrics.add(key + "@" + step + "=" + value);
    }

    @Override public void artifact(Artifact artifact) { artifacts.add(artifact); }
    @Override public Artifact loadArtifact(String runId, String name) { throw new IllegalArgumentException("no run " + runId); }

    @Override
    public RunLog log() {
        return new RunLog() {
            @Override public void info(String format, Object... args) { }
            @Override public void warn(String format, Object... args) { }
            @Override public void error(String format, Object... args) { }
        };
    }

    @Override public boolean isCancelled() { return cancelled; }

    @Override
    public void checkCancelled() {
        if (cancelled) throw new RunCancelledException("cancelled");
    }
}
