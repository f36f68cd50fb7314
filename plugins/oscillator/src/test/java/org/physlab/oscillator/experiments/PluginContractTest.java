package org.physlab.oscillator.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
    void theServiceFileListsTheFiveExperimentsWithTheirContractIds() {
        List<String> ids = ServiceLoader.load(Experiment.class).stream().map(p -> p.get().descriptor().id()).sorted().toList();
        assertEquals(List.of("oscillator.curve-mlp", "oscillator.image-cnn", "oscillator.overfitting", "oscillator.predict",
                "oscillator.response"), ids);
    }

    @Test
    void correlationsOfTrainedNetworksImproveUpwardsAndLossesDownwards() {
        for (Experiment e : List.of(new CurveMlpExperiment(), new ImageCnnExperiment())) {
            ExperimentDescriptor d = e.descriptor();
            assertEquals(org.physlab.api.MetricGoal.MAXIMIZE, d.goalOf("correlationOmega0"), d.id());
            assertEquals(org.physlab.api.MetricGoal.MINIMIZE, d.goalOf("validationLoss"), d.id());
        }
    }

    @Test
    void everyExperimentCitesTheLectureAndUsesTheContractNames() {
        for (Experiment e : ServiceLoader.load(Experiment.class)) {
            ExperimentDescriptor d = e.descriptor();
            assertTrue(d.references().get(0).citation().contains("Marquardt"), d.id());
            assertTrue(d.references().get(0).citation().contains("ICTP Trieste 2024"), d.id());
            if (!d.id().equals("oscillator.predict")) {
                for (String name : List.of("omega0", "gamma", "epsilon", "force")) {
                    assertTrue(d.parameters().parameter(name).isPresent(), d.id() + " lacks " + name);
                }
            }
            if (d.id().endsWith("-mlp") || d.id().endsWith("-cnn")) {
                for (String name : List.of("batches", "batchSize", "learningRate", "bins", "noise")) {
                    assertTrue(d.parameters().parameter(name).isPresent(), d.id() + " lacks " + name);
                }
            }
        }
    }

    @Test
    void theBundleHoldsOnlyThePluginAndImportsNd4jWithoutVersions() throws Exception {
        Path classes = Path.of(ResponseExperiment.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path manifestFile = classes.resolve("META-INF/MANIFEST.MF");
        assertTrue(Files.exists(manifestFile), "bnd writes the manifest into " + classes);
        Manifest manifest;
        try (InputStream in = Files.newInputStream(manifestFile)) {
            manifest = new Manifest(in);
        }
        Attributes a = manifest.getMainAttributes();
        assertEquals("physlab.oscillator", a.getValue("Bundle-SymbolicName"));
        assertNull(a.getValue("Export-Package"), "the plugin exports nothing");
        for (String pkg : a.getValue("Private-Package").split(",")) {
            assertTrue(pkg.startsWith("org.physlab.oscillator"), "embedded foreign package " + pkg);
        }
        String imports = a.getValue("Import-Package");
        assertNotNull(imports);
        assertTrue(imports.contains("org.physlab.api;version=\"[1.1,2)\""), imports);
        for (String clause : imports.split(",(?=[a-z])")) {
            if (clause.startsWith("org.nd4j") || clause.startsWith("org.deeplearning4j")) {
                assertFalse(clause.contains("version"), "ND4J/DL4J are imported without a version range: " + clause);
            }
        }
        assertTrue(imports.contains("org.deeplearning4j.nn.multilayer"), imports);
        assertTrue(imports.contains("org.nd4j.linalg.factory"), imports);
    }
}
