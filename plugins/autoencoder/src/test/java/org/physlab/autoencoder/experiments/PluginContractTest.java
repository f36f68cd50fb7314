package org.physlab.autoencoder.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.physlab.api.Experiment;
import org.physlab.api.ExperimentDescriptor;

class PluginContractTest {

    @Test
    void slmGenerateTakesTheContractParameters() {
        ExperimentDescriptor d = new SlmGenerateExperiment().descriptor();
        assertEquals("autoencoder.slm-generate", d.id());
        for (String name : List.of("cicy", "symmetryOrder", "maxCharge", "maxModels")) {
            assertTrue(d.parameters().parameter(name).isPresent(), "slm-generate lacks " + name);
        }
    }

    @Test
    void theServiceFileListsTheExperiments() {
        List<String> ids = new ArrayList<>();
        ServiceLoader.load(Experiment.class).forEach(e -> ids.add(e.descriptor().id()));
        assertEquals(List.of("autoencoder.mnist", "autoencoder.slm", "autoencoder.slm-generate"), ids.stream().sorted().toList());
    }

    @Test
    void theBundleHoldsOnlyThePlugin() throws Exception {
        Path classes = Path.of(SlmGenerateExperiment.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Manifest manifest;
        try (InputStream in = Files.newInputStream(classes.resolve("META-INF/MANIFEST.MF"))) {
            manifest = new Manifest(in);
        }
        Attributes a = manifest.getMainAttributes();
        assertEquals("physlab.autoencoder", a.getValue("Bundle-SymbolicName"));
        assertNull(a.getValue("Export-Package"), "the plugin exports nothing");
        for (String pkg : a.getValue("Private-Package").split(",")) {
            assertTrue(pkg.startsWith("org.physlab.autoencoder"), "embedded foreign package " + pkg);
        }
        String imports = a.getValue("Import-Package");
        assertTrue(imports.contains("org.physlab.api"), imports);
        assertTrue(imports.contains("org.nd4j.shade.jackson.databind"), "JSON through ND4J's shaded Jackson: " + imports);
        for (String pkg : imports.split(",(?=[a-z])")) {
            String name = pkg.split(";")[0].strip();
            assertTrue(name.startsWith("java.") || name.startsWith("org.physlab.api") || name.startsWith("org.nd4j") || name.startsWith("org.deeplearning4j")
                    || name.startsWith("org.bytedeco"), "imports a package the host does not export: " + name);
        }
    }
}
