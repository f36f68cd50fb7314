package org.physlab.runtime;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.physlab.api.ComputeService;
import org.physlab.compute.Nd4jComputeService;
import org.physlab.runtime.plugins.CatalogEntry;
import org.physlab.runtime.plugins.CatalogListener;
import org.physlab.runtime.plugins.PluginHost;
import org.physlab.runtime.runs.RunScheduler;
import org.physlab.runtime.runs.RunService;
import org.physlab.store.RunStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Physlab: compute service, run store, plugin host and run service, started in that order
 * (ND4J first, on the calling thread, before Felix). One per process; the CLI's {@code run} and
 * {@code serve} both start one.
 *
 * <pre>{@code
 * try (Physlab lab = Physlab.start(PhyslabConfig.load(home, Map.of()))) {
 *     RunRecord run = lab.runs().submit(LaunchRequest.of("oscillator.response", Map.of("force", "2"), 7L));
 *     lab.runs().await(run.id(), Duration.ofMinutes(5));
 * }
 * }</pre>
 *
 * <p>The run queue of a server outlives it: runs queued by {@code physlab serve} stay QUEUED when the
 * server stops or dies, and the next server to start resumes them in the same order
 * ({@link RunScheduler#resumeQueue}); a command-line process's queued runs end with it.
 *
 * <p>Crash recovery: every process holds a lease in the store (renewed every
 * {@code heartbeatInterval}). At start, and every {@code staleAfter / 2} while it lives, a process marks
 * INTERRUPTED the runs of processes that are gone (a dead pid on this host, or a lease older than
 * {@code staleAfter}); runs of live processes are never touched. When a plugin is updated or removed,
 * its running runs are stopped and recorded INTERRUPTED with the reason (waiting up to
 * {@value #STOP_WAIT_SECONDS} s for them). {@link #close()} also runs from a JVM shutdown hook.
 */
public final class Physlab implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Physlab.class);
    /** How long a plugin update or a shutdown waits for the runs it stops. */
    static final int STOP_WAIT_SECONDS = 10;
    private static final String SHUTDOWN_REASON = "platform shut down";

    private final PhyslabConfig config;
    private final Nd4jComputeService compute;
    private final RunStore store;
    private final ProcessLease lease;
    private final PluginHost plugins;
    private final RunScheduler runs;
    private final CatalogListener pluginWatcher;
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Physlab(PhyslabConfig config, Nd4jComputeService compute, RunStore store, ProcessLease lease,
                    PluginHost plugins, RunScheduler runs, CatalogListener pluginWatcher) {
        this.config = config;
        this.compute = compute;
        this.store = store;
        this.lease = lease;
        this.plugins = plugins;
        this.runs = runs;
        this.pluginWatcher = pluginWatcher;
        this.shutdownHook = new Thread(this::close, "physlab-shutdown");
    }

    /**
     * Starts everything as a command-line process ({@link ProcessKind#CLI}): ND4J on this thread, opens
     * (and migrates) the store, registers this process and its heartbeat, marks INTERRUPTED the runs of
     * dead processes, starts Felix with the plugins, and the scheduler.
     */
    public static Physlab start(PhyslabConfig config) {
        return start(config, ProcessKind.CLI);
    }

    /**
     * Starts everything, recording this process as {@code kind} ("server" for {@code physlab serve}). A
     * server also resumes the queued runs that a previous server left.
     *
     * @throws IllegalStateException if ND4J cannot load; a {@link org.physlab.store.StoreException} if the
     *         database cannot be opened. Whatever had started is stopped again.
     */
    public static Physlab start(PhyslabConfig config, ProcessKind kind) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(kind, "kind");
        Nd4jComputeService compute = Nd4jComputeService.initialize(config.maxConcurrentRuns());
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            RunStore store = RunStore.open(config.store());
            opened.add(store);
            String host = localHostName();
            ProcessLease lease = ProcessLease.register(store, host, ProcessHandle.current().pid(), kind, config.staleAfter());
            opened.add(0, lease);
            lease.interruptOrphans();
            lease.start(config.heartbeatInterval());

            removeCachesOfDeadProcesses(config.felixCacheDir().getParent());
            PluginHost plugins = new PluginHost(config.pluginDirs(), config.felixCacheDir(), config.pluginPollInterval());
            opened.add(0, plugins);
            RunScheduler runs = new RunScheduler(store, plugins, compute, new RunScheduler.Settings(lease::processId, host,
                    config.user(), config.maxConcurrentRuns(), config.gpuSlots(), config.defaultTimeLimit(),
                    Physlab.class.getClassLoader(), config.perUserCap(), kind == ProcessKind.SERVER));
            opened.add(0, runs);
            plugins.start();
            if (kind == ProcessKind.SERVER) runs.resumeQueue();
            CatalogListener watcher = new CatalogListener() {
                @Override
                public void experimentsRemoving(List<CatalogEntry> entries, String reason) {
                    runs.interruptRunsOf(entries, reason, Duration.ofSeconds(STOP_WAIT_SECONDS));
                }
            };
            plugins.addListener(watcher);
            if (kind == ProcessKind.SERVER) {
                // jars copied into or deleted from a plugin folder are admin actions too: into the audit log
                plugins.onFolderChange(change -> store.users().audit(
                        "plugins folder" + (change.owner() == null ? "" : " (file owner " + change.owner() + ")"),
                        change.action(), change.pluginId(), change.file() + (change.version() == null || change.version().isEmpty() ? "" : ", version " + change.version())
                                + ", " + change.outcome()));
            }

            Physlab lab = new Physlab(config, compute, store, lease, plugins, runs, watcher);
            Runtime.getRuntime().addShutdownHook(lab.shutdownHook);
            LOG.info("Physlab started in {} as {} process {} ({} run(s) at once, backend {})", config.home(),
                    kind.storeName(), lease.processId(), config.maxConcurrentRuns(), compute.backend().backend());
            return lab;
        } catch (RuntimeException | Error e) {
            for (AutoCloseable c : opened) {
                try {
                    c.close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    public PhyslabConfig config() {
        return config;
    }

    public ComputeService compute() {
        return compute;
    }

    public RunStore store() {
        return store;
    }

    /** The plugin host, which is also the experiment catalog. */
    public PluginHost plugins() {
        return plugins;
    }

    public RunService runs() {
        return runs;
    }

    /** This process's id in the store's process table (its lease). */
    public String processId() {
        return lease.processId();
    }

    /**
     * Stops accepting runs, stops the running ones (recorded INTERRUPTED: "platform shut down"), stops
     * Felix, releases the lease and closes the store. Idempotent; each step runs even if one before failed.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the JVM is exiting; the hook may run too and will find us closed
            }
        }
        step("stopping the runs", () -> runs.shutdown(SHUTDOWN_REASON, Duration.ofSeconds(STOP_WAIT_SECONDS)));
        step("detaching from the plugin host", () -> plugins.removeListener(pluginWatcher));
        step("stopping the plugins", plugins::close);
        step("releasing the process lease", lease::close);
        step("closing the store", store::close);
        LOG.info("Physlab stopped");
    }

    private static void step(String what, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException | Error e) {
            LOG.error("while {}: {}", what, e.toString(), e);
        }
    }

    /** The host name recorded with runs and processes; the store checks pids of processes on this host. */
    static String localHostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            if (name != null && !name.isBlank()) return name;
        } catch (IOException e) {
            LOG.debug("no host name from the resolver: {}", e.toString());
        }
        String env = System.getenv("HOSTNAME");
        return env != null && !env.isBlank() ? env : "localhost";
    }

    /**
     * Deletes the Felix caches ({@code felix-PID}) of processes that no longer run; each live process
     * keeps its own, so a CLI started beside a server never wipes the server's bundles.
     */
    static void removeCachesOfDeadProcesses(Path cacheRoot) {
        if (cacheRoot == null || !Files.isDirectory(cacheRoot)) return;
        try (Stream<Path> dirs = Files.list(cacheRoot)) {
            for (Path dir : dirs.toList()) {
                String name = dir.getFileName().toString();
                if (!name.startsWith(PhyslabConfig.FELIX_CACHE_PREFIX)) continue;
                long pid;
                try {
                    pid = Long.parseLong(name.substring(PhyslabConfig.FELIX_CACHE_PREFIX.length()));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (pid == ProcessHandle.current().pid()) continue;
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) continue;
                deleteTree(dir);
            }
        } catch (IOException e) {
            LOG.warn("could not clean the plugin caches in {}: {}", cacheRoot, e.toString());
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warn("could not delete the stale plugin cache {}: {}", dir, e.toString());
        }
    }
}
