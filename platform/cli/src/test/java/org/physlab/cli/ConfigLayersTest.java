package org.physlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physlab.runtime.PhyslabConfig;

class ConfigLayersTest {

    @TempDir
    Path tmp;

    private static void write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void homeOverridesInstallSystemPropertiesOverrideHomeAndFlagsOverrideAll() throws Exception {
        Path install = tmp.resolve("install");
        Path home = tmp.resolve("home");
        write(install.resolve("conf/physlab.properties"),
                "physlab.server.port=9000\nphyslab.runs.maxConcurrent=3\nphyslab.user=install\nphyslab.heartbeat.seconds=7\n");
        write(home.resolve("conf/physlab.properties"), "physlab.server.port=9100\nphyslab.user=home\n");
        Properties sys = new Properties();
        sys.setProperty(ConfigLayers.INSTALL_PROPERTY, install.toString());
        sys.setProperty("physlab.user", "system");
        sys.setProperty("java.version", "17");

        PhyslabConfig c = ConfigLayers.load(home, sys, Map.of("physlab.server.host", "0.0.0.0"));
        assertEquals(9100, c.serverPort());
        assertEquals(3, c.maxConcurrentRuns());
        assertEquals("system", c.user());
        assertEquals(7, c.heartbeatInterval().getSeconds());
        assertEquals("0.0.0.0", c.serverHost());

        PhyslabConfig flagged = ConfigLayers.load(home, sys, Map.of("physlab.server.port", "0"));
        assertEquals(0, flagged.serverPort());
    }

    @Test
    void pluginFoldersOfEveryLayerAddUp() throws Exception {
        Path install = tmp.resolve("install");
        Path home = tmp.resolve("home");
        write(home.resolve("conf/physlab.properties"), "physlab.plugins.dirs=" + tmp.resolve("mine") + "\n");
        Properties sys = new Properties();
        sys.setProperty(ConfigLayers.INSTALL_PROPERTY, install.toString());
        sys.setProperty("physlab.plugins.dirs", install.resolve("plugins").toString());

        PhyslabConfig c = ConfigLayers.load(home, sys, Map.of());
        assertEquals(List.of(home.resolve("plugins"), tmp.resolve("mine"), install.resolve("plugins")), c.pluginDirs());
        assertEquals(tmp.resolve("mine") + File.pathSeparator + install.resolve("plugins"),
                ConfigLayers.merge(home, sys, Map.of()).get("physlab.plugins.dirs"));
    }

    @Test
    void withoutAnyFileTheDefaultsHold() {
        PhyslabConfig c = ConfigLayers.load(tmp, new Properties(), Map.of());
        assertEquals("127.0.0.1", c.serverHost());
        assertEquals(8080, c.serverPort());
        assertEquals(List.of(tmp.resolve("plugins")), c.pluginDirs());
    }

    @Test
    void theDatabaseComesFromTheHomeTheEnvironmentOrFlagsAndItsPasswordNeverFromFlags() throws Exception {
        Path home = tmp.resolve("home");
        write(home.resolve("conf/physlab.properties"), "physlab.db.url=jdbc:h2:tcp://127.0.0.1:9092/lab\n");
        Properties sys = new Properties();

        PhyslabConfig fromHome = ConfigLayers.load(home, sys, Map.of(), Map.of());
        assertEquals("jdbc:h2:tcp://127.0.0.1:9092/lab", fromHome.store().jdbcUrl());
        assertEquals("sa", fromHome.store().user(), "H2's default user");

        Map<String, String> env = Map.of("PHYSLAB_DB_URL", "jdbc:postgresql://db.lab:5432/physlab",
                "PHYSLAB_DB_USER", "lab", "PHYSLAB_DB_PASSWORD", "s3cret");
        PhyslabConfig fromEnv = ConfigLayers.load(home, sys, env, Map.of());
        assertEquals(new org.physlab.store.StoreConfig("jdbc:postgresql://db.lab:5432/physlab", "lab", "s3cret"),
                fromEnv.store());

        PhyslabCommand top = new PhyslabCommand();
        top.systemProperties(sys);
        top.environment(env);
        top.io(new Io(System.out, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), false));
        PhyslabCli.commandLine(top).parseArgs("--home", home.toString(), "--db-url", "jdbc:postgresql://other:5433/x",
                "--db-user", "ada", "runs");
        assertEquals(new org.physlab.store.StoreConfig("jdbc:postgresql://other:5433/x", "ada", "s3cret"),
                top.config(Map.of()).store());

        IllegalArgumentException unsupported = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ConfigLayers.load(home, sys, Map.of("PHYSLAB_DB_URL", "jdbc:mysql://x/y"), Map.of()));
        org.junit.jupiter.api.Assertions.assertTrue(unsupported.getMessage().contains("H2 (jdbc:h2:…) or PostgreSQL"),
                unsupported.getMessage());
    }
}
