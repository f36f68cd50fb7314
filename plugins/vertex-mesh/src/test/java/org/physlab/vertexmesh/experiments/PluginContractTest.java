package org.physlab.vertexmesh.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.physlab.api.Experiment;
import org.physlab.api.ExperimentDescriptor;

class PluginContractTest {

    @Test
    void theServiceFileListsTheRelaxExperimentWithTheContractParameters() {
        List<Experiment> experiments = ServiceLoader.load(Experiment.class).stream().map(ServiceLoader.Provider::get).toList();
        assertTrue(experiments.stream().anyMatch(e -> e.descriptor().id().equals("vertex-mesh.relax")));
        assertTrue(experiments.stream().anyMatch(e -> e.descriptor().id().equals("vertex-mesh.meta-train")));
        for (Experiment e : experiments) {
            ExperimentDescriptor d = e.descriptor();
            assertTrue(d.id().startsWith("vertex-mesh."), d.id());
            assertTrue(d.references().get(0).citation().contains("triangulax"), d.id());
            assertTrue(d.parameters().parameter("mesh").isPresent(), d.id());
        }
        ExperimentDescriptor relax = new RelaxExperiment().descriptor();
        for (String name : List.of("mesh", "ell0", "steps", "stepSize", "solver", "noise")) {
            assertTrue(relax.parameters().parameter(name).isPresent(), "relax lacks " + name);
        }
        ExperimentDescriptor meta = new MetaTrainExperiment().descriptor();
        for (String name : List.of("mesh", "targetEll0", "initialEll0", "outerSteps", "learningRate", "batch", "noise",
                "steps", "stepSize", "gradient", "optimizer")) {
            assertTrue(meta.parameters().parameter(name).isPresent(), "meta-train lacks " + name);
        }
    }

    @Test
    void theBundleHoldsOnlyThePluginAndTheTutorialMesh() throws Exception {
        Path classes = Path.of(RelaxExperiment.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Manifest manifest;
        try (InputStream in = Files.newInputStream(classes.resolve("META-INF/MANIFEST.MF"))) {
            manifest = new Manifest(in);
        }
        Attributes a = manifest.getMainAttributes();
        assertEquals("physlab.vertex-mesh", a.getValue("Bundle-SymbolicName"));
        assertNull(a.getValue("Export-Package"), "the plugin exports nothing");
        for (String pkg : a.getValue("Private-Package").split(",")) {
            assertTrue(pkg.startsWith("org.physlab.vertexmesh"), "embedded foreign package " + pkg);
        }
        assertTrue(a.getValue("Private-Package").contains("org.physlab.vertexmesh.mesh"));
        assertTrue(a.getValue("Import-Package").contains("org.physlab.api"));
        assertTrue(Files.exists(classes.resolve("org/physlab/vertexmesh/mesh/tutorial-disk.obj")));
    }
}
