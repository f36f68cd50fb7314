package org.physlab.autoencoder.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.physlab.api.Artifact;
import org.physlab.api.Summary;
import org.physlab.testkit.InMemoryRunContext;

/**
 * The acceptance checks of issue 8 on a slice of MNIST so the suite stays bounded: 6,000 training and 500 test
 * images, 6 epochs of batch 16 (2,250 Adam steps; about a minute each on the 2-core machine). The probe on the
 * 2-D codes needs about 1,000 steps to pass 50 % and reads 55 % (AE) and 53 % (VAE) here; a full 60k epoch is the
 * benchmark's and the user's.
 */
class MnistExperimentTest {

    @Test
    void defaultsAreTheTalksNetworkOnAllOfMnist() {
        Map<String, Object> d = new MnistExperiment().descriptor().parameters().defaults();
        assertEquals("ae", d.get("model"));
        assertEquals(2L, d.get("latent"));
        assertEquals("mnist", d.get("dataset"));
        assertEquals(60_000L, d.get("trainSize"));
        assertEquals(0.0, d.get("denoise"));
    }

    @Test
    void theConvAutoencoderBeatsTheMeanImageAndItsTwoDimensionalCodesSeparateDigits() throws Exception {
        InMemoryRunContext run = InMemoryRunContext.builder(new MnistExperiment())
                .set("trainSize", 6000).set("testSize", 500).set("epochs", 6).set("batchSize", 16).set("learningRate", 2e-3)
                .set("gridSize", 5).seed(3).build();
        Summary s = run.execute();
        double rec = s.metrics().get("testReconstructionLoss");
        double baseline = s.metrics().get("baselineReconstructionLoss");
        assertTrue(rec < 0.85 * baseline, "test BCE " + rec + " vs mean image " + baseline);   // 0.75 here
        assertTrue(s.metrics().get("probeAccuracy") > 0.5, "linear probe on 2-D codes: " + s.metrics());
        assertEquals(76_546.0, s.metrics().get("encoderParameters"));
        assertEquals(83_841.0, s.metrics().get("decoderParameters"));

        Artifact.Scatter scatter = run.artifact("latent-scatter", Artifact.Scatter.class);
        assertEquals(10, scatter.series().size());
        assertEquals("digit 7", scatter.series().get(7).name());
        assertEquals(500, scatter.series().stream().mapToInt(x -> x.x().length).sum());
        Artifact.Heatmap grid = run.artifact("latent-grid", Artifact.Heatmap.class);
        assertEquals(5 * 29 - 1, grid.values().length);
        Artifact.Heatmap recs = run.artifact("reconstructions", Artifact.Heatmap.class);
        assertEquals(2 * 29 - 1, recs.values().length);
        assertEquals(10 * 29 - 1, recs.values()[0].length);
        run.artifact("reconstruction-loss", Artifact.LineChart.class);
        assertEquals(6 * 375, run.metrics("reconstructionLoss").length);
    }

    @Test
    void theVariationalVersionSeparatesDigitsWithANonZeroKl() throws Exception {
        InMemoryRunContext run = InMemoryRunContext.builder(new MnistExperiment())
                .set("model", "vae").set("trainSize", 6000).set("testSize", 500).set("epochs", 6).set("batchSize", 16)
                .set("learningRate", 2e-3).set("gridSize", 4).seed(3).build();
        Summary s = run.execute();
        assertTrue(s.metrics().get("testKl") > 1.0, "KL must not collapse: " + s.metrics());           // 5.1 here
        assertTrue(s.metrics().get("testReconstructionLoss") < 0.85 * s.metrics().get("baselineReconstructionLoss"), s.metrics().toString());
        assertTrue(s.metrics().get("probeAccuracy") > 0.5, "linear probe on the VAE means: " + s.metrics());
        assertEquals(78_596.0, s.metrics().get("encoderParameters"));
        assertEquals(6 * 375, run.artifact("kl-loss", Artifact.LineChart.class).series().get(0).y().length);
    }

    @Test
    void denoisingShowsCleanNoisyAndDenoisedImages() throws Exception {
        InMemoryRunContext run = InMemoryRunContext.builder(new MnistExperiment())
                .set("denoise", 0.5).set("trainSize", 500).set("testSize", 100).set("epochs", 1).set("gridSize", 3).seed(5).build();
        run.execute();
        Artifact.Heatmap denoising = run.artifact("denoising", Artifact.Heatmap.class);
        assertEquals(3 * 29 - 1, denoising.values().length);
        assertEquals(10 * 29 - 1, denoising.values()[0].length);
    }

    @Test
    void badInputIsRefusedWithAClearMessage(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Exception e = assertThrows(Exception.class, () -> InMemoryRunContext.builder(new MnistExperiment()).set("dataset", "idx").build().execute());
        assertTrue(e.getMessage().contains("dataset=idx needs both images and labels"), e.getMessage());
        java.nio.file.Path junk = java.nio.file.Files.writeString(dir.resolve("junk.idx"), "not an idx file");
        // refused at validation, so the platform records no run
        e = assertThrows(org.physlab.api.InvalidParametersException.class, () -> InMemoryRunContext.builder(new MnistExperiment()).set("dataset", "idx")
                .set("images", junk.toString()).set("labels", junk.toString()).build().execute());
        assertTrue(e.getMessage().contains("junk.idx: bad magic number"), e.getMessage());
    }
}
