package org.physlab.runtime;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.physlab.store.DatabaseKind;
import org.physlab.store.StoreConfig;

/**
 * Everything configurable, read from {@code HOME/conf/physlab.properties} and then overridden by
 * explicit settings (command-line flags, system properties {@code -Dphyslab.…}).
 *
 * <table>
 * <caption>Keys</caption>
 * <tr><td>physlab.db.url</td><td>JDBC URL, H2 ({@code jdbc:h2:…}) or PostgreSQL ({@code jdbc:postgresql://…});
 *     default H2 in {@code HOME/db} in mixed mode, with {@code WRITE_DELAY=0} (see {@link StoreConfig#embedded})</td></tr>
 * <tr><td>physlab.db.user / physlab.db.password</td><td>database credentials (default for H2: sa / empty)</td></tr>
 * <tr><td>physlab.plugins.dirs</td><td>extra plugin folders, separated by the path separator; {@code HOME/plugins} is always watched</td></tr>
 * <tr><td>physlab.plugins.pollMillis</td><td>how often the plugin folders are scanned (default 1000)</td></tr>
 * <tr><td>physlab.runs.cpuSlots</td><td>CPU slots: runs executing at once (default: number of cores);
 *     {@code physlab.runs.maxConcurrent} is the older name of the same key</td></tr>
 * <tr><td>physlab.runs.gpuSlots</td><td>GPU slots: runs executing at once on a GPU backend, where every run
 *     uses the device (default 1: GPU runs one after another)</td></tr>
 * <tr><td>physlab.runs.perUserCap</td><td>runs of one user executing at once, 0 for no cap (default 0)</td></tr>
 * <tr><td>physlab.runs.timeLimitSeconds</td><td>default per-run time limit, 0 for none (default 0)</td></tr>
 * <tr><td>physlab.heartbeat.seconds</td><td>how often a process renews its lease (default 5)</td></tr>
 * <tr><td>physlab.recovery.staleSeconds</td><td>a lease older than this marks a process dead (default 30)</td></tr>
 * <tr><td>physlab.server.host / physlab.server.port</td><td>where {@code physlab serve} listens (default 127.0.0.1:8080)</td></tr>
 * <tr><td>physlab.server.forwardedHeaders</td><td>trust the {@code Forwarded} / {@code X-Forwarded-*} headers of a
 *     reverse proxy on this machine: the request's scheme (so session cookies are {@code Secure} under HTTPS), host and
 *     client address come from them (default false)</td></tr>
 * <tr><td>physlab.user</td><td>the user recorded with runs (default: the OS user)</td></tr>
 * <tr><td>physlab.auth.enabled</td><td>logins, roles and API tokens (default false; required to bind
 *     {@code physlab serve} to anything but loopback), see {@link AuthSettings}</td></tr>
 * <tr><td>physlab.auth.sessionTimeoutMinutes / maxFailedLogins / lockoutMinutes / bcryptCost</td><td>see
 *     {@link AuthSettings} (defaults 30, 5, 15, 12)</td></tr>
 * </table>
 */
public record PhyslabConfig(Path home, List<Path> pluginDirs, StoreConfig store, int maxConcurrentRuns,
                            int gpuSlots, Duration defaultTimeLimit, Duration heartbeatInterval,
                            Duration staleAfter, Duration pluginPollInterval, String serverHost, int serverPort,
                            String user, int perUserCap, AuthSettings auth, boolean forwardedHeaders) {

    public static final String HOME_ENV = "PHYSLAB_HOME";
    /** Felix caches are {@code HOME/cache/felix-PID}, one per process. */
    public static final String FELIX_CACHE_PREFIX = "felix-";

    public PhyslabConfig {
        home = home.toAbsolutePath().normalize();
        pluginDirs = List.copyOf(pluginDirs);
        if (auth == null) auth = AuthSettings.DISABLED;
        if (maxConcurrentRuns < 1) throw new IllegalArgumentException("physlab.runs.cpuSlots (physlab.runs.maxConcurrent) must be at least 1");
        if (gpuSlots < 1) throw new IllegalArgumentException("physlab.runs.gpuSlots must be at least 1");
        if (perUserCap < 0) throw new IllegalArgumentException("physlab.runs.perUserCap must be 0 (no cap) or more");
        if (serverPort < 0 || serverPort > 65535) throw new IllegalArgumentException("port must be 0-65535");
        if (defaultTimeLimit != null && (defaultTimeLimit.isZero() || defaultTimeLimit.isNegative())) {
            throw new IllegalArgumentException("physlab.runs.timeLimitSeconds must be positive (or 0 for none)");
        }
        requirePositive(heartbeatInterval, "physlab.heartbeat.seconds");
        requirePositive(staleAfter, "physlab.recovery.staleSeconds");
        requirePositive(pluginPollInterval, "physlab.plugins.pollMillis");
        if (staleAfter.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("physlab.recovery.staleSeconds (" + staleAfter.toSeconds()
                    + ") must be at least twice physlab.heartbeat.seconds (" + heartbeatInterval.toSeconds()
                    + "), or live processes would be taken for dead");
        }
    }

    private static void requirePositive(Duration d, String key) {
        if (d == null || d.isZero() || d.isNegative()) throw new IllegalArgumentException(key + " must be positive");
    }

    /** The plugins folder inside the home; a jar dropped here is installed while Physlab runs. */
    public Path homePluginDir() {
        return home.resolve("plugins");
    }

    /**
     * Where this process's Felix keeps its bundle cache (rebuilt at every start):
     * {@code HOME/cache/felix-PID}. Each process has its own, so a CLI started beside a running server
     * does not wipe the server's bundles; {@link Physlab#start} deletes those of dead processes.
     */
    public Path felixCacheDir() {
        return home.resolve("cache").resolve(FELIX_CACHE_PREFIX + ProcessHandle.current().pid());
    }

    /** {@code --home}, else {@code $PHYSLAB_HOME}, else {@code ~/physlab-home}. */
    public static Path resolveHome(Path explicit) {
        if (explicit != null) return explicit;
        String env = System.getenv(HOME_ENV);
        if (env != null && !env.isBlank()) return Path.of(env);
        return Path.of(System.getProperty("user.home"), "physlab-home");
    }

    /** Reads {@code home/conf/physlab.properties} (if present), then system properties, then {@code overrides}. */
    public static PhyslabConfig load(Path home, Map<String, String> overrides) {
        Map<String, String> p = new HashMap<>();
        Path file = home.resolve("conf").resolve("physlab.properties");
        if (Files.isRegularFile(file)) {
            Properties props = new Properties();
            try (Reader r = Files.newBufferedReader(file)) {
                props.load(r);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
            }
            props.stringPropertyNames().forEach(k -> p.put(k, props.getProperty(k).trim()));
        }
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("physlab."))
                .forEach(k -> p.put(k, System.getProperty(k)));
        if (overrides != null) p.putAll(overrides);

        List<Path> dirs = new ArrayList<>();
        dirs.add(home.resolve("plugins"));
        String extra = p.get("physlab.plugins.dirs");
        if (extra != null && !extra.isBlank()) {
            for (String d : extra.split(java.io.File.pathSeparator)) if (!d.isBlank()) dirs.add(Path.of(d.trim()));
        }
        StoreConfig store = storeOf(p, home);
        int cores = Runtime.getRuntime().availableProcessors();
        long limit = longOf(p, "physlab.runs.timeLimitSeconds", 0);
        return new PhyslabConfig(home, dirs, store,
                (int) longOf(p, "physlab.runs.cpuSlots", longOf(p, "physlab.runs.maxConcurrent", cores)),
                (int) longOf(p, "physlab.runs.gpuSlots", 1),
                limit > 0 ? Duration.ofSeconds(limit) : null,
                Duration.ofSeconds(longOf(p, "physlab.heartbeat.seconds", 5)),
                Duration.ofSeconds(longOf(p, "physlab.recovery.staleSeconds", 30)),
                Duration.ofMillis(longOf(p, "physlab.plugins.pollMillis", 1000)),
                p.getOrDefault("physlab.server.host", "127.0.0.1"),
                (int) longOf(p, "physlab.server.port", 8080),
                p.getOrDefault("physlab.user", System.getProperty("user.name", "unknown")),
                (int) longOf(p, "physlab.runs.perUserCap", 0),
                authOf(p),
                booleanOf(p, "physlab.server.forwardedHeaders", false));
    }

    private static AuthSettings authOf(Map<String, String> p) {
        AuthSettings d = AuthSettings.DISABLED;
        return new AuthSettings(booleanOf(p, "physlab.auth.enabled", false),
                Duration.ofMinutes(longOf(p, "physlab.auth.sessionTimeoutMinutes", d.sessionTimeout().toMinutes())),
                (int) longOf(p, "physlab.auth.maxFailedLogins", d.maxFailedLogins()),
                Duration.ofMinutes(longOf(p, "physlab.auth.lockoutMinutes", d.lockout().toMinutes())),
                (int) longOf(p, "physlab.auth.bcryptCost", d.bcryptCost()));
    }

    private static boolean booleanOf(Map<String, String> p, String key, boolean dflt) {
        String v = p.get(key);
        if (v == null || v.isBlank()) return dflt;
        if (v.trim().equalsIgnoreCase("true")) return true;
        if (v.trim().equalsIgnoreCase("false")) return false;
        throw new IllegalArgumentException(key + " must be true or false, got '" + v + "'");
    }

    /**
     * The run store: {@code physlab.db.url} (H2 or PostgreSQL, see {@link DatabaseKind}), else H2 in the
     * home. The user defaults to H2's {@code sa} for H2 only; for PostgreSQL an unset user is left to
     * the driver (the URL's {@code user=} parameter).
     */
    private static StoreConfig storeOf(Map<String, String> p, Path home) {
        String url = p.get("physlab.db.url");
        if (url == null || url.isBlank()) return StoreConfig.embedded(home);
        DatabaseKind kind = DatabaseKind.of(url);
        String user = p.get("physlab.db.user");
        if (user == null || user.isBlank()) user = kind == DatabaseKind.H2 ? "sa" : null;
        return new StoreConfig(url.trim(), user, p.getOrDefault("physlab.db.password", ""));
    }

    private static long longOf(Map<String, String> p, String key, long dflt) {
        String v = p.get(key);
        if (v == null || v.isBlank()) return dflt;
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got '" + v + "'");
        }
    }
}
