package org.physlab.runtime.runs;

import java.util.Arrays;
import java.util.IllegalFormatException;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.physlab.api.Artifact;
import org.physlab.api.ComputeService;
import org.physlab.api.NonFiniteMetricException;
import org.physlab.api.Parameters;
import org.physlab.api.RunCancelledException;
import org.physlab.api.RunContext;
import org.physlab.api.RunLog;
import org.physlab.store.ArtifactInfo;
import org.physlab.store.RunRecord;
import org.physlab.store.RunStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link RunContext} of one executing run.
 *
 * <ul>
 * <li>{@link #random()} is {@link RunRandom#main}: a {@link java.util.SplittableRandom} (SplitMix64)
 *     seeded with the run's seed, created once per run; {@link #random(String)} returns a new
 *     generator at the start of the named stream ({@link RunRandom#stream}) on every call.</li>
 * <li>Metrics, log lines and progress go to the run's {@link RunTelemetry} buffers (written in batches
 *     by the flusher); listeners hear every progress and metric call at once, on the calling thread.</li>
 * <li>Artifacts are stored at once, through {@link ShieldedStoreCalls} so that a cancel never
 *     interrupts a database write.</li>
 * </ul>
 */
final class LiveRunContext implements RunContext {
    private static final Logger LOG = LoggerFactory.getLogger(LiveRunContext.class);
    private static final int MAX_METRIC_KEY = 200;

    private final RunRecord run;
    private final Parameters parameters;
    private final ComputeService compute;
    private final RunTelemetry telemetry;
    private final RunListeners listeners;
    private final RunStore store;
    private final ShieldedStoreCalls storeCalls;
    private final Supplier<StopRequest> stop;
    private final RandomGenerator random;
    private final RunLog log = new ContextLog();
    private volatile NonFiniteMetricException nonFinite;

    LiveRunContext(RunRecord run, Parameters parameters, ComputeService compute, RunTelemetry telemetry,
                   RunListeners listeners, RunStore store, ShieldedStoreCalls storeCalls, Supplier<StopRequest> stop) {
        this.run = run;
        this.parameters = parameters;
        this.compute = compute;
        this.telemetry = telemetry;
        this.listeners = listeners;
        this.store = store;
        this.storeCalls = storeCalls;
        this.stop = stop;
        this.random = RunRandom.main(run.seed());
    }

    @Override
    public String runId() {
        return run.id();
    }

    @Override
    public Parameters parameters() {
        return parameters;
    }

    @Override
    public long seed() {
        return run.seed();
    }

    @Override
    public RandomGenerator random() {
        return random;
    }

    @Override
    public RandomGenerator random(String stream) {
        return RunRandom.stream(run.seed(), stream);
    }

    @Override
    public ComputeService compute() {
        return compute;
    }

    /**
     * @throws IllegalArgumentException if {@code fraction} is NaN; values outside [0, 1] are clamped
     */
    @Override
    public void progress(double fraction, String message) {
        if (Double.isNaN(fraction)) throw new IllegalArgumentException("progress fraction must be in [0, 1], got NaN");
        double f = Math.max(0, Math.min(1, fraction));
        String m = message == null ? "" : message;
        telemetry.progress(f, m);
        listeners.progress(run.id(), f, m);
    }

    @Override
    public void metric(String key, long step, double value) {
        if (key == null || key.isBlank() || key.length() > MAX_METRIC_KEY) {
            throw new IllegalArgumentException("a metric key must be 1-" + MAX_METRIC_KEY + " characters, got "
                    + (key == null ? "null" : "'" + key + "'"));
        }
        if (!Double.isFinite(value)) {
            NonFiniteMetricException e = new NonFiniteMetricException(key, step, value);
            if (nonFinite == null) nonFinite = e;
            throw e;
        }
        telemetry.metric(key, step, value);
        listeners.metric(run.id(), key, step, value);
    }

    @Override
    public void artifact(Artifact artifact) {
        ArtifactCodec.Encoded encoded = ArtifactCodec.encode(run.id(), artifact);
        storeCalls.run(() -> store.putArtifact(encoded.info(), encoded.data()));
    }

    @Override
    public Artifact loadArtifact(String runId, String name) {
        if (runId == null || runId.isBlank()) throw new IllegalArgumentException("which run? the run id is empty");
        if (name == null || name.isBlank()) throw new IllegalArgumentException("which artifact? the name is empty");
        RunRecord source = storeCalls.call(() -> store.find(runId))
                .orElseThrow(() -> new IllegalArgumentException("no run '" + runId + "'"));
        ArtifactInfo info = storeCalls.call(() -> store.artifacts(source.id())).stream()
                .filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("run " + source.id() + " has no artifact '" + name + "'"));
        byte[] data = storeCalls.call(() -> store.artifactData(source.id(), name))
                .orElseThrow(() -> new IllegalArgumentException("run " + source.id() + " has no data for artifact '" + name + "'"));
        return ArtifactCodec.decode(info, data);
    }

    @Override
    public RunLog log() {
        return log;
    }

    @Override
    public boolean isCancelled() {
        return stop.get() != null;
    }

    @Override
    public void checkCancelled() {
        StopRequest s = stop.get();
        if (s != null) throw new RunCancelledException(s.reason());
    }

    /** The first NaN or infinite metric the run reported, or null. */
    NonFiniteMetricException nonFiniteMetric() {
        return nonFinite;
    }

    /** Formats like {@link String#format} (root locale); text with no arguments is kept as it is. */
    static String format(String format, Object... args) {
        String f = String.valueOf(format);
        if (args == null || args.length == 0) return f;
        try {
            return String.format(Locale.ROOT, f, args);
        } catch (IllegalFormatException e) {
            return f + " " + Arrays.deepToString(args);
        }
    }

    private final class ContextLog implements RunLog {
        @Override
        public void info(String format, Object... args) {
            write("INFO", format, args);
        }

        @Override
        public void warn(String format, Object... args) {
            write("WARN", format, args);
        }

        @Override
        public void error(String format, Object... args) {
            write("ERROR", format, args);
        }

        private void write(String level, String format, Object... args) {
            String line = format(format, args);
            telemetry.log(level, line);
            if (LOG.isDebugEnabled()) LOG.debug("[run {}] {} {}", run.id(), level, line);
        }
    }
}
