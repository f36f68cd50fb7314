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
}
