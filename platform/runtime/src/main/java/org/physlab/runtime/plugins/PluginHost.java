package org.physlab.runtime.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.felix.framework.Felix;
import org.apache.felix.framework.util.FelixConstants;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.util.tracker.BundleTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embeds Apache Felix, watches the plugin folders and keeps the {@link ExperimentCatalog} current:
 * a jar dropped in is installed and started, a replaced jar updated, a deleted jar uninstalled.
 * A broken jar is reported in {@link #plugins()} (state FAILED, with the reason) and never stops the host.
 *
 * <pre>{@code
 * Nd4jComputeService.initialize(runs);        // ND4J first, on this thread, before Felix starts
 * try (PluginHost host = new PluginHost(List.of(home.resolve("plugins")), home.resolve("cache/felix"),
 *         Duration.ofSeconds(1))) {
 *     host.start();
 *     host.find("oscillator.response").ifPresent(entry -> ...);
 * }
 * }</pre>
 *
 * <h2>What plugins see</h2>
 * The system bundle exports the plugin API ({@code org.physlab.api} at the version its manifest
 * exports) and every {@code org.nd4j}, {@code org.deeplearning4j}, {@code org.bytedeco} and
 * {@code org.slf4j} package on the host's class path, so every plugin shares the host's one ND4J.
 * A plugin lists its experiments in {@code META-INF/services/org.physlab.api.Experiment}; when the
 * bundle becomes ACTIVE the host instantiates each and adds its descriptor to the catalog.
 *
 * <h2>Hot deployment</h2>
 * The folders are polled every {@code pollInterval}; a jar is acted on once its size, modification
 * time and file key are the same in two polls in a row (so half-copied jars are left alone), and a
 * jar is taken as deleted once two polls in a row miss it. Before a plugin is stopped (update,
 * removal, shutdown) every {@link CatalogListener} hears {@code experimentsRemoving} synchronously,
 * while the plugin's classes still work. After uninstalls the host refreshes what Felix reports as
 * removal-pending, so old class loaders can be collected; it keeps bundle ids, never bundle objects.
 *
 * <h2>Failures</h2>
 * A jar that is not a bundle, cannot resolve (the missing packages are named), whose activator
 * throws, whose experiment classes are broken, or whose experiment ids another plugin already offers,
 * is FAILED with a message saying so; every other plugin keeps working. Replacing a failed jar with
 * a good one installs it.
 *
 * <p>Thread-safe: lifecycle changes (watcher, {@link #rescan}, {@link #deploy}, {@link #remove},
 * {@link #close}) run one at a time; the catalog and {@link #plugins()} can be read at any time.
 */
public final class PluginHost implements ExperimentCatalog, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,200}\\.jar");
    private static final long REFRESH_TIMEOUT_SECONDS = 60;
    private static final long STOP_TIMEOUT_MILLIS = 60_000;

    private final List<Path> pluginDirs;
    private final Path cacheDir;
    private final Duration pollInterval;
    private final ExperimentRegistry registry = new ExperimentRegistry();
    private volatile java.util.function.Consumer<FolderChange> folderListener = change -> { };
    /** Held while bundles are installed, updated, started, stopped or uninstalled. */
    private final Object lifecycle = new Object();
    /** One per jar file; replaced, never mutated. */
    private final Map<Path, PluginRecord> records = new ConcurrentHashMap<>();
    /** Why a bundle is being stopped, for the listeners. */
    private final Map<Long, String> stopReasons = new ConcurrentHashMap<>();

    private Map<Path, PluginFolders.Snapshot> previousPoll = Map.of();
    private volatile Framework framework;
    private BundleTracker<List<CatalogEntry>> tracker;
    private ExperimentExtender extender;
    private ScheduledExecutorService watcher;
    private volatile boolean started;
    private volatile boolean closed;
    private volatile boolean shuttingDown;

    /**
     * @param pluginDirs   folders to watch (created if missing)
     * @param cacheDir     Felix's bundle cache (wiped at start)
     * @param pollInterval how often the folders are scanned
     */
    public PluginHost(List<Path> pluginDirs, Path cacheDir, Duration pollInterval) {
        Objects.requireNonNull(pluginDirs, "pluginDirs");
        if (pluginDirs.isEmpty()) throw new IllegalArgumentException("at least one plugin folder is needed");
        this.pluginDirs = pluginDirs.stream().map(p -> p.toAbsolutePath().normalize()).distinct().toList();
        this.cacheDir = Objects.requireNonNull(cacheDir, "cacheDir").toAbsolutePath().normalize();
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("pollInterval must be positive, got " + pollInterval);
        }
        for (Path dir : this.pluginDirs) {
            if (dir.startsWith(this.cacheDir) || this.cacheDir.startsWith(dir)) {
                throw new IllegalArgumentException("the Felix cache " + this.cacheDir + " (wiped at every start) must not contain "
                        + "or lie inside the plugin folder " + dir);
            }
        }
    }

    /**
     * Starts Felix, installs the jars already in the folders, and starts watching. ND4J must have been
     * initialised before (see {@code Nd4jComputeService.initialize}).
     *
     * @throws IllegalStateException if the host was started or closed before, or Felix cannot start
     */
    public void start() {
        synchronized (lifecycle) {
            if (closed) throw new IllegalStateException("the plugin host was closed");
            if (started) throw new IllegalStateException("the plugin host is already started");
            try {
                for (Path dir : pluginDirs) Files.createDirectories(dir);
                wipeCache();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot prepare the plugin folders or the Felix cache: " + e.getMessage(), e);
            }
            String extra = SystemPackages.extraForThisJvm();
            LOG.debug("system bundle exports {}", SystemPackages.describe(extra));
            Map<String, Object> config = new HashMap<>();
            config.put(Constants.FRAMEWORK_STORAGE, cacheDir.toString());
            config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
            config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, extra);
            config.put(FelixConstants.LOG_LOGGER_PROP, new FelixSlf4jLogger());
            config.put(FelixConstants.LOG_LEVEL_PROP, "2");
            // no JVM-wide URL handler factory: several hosts may live in one JVM (tests), one after another
            config.put(FelixConstants.SERVICE_URLHANDLERS_PROP, "false");
            Felix felix = new Felix(config);
            try {
                felix.init();
                felix.start();
            } catch (BundleException | RuntimeException e) {
                throw new IllegalStateException("cannot start the OSGi framework (Felix): " + e.getMessage(), e);
            }
            framework = felix;
            extender = new ExperimentExtender(registry, this::reasonFor);
            tracker = new BundleTracker<>(felix.getBundleContext(), Bundle.ACTIVE, extender);
            tracker.open();
            started = true;
            scan(false);
            watcher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "physlab-plugin-watcher");
                t.setDaemon(true);
                return t;
            });
            long millis = Math.max(1, pollInterval.toMillis());
            watcher.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
            LOG.info("plugin host started: {} plugin(s), {} experiment(s), watching {}", records.size(),
                    registry.snapshot().size(), pluginDirs);
        }
    }

    /** Every plugin jar known, working or failed, sorted by id. */
    public List<PluginInfo> plugins() {
        return records.values().stream().map(this::info)
                .sorted(Comparator.comparing(PluginInfo::id).thenComparing(p -> p.file().toString())).toList();
    }

    /**
     * A plugin jar that appeared, changed or disappeared in a plugin folder by itself (copied, replaced or
     * deleted there, not through {@link #deploy} or {@link #remove}).
     *
     * @param action  {@code plugin.install}, {@code plugin.update} or {@code plugin.remove}
     * @param owner   the file's owner as the operating system reports it (null when removed or unknown)
     * @param outcome the plugin's state afterwards, e.g. {@code ACTIVE} or {@code FAILED: why}
     */
    public record FolderChange(String action, String pluginId, String version, Path file, String owner, String outcome) { }

    /** Hears every {@link FolderChange}, on the watcher's thread; replaces the previous one. */
    public void onFolderChange(java.util.function.Consumer<FolderChange> listener) {
        this.folderListener = listener == null ? change -> { } : listener;
    }

    /** Scans the folders now and applies what changed (the watcher does this every poll interval). */
    public void rescan() {
        synchronized (lifecycle) {
            requireRunning();
            scan(false);
        }
    }

    /**
     * Copies a jar into the first plugin folder under {@code fileName} (replacing one of that name) and
     * scans at once; returns the plugin's state afterwards.
     *
     * @throws IllegalArgumentException if {@code jar} is not a file or {@code fileName} is not a plain {@code *.jar} name
     */
    public PluginInfo deploy(Path jar, String fileName) {
        Objects.requireNonNull(jar, "jar");
        if (fileName == null || !FILE_NAME.matcher(fileName).matches()) {
            throw new IllegalArgumentException("plugin file name must be letters, digits, '.', '_' or '-' ending in .jar, got '"
                    + fileName + "'");
        }
        if (!Files.isRegularFile(jar)) throw new IllegalArgumentException("no such file: " + jar);
        synchronized (lifecycle) {
            requireRunning();
            Path dir = pluginDirs.get(0);
            Path target = dir.resolve(fileName).toAbsolutePath().normalize();
            try {
                Path tmp = Files.createTempFile(dir, "." + fileName + ".", ".part");
                try {
                    Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(tmp);
                }
                apply(target, PluginFolders.Snapshot.of(target));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot copy " + jar + " to " + target + ": " + e.getMessage(), e);
            }
            refreshRemovalPending();
            return info(records.get(target));
        }
    }

    /** Deletes the plugin's jar and uninstalls it; false if no such plugin. */
    public boolean remove(String pluginId) {
        synchronized (lifecycle) {
            requireRunning();
            List<PluginRecord> matching = records.values().stream().filter(r -> r.id().equals(pluginId)).toList();
            if (matching.isEmpty()) return false;
            for (PluginRecord r : matching) {
                try {
                    Files.deleteIfExists(r.file());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot delete " + r.file() + ": " + e.getMessage(), e);
                }
                uninstall(r, "plugin " + r.id() + " removed");
            }
            refreshRemovalPending();
            return true;
        }
    }

    @Override
    public List<CatalogEntry> experiments() {
        return registry.snapshot();
    }

    @Override
    public Optional<CatalogEntry> find(String experimentId) {
        return registry.find(experimentId);
    }

    @Override
    public void addListener(CatalogListener listener) {
        registry.addListener(listener);
    }

    @Override
    public void removeListener(CatalogListener listener) {
        registry.removeListener(listener);
    }

    /** Stops the watcher and Felix (listeners hear experimentsRemoving first, reason "platform shut down"). */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) return;
            closed = true;
        }
        if (watcher != null) {
            watcher.shutdown();
            try {
                if (!watcher.awaitTermination(STOP_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                    LOG.warn("the plugin watcher did not stop in time");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (lifecycle) {
            Framework f = framework;
            if (f == null) return;
            shuttingDown = true;
            List<PluginRecord> newestFirst = records.values().stream()
                    .sorted(Comparator.comparingLong(PluginRecord::bundleId).reversed()).toList();
            for (PluginRecord r : newestFirst) {
                Bundle b = bundle(r.bundleId());
                if (b != null && b.getState() == Bundle.ACTIVE) stopQuietly(b, "platform shut down");
            }
            tracker.close();
            try {
                f.stop();
                FrameworkEvent event = f.waitForStop(STOP_TIMEOUT_MILLIS);
                if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) LOG.warn("Felix did not stop within a minute");
            } catch (BundleException e) {
                LOG.warn("stopping Felix failed: {}", e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            framework = null;
            records.clear();
            LOG.info("plugin host stopped");
        }
    }

    /** How many bundles Felix has installed, the system bundle included; for tests that look for leaks. */
    int bundleCount() {
        Framework f = framework;
        return f == null ? 0 : f.getBundleContext().getBundles().length;
    }

    /** Bundles Felix still keeps old revisions of; empty after every change the host makes. */
    Collection<Bundle> removalPendingBundles() {
        Framework f = framework;
        return f == null ? List.of() : f.adapt(FrameworkWiring.class).getRemovalPendingBundles();
    }

    // ---- scanning -----------------------------------------------------------------------------

    private void poll() {
        try {
            synchronized (lifecycle) {
                if (closed || !started) return;
                scan(true);
            }
        } catch (RuntimeException | Error e) {
            LOG.error("plugin folder scan failed: {}", e.toString(), e);
        }
    }

    /**
     * Applies what changed in the folders. With {@code requireStable}, a jar is acted on only when it
     * looked the same in the previous poll, and a jar counts as deleted only when two polls missed it.
     */
    private void scan(boolean requireStable) {
        Map<Path, PluginFolders.Snapshot> now = PluginFolders.list(pluginDirs);
        Map<Path, PluginFolders.Snapshot> before = previousPoll;
        previousPoll = now;
        List<FolderChange> changes = new ArrayList<>();
        for (PluginRecord r : List.copyOf(records.values())) {
            if (!now.containsKey(r.file()) && (!requireStable || !before.containsKey(r.file()))) {
                uninstall(r, "plugin " + r.id() + " removed");
                changes.add(new FolderChange("plugin.remove", r.id(), r.version(), r.file(), null, "removed"));
            }
        }
        for (Map.Entry<Path, PluginFolders.Snapshot> jar : now.entrySet()) {
            if (requireStable && !jar.getValue().equals(before.get(jar.getKey()))) continue;
            PluginRecord was = records.get(jar.getKey());
            if (!apply(jar.getKey(), jar.getValue())) continue;
            PluginRecord is = records.get(jar.getKey());
            if (is != null) {
                changes.add(new FolderChange(was == null ? "plugin.install" : "plugin.update", is.id(), is.version(), is.file(),
                        owner(is.file()), is.error() == null ? "ACTIVE" : "FAILED: " + is.error()));
            }
        }
        refreshRemovalPending();
        for (FolderChange change : changes) {
            try {
                folderListener.accept(change);
            } catch (RuntimeException e) {
                LOG.warn("the plugin folder listener failed on {}: {}", change, e.toString());
            }
        }
    }

    private static String owner(Path file) {
        try {
            return Files.getOwner(file).getName();
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /**
     * Installs, updates or reinstalls the jar at {@code file} unless it is what was last applied; false when
     * there was nothing to do.
     */
    private boolean apply(Path file, PluginFolders.Snapshot snapshot) {
        PluginRecord current = records.get(file);
        if (current != null && current.snapshot().equals(snapshot)) return false;
        try {
            if (current == null) {
                install(file, snapshot);
            } else {
                replace(current, snapshot);
            }
        } catch (RuntimeException e) {
            // never let one jar stop the scan of the others
            LOG.error("plugin {} could not be applied: {}", file, e.toString(), e);
            records.put(file, PluginRecord.failed(file, snapshot, -1, file.getFileName().toString(), "", null,
                    "unexpected error: " + e));
        }
        return true;
    }

    private void install(Path file, PluginFolders.Snapshot snapshot) {
        PluginJar jar;
        try {
            jar = PluginJar.read(file);
        } catch (BrokenPluginException e) {
            fail(PluginRecord.failed(file, snapshot, -1, file.getFileName().toString(), "", null, e.getMessage()));
            return;
        }
        Optional<PluginRecord> clash = records.values().stream()
                .filter(r -> r.id().equals(jar.symbolicName()) && !r.file().equals(file)).findFirst();
        if (clash.isPresent()) {
            fail(PluginRecord.failed(file, snapshot, -1, jar.symbolicName(), jar.version(), jar.name(),
                    "plugin " + jar.symbolicName() + " is already installed from " + clash.get().file()
                            + "; remove one of the two jars"));
            return;
        }
        Bundle bundle;
        try (InputStream in = Files.newInputStream(file)) {
            bundle = context().installBundle(file.toUri().toString(), in);
        } catch (BundleException | IOException | RuntimeException e) {
            fail(PluginRecord.failed(file, snapshot, -1, jar.symbolicName(), jar.version(), jar.name(),
                    "cannot install: " + e.getMessage()));
            return;
        }
        LOG.info("installed plugin {} {} from {}", jar.symbolicName(), jar.version(), file);
        startAndRecord(new PluginRecord(file, snapshot, bundle.getBundleId(), jar.symbolicName(), jar.version(),
                jar.name(), null, Instant.now()), bundle, jar);
    }

    private void replace(PluginRecord current, PluginFolders.Snapshot snapshot) {
        Path file = current.file();
        Bundle old = bundle(current.bundleId());
        PluginJar jar;
        try {
            jar = PluginJar.read(file);
        } catch (BrokenPluginException e) {
            if (old != null) uninstall(current, "plugin " + current.id() + " replaced by a file that is not a plugin");
            fail(PluginRecord.failed(file, snapshot, -1, file.getFileName().toString(), "", null, e.getMessage()));
            return;
        }
        if (old == null || !jar.symbolicName().equals(old.getSymbolicName())) {
            if (old != null) uninstall(current, "plugin " + current.id() + " replaced by " + jar.symbolicName() + " " + jar.version());
            records.remove(file);
            install(file, snapshot);
            return;
        }
        stopQuietly(old, "plugin " + current.id() + " updated to " + jar.version());
        try (InputStream in = Files.newInputStream(file)) {
            old.update(in);
        } catch (BundleException | IOException | RuntimeException e) {
            fail(PluginRecord.failed(file, snapshot, old.getBundleId(), jar.symbolicName(), jar.version(), jar.name(),
                    "cannot update to the new jar: " + e.getMessage()));
            return;
        }
        refresh(List.of(old));
        LOG.info("updated plugin {} from {} to {}", jar.symbolicName(), current.version(), jar.version());
        startAndRecord(new PluginRecord(file, snapshot, old.getBundleId(), jar.symbolicName(), jar.version(), jar.name(),
                null, Instant.now()), old, jar);
    }

    /** Starts the bundle (unless a fragment) and records it as working or FAILED. */
    private void startAndRecord(PluginRecord record, Bundle bundle, PluginJar jar) {
        String error = null;
        if (jar.fragment()) {
            context().getBundle(0).adapt(FrameworkWiring.class).resolveBundles(List.of(bundle));
        } else {
            try {
                bundle.start();
                error = extender.takeFailure(bundle.getBundleId());
                if (error != null) stopQuietly(bundle, "plugin " + record.id() + " failed");
            } catch (BundleException e) {
                error = BundleProblems.explain(bundle, e, wiring());
            } catch (RuntimeException e) {
                error = "cannot start: " + ExperimentLoader.describe(e);
            }
        }
        if (error != null) {
            fail(record.withError(error));
        } else {
            records.put(record.file(), record);
            LOG.info("plugin {} {} is {} with {}", record.id(), record.version(), stateName(bundle),
                    registry.idsOf(bundle.getBundleId()));
        }
    }

    private void uninstall(PluginRecord record, String reason) {
        records.remove(record.file());
        Bundle b = bundle(record.bundleId());
        if (b == null) return;
        stopQuietly(b, reason);
        try {
            b.uninstall();
            LOG.info("uninstalled plugin {} {} ({})", record.id(), record.version(), reason);
        } catch (BundleException | RuntimeException e) {
            LOG.warn("uninstalling plugin {} failed: {}", record.id(), e.getMessage(), e);
        }
    }

    private void fail(PluginRecord record) {
        records.put(record.file(), record);
        LOG.warn("plugin {} ({}) FAILED: {}", record.id(), record.file().getFileName(), record.error());
    }

    // ---- Felix helpers ------------------------------------------------------------------------

    /** Stops a bundle; the listeners hear {@code reason} synchronously while its classes still work. */
    private void stopQuietly(Bundle bundle, String reason) {
        stopReasons.put(bundle.getBundleId(), reason);
        try {
            bundle.stop();
        } catch (BundleException | RuntimeException e) {
            LOG.warn("stopping plugin {} failed: {}", bundle.getSymbolicName(), e.getMessage(), e);
        } finally {
            stopReasons.remove(bundle.getBundleId());
        }
    }

    private String reasonFor(Bundle bundle) {
        String reason = stopReasons.get(bundle.getBundleId());
        if (reason != null) return reason;
        return shuttingDown ? "platform shut down" : "plugin " + bundle.getSymbolicName() + " stopped";
    }

    private void refreshRemovalPending() {
        Collection<Bundle> pending = wiring().getRemovalPendingBundles();
        if (!pending.isEmpty()) refresh(pending);
    }

    /** Refreshes bundles and waits until Felix is done. */
    private void refresh(Collection<Bundle> bundles) {
        CountDownLatch done = new CountDownLatch(1);
        wiring().refreshBundles(bundles, event -> done.countDown());
        try {
            if (!done.await(REFRESH_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("Felix did not finish refreshing {} within {} s", bundles, REFRESH_TIMEOUT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private PluginInfo info(PluginRecord r) {
        Bundle b = bundle(r.bundleId());
        String state = r.error() != null ? "FAILED" : b == null ? "UNINSTALLED" : stateName(b);
        return new PluginInfo(r.bundleId(), r.id(), r.version(), r.name(), state, r.file(), r.error(),
                r.bundleId() < 0 ? List.of() : registry.idsOf(r.bundleId()), r.changedAt());
    }

    private static String stateName(Bundle b) {
        return switch (b.getState()) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            default -> "UNINSTALLED";
        };
    }

    private Bundle bundle(long id) {
        Framework f = framework;
        return id < 0 || f == null ? null : f.getBundleContext().getBundle(id);
    }

    private BundleContext context() {
        return framework.getBundleContext();
    }

    private FrameworkWiring wiring() {
        return framework.adapt(FrameworkWiring.class);
    }

    private void requireRunning() {
        if (closed) throw new IllegalStateException("the plugin host was closed");
        if (!started) throw new IllegalStateException("the plugin host is not started");
    }

    /** Empties the Felix cache, refusing to touch a folder that does not look like one. */
    private void wipeCache() throws IOException {
        if (Files.isDirectory(cacheDir)) {
            try (Stream<Path> children = Files.list(cacheDir)) {
                List<String> names = children.map(p -> p.getFileName().toString()).toList();
                boolean felixCache = names.isEmpty() || names.contains("cache.lock") || names.contains("bundle0");
                if (!felixCache) {
                    throw new IllegalStateException("refusing to wipe " + cacheDir + ": it does not look like a Felix cache "
                            + "(no cache.lock or bundle0); point the cache somewhere else");
                }
            }
            try (Stream<Path> all = Files.walk(cacheDir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    if (!p.equals(cacheDir)) Files.delete(p);
                }
            }
        }
        Files.createDirectories(cacheDir);
    }

    /** What the host knows about one jar file. */
    private record PluginRecord(Path file, PluginFolders.Snapshot snapshot, long bundleId, String id, String version,
                                String name, String error, Instant changedAt) {

        static PluginRecord failed(Path file, PluginFolders.Snapshot snapshot, long bundleId, String id, String version,
                                   String name, String error) {
            return new PluginRecord(file, snapshot, bundleId, id, version, name == null ? id : name, error, Instant.now());
        }

        PluginRecord withError(String message) {
            return new PluginRecord(file, snapshot, bundleId, id, version, name, message, Instant.now());
        }
    }

    @Override
    public String toString() {
        return "PluginHost" + pluginDirs;
    }
}
