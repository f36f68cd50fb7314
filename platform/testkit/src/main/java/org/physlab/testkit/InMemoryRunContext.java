package org.physlab.testkit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.physlab.api.Artifact;
import org.physlab.api.BackendInfo;
import org.physlab.api.ComputeService;
import org.physlab.api.Experiment;
import org.physlab.api.InvalidParametersException;
import org.physlab.api.NonFiniteMetricException;
import org.physlab.api.Parameters;
import org.physlab.api.RunCancelledException;
import org.physlab.api.RunContext;
import org.physlab.api.RunLog;
import org.physlab.api.Summary;

/**
 * A real run context that keeps everything in memory: for plugin unit tests and for plugin authors
 * who want to run an experiment without the platform.
 *
 * <p>It validates the raw parameters against the experiment's schema exactly as a launch does
 * (throwing {@link InvalidParametersException} with every field error), records progress, metric
 * series, artifacts and log lines, rejects non-finite metrics with {@link NonFiniteMetricException},
 * and can be cancelled. Every method is thread-safe.
 *
 * <pre>{@code
 * InMemoryRunContext run = InMemoryRunContext.builder(new PendulumTraining())
 *         .set("batches", 20)
 *         .seed(7)
 *         .build();                      // throws InvalidParametersException on bad input
 * Summary summary = run.execute();      // runs the experiment against this context
 * double[] loss = run.metrics("loss");
 * Artifact.LineChart chart = run.artifact("loss", Artifact.LineChart.class);
 *
 * InMemoryRunContext predict = InMemoryRunContext.builder(new PendulumPredict())
 *         .earlierRun(run)               // its artifacts become readable through loadArtifact(run.runId(), …)
 *         .set("modelRun", run.runId())
 *         .build();
 * }</pre>
 *
 * <p>Random numbers: {@link #random()} is one {@link SplittableRandom} seeded with the run's seed;
 * {@link #random(String)} returns, on every call, a fresh generator at the start of the stream named
 * by the string (derived from the seed and the name's UTF-8 bytes), so equal names give equal
 * streams and different names give independent ones.
 */
public final class InMemoryRunContext implements RunContext {

    private static final AtomicLong RUN_NUMBERS = new AtomicLong();

    /** The last progress report of a run. */
    public record Progress(double fraction, String message) { }

    /** One point of a metric series. */
    public record MetricPoint(long step, double value) { }

    private final Experiment experiment;
    private final String runId;
    private final Parameters parameters;
    private final long seed;
    private final RandomGenerator random;
    private final ComputeService compute;
    private final Map<String, Map<String, Artifact>> earlierRuns;

    private final Map<String, List<MetricPoint>> metrics = new LinkedHashMap<>();
    private final Map<String, Artifact> artifacts = new LinkedHashMap<>();
    private final List<String> logLines = new ArrayList<>();
    private final RunLog log = new MemoryLog();
    private Progress lastProgress;
    private volatile String cancelReason;

    private InMemoryRunContext(Builder b) {
        this.experiment = b.experiment;
        this.parameters = b.experiment.descriptor().parameters().validate(b.values);
        this.runId = b.runId != null ? b.runId : "mem-" + RUN_NUMBERS.incrementAndGet();
        this.seed = b.seed;
        this.random = new SplittableRandom(b.seed);
        this.compute = b.compute != null ? b.compute : new LocalCompute();
        Map<String, Map<String, Artifact>> runs = new LinkedHashMap<>();
        b.earlierRuns.forEach((id, arts) -> runs.put(id, Map.copyOf(arts)));
        this.earlierRuns = Collections.unmodifiableMap(runs);
    }

    /** Starts a context for one run of {@code experiment}. */
    public static Builder builder(Experiment experiment) {
        return new Builder(experiment);
    }

    /**
     * A context for {@code experiment} with the given raw parameter values (text as typed, or
     * JSON-like values) and seed.
     *
     * @throws InvalidParametersException listing every problem with the values
     */
    public static InMemoryRunContext of(Experiment experiment, Map<String, ?> rawParameters, long seed) {
        return builder(experiment).setAll(rawParameters).seed(seed).build();
    }

    /**
     * Runs the experiment against this context, as the platform would on a worker thread.
     *
     * @return the summary the experiment returned (already checked to be finite by {@link Summary})
     */
    public Summary execute() throws Exception {
        Summary summary = experiment.run(this);
        return Objects.requireNonNull(summary, "experiment " + experiment.descriptor().id() + " returned no summary");
    }

    // ---- RunContext -----------------------------------------------------------------------

    @Override
    public String runId() {
        return runId;
    }

    @Override
    public Parameters parameters() {
        return parameters;
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public RandomGenerator random() {
        return random;
    }

    @Override
    public RandomGenerator random(String stream) {
        Objects.requireNonNull(stream, "stream");
        return new SplittableRandom(streamSeed(seed, stream));
    }

    @Override
    public ComputeService compute() {
        return compute;
    }

    @Override
    public synchronized void progress(double fraction, String message) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("progress fraction must lie in [0, 1], got " + fraction);
        }
        lastProgress = new Progress(fraction, message == null ? "" : message);
    }

    @Override
    public void metric(String key, long step, double value) {
        Objects.requireNonNull(key, "key");
        if (!Double.isFinite(value)) throw new NonFiniteMetricException(key, step, value);
        synchronized (this) {
            metrics.computeIfAbsent(key, k -> new ArrayList<>()).add(new MetricPoint(step, value));
        }
    }

    @Override
    public synchronized void artifact(Artifact artifact) {
        Objects.requireNonNull(artifact, "artifact");
        artifacts.put(artifact.name(), artifact);
    }

    @Override
    public Artifact loadArtifact(String runId, String name) {
        Map<String, Artifact> run = earlierRuns.get(runId);
        if (run == null) {
            throw new IllegalArgumentException("no run '" + runId + "' (known runs: " + earlierRuns.keySet() + ")");
        }
        Artifact a = run.get(name);
        if (a == null) {
            throw new IllegalArgumentException("run '" + runId + "' has no artifact '" + name + "' (it has: "
                    + run.keySet() + ")");
        }
        return a;
    }

    @Override
    public RunLog log() {
        return log;
    }

    @Override
    public boolean isCancelled() {
        return cancelReason != null;
    }

    @Override
    public void checkCancelled() {
        String reason = cancelReason;
        if (reason != null) throw new RunCancelledException(reason);
    }

    // ---- control and inspection for tests -------------------------------------------------

    /** Asks the run to stop, as the platform does when a user cancels it. */
    public void cancel(String reason) {
        cancelReason = reason == null || reason.isBlank() ? "cancelled" : reason;
    }

    /** The values of one metric series in the order they were reported; empty if none. */
    public synchronized double[] metrics(String key) {
        List<MetricPoint> points = metrics.getOrDefault(key, List.of());
        double[] out = new double[points.size()];
        for (int i = 0; i < out.length; i++) out[i] = points.get(i).value();
        return out;
    }

    /** The steps of one metric series, parallel to {@link #metrics(String)}. */
    public synchronized long[] metricSteps(String key) {
        List<MetricPoint> points = metrics.getOrDefault(key, List.of());
        long[] out = new long[points.size()];
        for (int i = 0; i < out.length; i++) out[i] = points.get(i).step();
        return out;
    }

    /** The names of every metric series reported so far. */
    public synchronized Set<String> metricKeys() {
        return Set.copyOf(metrics.keySet());
    }

    /**
     * The artifact stored under {@code name}.
     *
     * @throws IllegalArgumentException naming the artifacts there are, if there is none of that name
     */
    public synchronized Artifact artifact(String name) {
        Artifact a = artifacts.get(name);
        if (a == null) throw new IllegalArgumentException("no artifact '" + name + "' (run has: " + artifacts.keySet() + ")");
        return a;
    }

    /** The artifact stored under {@code name}, which must be of the given kind. */
    public <A extends Artifact> A artifact(String name, Class<A> kind) {
        Artifact a = artifact(name);
        if (!kind.isInstance(a)) {
            throw new IllegalArgumentException("artifact '" + name + "' is a " + a.getClass().getSimpleName()
                    + ", not a " + kind.getSimpleName());
        }
        return kind.cast(a);
    }

    /** Every artifact by name, in the order first stored. */
    public synchronized Map<String, Artifact> artifacts() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(artifacts));
    }

    /** Log lines as {@code "INFO message"}, {@code "WARN message"} or {@code "ERROR message"}. */
    public synchronized List<String> logLines() {
        return List.copyOf(logLines);
    }

    /** The latest progress report, or {@code null} before the first. */
    public synchronized Progress lastProgress() {
        return lastProgress;
    }

    // ---- helpers ---------------------------------------------------------------------------

    /** SplitMix64 finaliser over the seed and an FNV-1a hash of the stream name. */
    static long streamSeed(long seed, String stream) {
        long h = 0xcbf29ce484222325L;
        for (byte b : stream.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return mix(seed ^ mix(h));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private final class MemoryLog implements RunLog {
        @Override
        public void info(String format, Object... args) {
            add("INFO", format, args);
        }

        @Override
        public void warn(String format, Object... args) {
            add("WARN", format, args);
        }

        @Override
        public void error(String format, Object... args) {
            add("ERROR", format, args);
        }

        private void add(String level, String format, Object... args) {
            String line = level + " " + (args == null || args.length == 0 ? format : String.format(Locale.ROOT, format, args));
            synchronized (InMemoryRunContext.this) {
                logLines.add(line);
            }
        }
    }

    /** The CPU of this machine, without ND4J: {@code javaThreads} = available processors. */
    private static final class LocalCompute implements ComputeService {
        private final BackendInfo info;

        LocalCompute() {
            int cores = Runtime.getRuntime().availableProcessors();
            int omp = cores;
            String env = System.getenv("OMP_NUM_THREADS");
            if (env != null) {
                try {
                    omp = Math.max(1, Integer.parseInt(env.trim()));
                } catch (NumberFormatException ignored) {
                    // keep the core count
                }
            }
            info = new BackendInfo("CPU", false, List.of(System.getProperty("os.arch") + " (" + cores + " cores)"),
                    "unknown (in-memory test context)", omp, "unknown", "n/a");
        }

        @Override
        public BackendInfo backend() {
            return info;
        }

        @Override
        public int javaThreads() {
            return Math.max(1, Runtime.getRuntime().availableProcessors());
        }
    }

    /** Collects what the context is built from. */
    public static final class Builder {
        private final Experiment experiment;
        private final Map<String, Object> values = new LinkedHashMap<>();
        private final Map<String, Map<String, Artifact>> earlierRuns = new LinkedHashMap<>();
        private long seed = 42L;
        private String runId;
        private ComputeService compute;

        private Builder(Experiment experiment) {
            this.experiment = Objects.requireNonNull(experiment, "experiment");
        }

        /** One raw parameter value: text as typed ({@code "0.5"}, {@code "100,100"}) or a Java value. */
        public Builder set(String name, Object value) {
            values.put(Objects.requireNonNull(name, "name"), value);
            return this;
        }

        /** Several raw parameter values. */
        public Builder setAll(Map<String, ?> raw) {
            if (raw != null) raw.forEach(this::set);
            return this;
        }

        /** The run's seed (default 42). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The run's id (default {@code mem-N}). */
        public Builder runId(String runId) {
            this.runId = Objects.requireNonNull(runId, "runId");
            return this;
        }

        /** A compute service other than the plain local CPU, e.g. the real ND4J one. */
        public Builder compute(ComputeService compute) {
            this.compute = Objects.requireNonNull(compute, "compute");
            return this;
        }

        /** Makes an earlier run's artifacts readable through {@link RunContext#loadArtifact}. */
        public Builder earlierRun(InMemoryRunContext run) {
            earlierRuns.put(run.runId(), new LinkedHashMap<>(run.artifacts()));
            return this;
        }

        /** Makes one artifact of a (possibly imaginary) earlier run readable through {@link RunContext#loadArtifact}. */
        public Builder earlierArtifact(String runId, Artifact artifact) {
            earlierRuns.computeIfAbsent(runId, k -> new LinkedHashMap<>()).put(artifact.name(), artifact);
            return this;
        }

        /**
         * Validates the parameters against the experiment's schema.
         *
         * @throws InvalidParametersException with every field error, as a launch would
         */
        public InMemoryRunContext build() {
            return new InMemoryRunContext(this);
        }
    }
}
