package org.physlab.calabiyau.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.physlab.api.ExperimentDescriptor;

class PluginContractTest {

    @Test
    void sigmaTakesTheContractParameters() {
        ExperimentDescriptor d = new SigmaExperiment().descriptor();
        assertEquals("calabi-yau.sigma", d.id());
        for (String name : List.of("psi", "degree", "points", "h")) {
            assertTrue(d.parameters().parameter(name).isPresent(), "sigma lacks " + name);
        }
    }

    @Test
    void theBundleHoldsOnlyThePlugin() throws Exception {
        Path classes = Path.of(SigmaExperiment.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Manifest manifest;
        try (InputStream in = Files.newInputStream(classes.resolve("META-INF/MANIFEST.MF"))) {
            manifest = new Manifest(in);
        }
        Attributes a = manifest.getMainAttributes();
        assertEquals("physlab.calabi-yau", a.getValue("Bundle-SymbolicName"));
        assertNull(a.getValue("Export-Package"), "the plugin exports nothing");
        for (String pkg : a.getValue("Private-Package").split(",")) {
            assertTrue(pkg.startsWith("org.physlab.calabiyau"), "embedded foreign package " + pkg);
        }
        assertTrue(a.getValue("Import-Package").contains("org.physlab.api"));
    }
}
