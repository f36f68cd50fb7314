package org.physlab.cli;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.physlab.runtime.PhyslabConfig;

/**
 * Merges the places settings come from, each overriding the one before:
 * <ol>
 * <li>{@code INSTALL/conf/physlab.properties}: defaults for every home of this installation</li>
 * <li>{@code HOME/conf/physlab.properties}: the home's own settings</li>
 * <li>the environment: {@code PHYSLAB_DB_URL}, {@code PHYSLAB_DB_USER}, {@code PHYSLAB_DB_PASSWORD}
 *     (a password kept out of files and command lines)</li>
 * <li>system properties {@code -Dphyslab.…} (e.g. from {@code JAVA_OPTS})</li>
 * <li>command-line flags such as {@code serve --port} or {@code --db-url}</li>
 * </ol>
 * {@code physlab.plugins.dirs} is the exception: the folders of every layer add up (the launcher
 * passes the installation's {@code plugins/} folder, a home may add its own).
 */
public final class ConfigLayers {
    /** The system property the launcher sets to the installation folder. */
    public static final String INSTALL_PROPERTY = "physlab.install";
    static final String PLUGIN_DIRS = "physlab.plugins.dirs";
    /** Environment variables read as settings, and the keys they set. */
    static final Map<String, String> ENVIRONMENT = Map.of(
            "PHYSLAB_DB_URL", "physlab.db.url",
            "PHYSLAB_DB_USER", "physlab.db.user",
            "PHYSLAB_DB_PASSWORD", "physlab.db.password");

    private ConfigLayers() { }

    /** Loads the configuration of {@code home} from every layer. */
    public static PhyslabConfig load(Path home, Properties systemProperties, Map<String, String> flags) {
        return load(home, systemProperties, System.getenv(), flags);
    }

    /** Loads the configuration of {@code home} from every layer, with {@code environment} as the process's environment. */
    static PhyslabConfig load(Path home, Properties systemProperties, Map<String, String> environment,
                              Map<String, String> flags) {
        return PhyslabConfig.load(home, merge(home, systemProperties, environment, flags));
    }

    /** The merged settings (every {@code physlab.*} key of every layer). */
    static Map<String, String> merge(Path home, Properties systemProperties, Map<String, String> flags) {
        return merge(home, systemProperties, System.getenv(), flags);
    }

    static Map<String, String> merge(Path home, Properties systemProperties, Map<String, String> environment,
                                     Map<String, String> flags) {
        List<Map<String, String>> layers = new ArrayList<>();
        String install = systemProperties.getProperty(INSTALL_PROPERTY);
        if (install != null && !install.isBlank()) layers.add(read(Path.of(install, "conf", "physlab.properties")));
        layers.add(read(home.resolve("conf").resolve("physlab.properties")));
        Map<String, String> env = new LinkedHashMap<>();
        ENVIRONMENT.forEach((variable, key) -> {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) env.put(key, value);
        });
        layers.add(env);
        Map<String, String> sys = new LinkedHashMap<>();
        for (String k : systemProperties.stringPropertyNames()) {
            if (k.startsWith("physlab.") && !k.equals(INSTALL_PROPERTY)) sys.put(k, systemProperties.getProperty(k));
        }
        layers.add(sys);
        layers.add(flags == null ? Map.of() : flags);

        Map<String, String> merged = new LinkedHashMap<>();
        Set<String> pluginDirs = new LinkedHashSet<>();
        for (Map<String, String> layer : layers) {
            layer.forEach((k, v) -> {
                if (k.equals(PLUGIN_DIRS)) {
                    for (String d : v.split(File.pathSeparator)) if (!d.isBlank()) pluginDirs.add(d.trim());
                } else {
                    merged.put(k, v.trim());
                }
            });
        }
        if (!pluginDirs.isEmpty()) merged.put(PLUGIN_DIRS, String.join(File.pathSeparator, pluginDirs));
        return merged;
    }

    private static Map<String, String> read(Path file) {
        Map<String, String> m = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) return m;
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILED, "cannot read " + file + ": " + e.getMessage(), e);
        }
        for (String k : p.stringPropertyNames()) m.put(k, p.getProperty(k));
        return m;
    }
}
