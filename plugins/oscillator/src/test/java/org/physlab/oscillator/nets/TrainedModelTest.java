package org.physlab.oscillator.nets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.physlab.api.Artifact;

class TrainedModelTest {

    @Test
    void aModelSurvivesTheTripThroughAnArtifact() {
        ParameterNetwork net = ParameterNetwork.create(CurveMlp.configuration(50, new int[] {20}, 1e-3, 0, Precision.FLOAT32, 8), new int[] {50});
        ModelCard card = ModelCard.builder(ModelCard.KIND_CURVE).put("input.shape", new int[] {50}).put("bins", 50)
                .put("resize.method", "linear").put("sweep.tEnd", 200.0).build();
        Artifact.FileArtifact file = new TrainedModel(net, card).toArtifact("model", "m.zip");
        assertEquals("model", file.name());
        assertEquals("application/zip", file.mediaType());

        TrainedModel back = TrainedModel.fromArtifact(file);
        assertEquals(ModelCard.KIND_CURVE, back.card().kind());
        assertEquals(50, back.card().integer("bins"));
        assertEquals(200.0, back.card().number("sweep.tEnd"), 0.0);
        double[] input = new double[50];
        for (int i = 0; i < 50; i++) input[i] = Math.sin(i / 7.0) + 1;
        assertArrayEquals(net.predict(input), back.network().predict(input), 0.0);
    }

    @Test
    void otherArtifactsAreNotModels() {
        Artifact chart = new Artifact.LineChart("loss", "loss", "x", "y", false, true, List.of());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TrainedModel.fromArtifact(chart)).getMessage().contains("line"));
        Artifact junk = Artifact.FileArtifact.of("model", "junk", "application/zip", new byte[] {1, 2, 3});
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TrainedModel.fromArtifact(junk)).getMessage()
                .contains("not an oscillator model"));
        assertThrows(IllegalArgumentException.class, () -> ModelCard.parse("format=something-else\nkind=curve\n"));
    }
}
