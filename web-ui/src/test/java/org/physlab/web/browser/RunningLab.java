package org.physlab.web.browser;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.physlab.runtime.Physlab;
import org.physlab.runtime.PhyslabConfig;
import org.physlab.runtime.ProcessKind;
import org.physlab.runtime.runs.LaunchRequest;
import org.physlab.server.PhyslabServer;
import org.physlab.store.RunRecord;
import org.physlab.testkit.TestBundles;
import org.physlab.testkit.experiments.count.CountExperiment;
import org.physlab.testkit.experiments.fail.FailExperiment;
import org.physlab.testkit.experiments.sleep.SleepExperiment;

/**
 * A real Physlab for the browser tests: a temporary home with its embedded H2 database, a plugins
 * folder holding the test kit's plugin {@value #PLUGIN} ({@code testkit.count}, {@code testkit.sleep},
 * {@code testkit.fail}) built by {@link TestBundles}, and a {@link PhyslabServer} on 127.0.0.1 and a
 * free port, on which the web UI mounts itself (it is found with {@link java.util.ServiceLoader}, as in
 * the distribution). One is shared by every browser test in the JVM (see {@link BrowserExtension}).
 */
public final class RunningLab implements AutoCloseable {
    /** The symbolic name of the test plugin every browser test can use. */
    public static final String PLUGIN = "testkit.demo";
    /** How long the tests wait for a run to end: generous, on a busy two-core machine. */
    public static final Duration PATIENCE = Duration.ofSeconds(120);

    private final Path home;
    private final Physlab lab;
    private final PhyslabServer server;

    private RunningLab(Path home, Physlab lab, PhyslabServer server) {
        this.home = home;
        this.lab = lab;
        this.server = server;
    }

    /** Starts a lab and its server in a fresh temporary home. */
    static RunningLab start() throws IOException {
        return start(Map.of());
    }

    /** Starts a lab with more settings (e.g. {@code physlab.auth.enabled=true}) in a fresh temporary home. */
    static RunningLab start(Map<String, String> settings) throws IOException {
        Path home = Files.createTempDirectory("physlab-browser-home-");
        TestBundles.plugin(home.resolve("plugins"), PLUGIN, "1.0.0",
                CountExperiment.class, SleepExperiment.class, FailExperiment.class);
        Map<String, String> all = new java.util.HashMap<>(settings);
        all.putIfAbsent("physlab.runs.maxConcurrent", "4");
        Physlab lab = Physlab.start(PhyslabConfig.load(home, all), ProcessKind.SERVER);
        PhyslabServer server = new PhyslabServer(lab, "127.0.0.1", 0);
        try {
            server.start();
        } catch (IOException | RuntimeException e) {
            lab.close();
            throw e;
        }
        return new RunningLab(home, lab, server);
    }

    public Physlab lab() {
        return lab;
    }

    /** The web UI's root, e.g. {@code http://127.0.0.1:41234/}. */
    public URI uri() {
        return server.uri();
    }

    /** The folder the lab watches for plugin jars (where an uploaded jar lands). */
    public Path pluginsFolder() {
        return lab.config().homePluginDir();
    }

    /** Queues a run directly (not through the browser), e.g. to have runs to compare. */
    public RunRecord launch(String experimentId, Map<String, ?> parameters, long seed, String... tags) {
        return lab.runs().submit(new LaunchRequest(experimentId, parameters, seed, List.of(tags), "", "browser-test", null));
    }

    /** Waits (generously) until the run has ended, and returns its record. */
    public RunRecord awaitEnd(String runId) throws InterruptedException {
        RunRecord run = lab.runs().await(runId, PATIENCE);
        if (!run.status().terminal()) throw new AssertionError("run " + runId + " did not end within " + PATIENCE + ": " + run);
        return run;
    }

    /** The stored record of a run. */
    public RunRecord run(String runId) {
        return lab.store().find(runId).orElseThrow(() -> new AssertionError("no run " + runId + " is stored"));
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            lab.close();
            deleteQuietly(home);
        }
    }

    static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) return;
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // a leftover temporary folder is harmless
        }
    }
}
