package org.physlab.runtime.runs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.physlab.api.Artifact;
import org.physlab.store.ArtifactInfo;

class ArtifactCodecTest {

    private static Artifact roundTrip(Artifact a) {
        ArtifactCodec.Encoded e = ArtifactCodec.encode("run-1", a);
        assertEquals(a.kind(), e.info().kind());
        assertEquals(a.name(), e.info().name());
        assertEquals(e.data().length, e.info().size());
        return ArtifactCodec.decode(e.info(), e.data());
    }

    @Test
    void aLineChartIsStoredAsJsonAndReadBack() {
        Artifact.LineChart chart = new Artifact.LineChart("loss", "Training loss", "batch", "loss", false, true,
                List.of(new Artifact.Series("train", new double[] {0, 1, 2}, new double[] {1.0, 0.5, Double.NaN})));
        ArtifactCodec.Encoded e = ArtifactCodec.encode("run-1", chart);
        assertEquals("application/json", e.info().mediaType());
        assertEquals("loss.json", e.info().fileName());
        assertTrue(new String(e.data(), StandardCharsets.UTF_8).contains("\"xLabel\":\"batch\""));

        Artifact.LineChart back = assertInstanceOf(Artifact.LineChart.class, roundTrip(chart));
        assertEquals("Training loss", back.title());
        assertTrue(back.logY());
        assertArrayEquals(new double[] {0, 1, 2}, back.series().get(0).x());
        assertArrayEquals(new double[] {1.0, 0.5, Double.NaN}, back.series().get(0).y());
    }

    @Test
    void everyDataKindRoundTrips() {
        Artifact.Scatter scatter = Artifact.Scatter.predictedVsTrue("omega0", "ω₀", new double[] {1, 2}, new double[] {1.1, 1.9});
        Artifact.Heatmap heat = new Artifact.Heatmap("field", "Field", new double[][] {{1, 2}, {3, 4}}, 0, 1, -1, 1, "x", "y", "E");
        Artifact.TriangleMesh mesh = new Artifact.TriangleMesh("sheet", "Sheet", List.of(new Artifact.MeshLayer("relaxed",
                new double[][] {{0, 0}, {1, 0}, {0, 1}}, new int[][] {{0, 1, 2}}, null, new double[] {0.1})), "strain");
        Artifact.Matrix matrix = new Artifact.Matrix("fisher", "Fisher", new double[][] {{2, 0}, {0, 3}}, List.of("a", "b"), List.of("a", "b"));
        Artifact.Table table = new Artifact.Table("layers", "Layers", List.of("layer", "params", "trainable"),
                List.of(List.of("dense", 128, true), List.of("out", 2.5, false)));

        Artifact.Scatter s = assertInstanceOf(Artifact.Scatter.class, roundTrip(scatter));
        assertTrue(s.identityLine());
        assertArrayEquals(new double[] {1.1, 1.9}, s.series().get(0).y());
        Artifact.Heatmap h = assertInstanceOf(Artifact.Heatmap.class, roundTrip(heat));
        assertArrayEquals(new double[] {3, 4}, h.values()[1]);
        assertEquals("E", h.valueLabel());
        Artifact.TriangleMesh m = assertInstanceOf(Artifact.TriangleMesh.class, roundTrip(mesh));
        assertArrayEquals(new int[] {0, 1, 2}, m.layers().get(0).faces()[0]);
        assertNull(m.layers().get(0).vertexValues());
        assertArrayEquals(new double[] {0.1}, m.layers().get(0).faceValues());
        Artifact.Matrix mx = assertInstanceOf(Artifact.Matrix.class, roundTrip(matrix));
        assertEquals(List.of("a", "b"), mx.rowLabels());
        assertArrayEquals(new double[] {0, 3}, mx.values()[1]);
        Artifact.Table t = assertInstanceOf(Artifact.Table.class, roundTrip(table));
        assertEquals("dense", t.rows().get(0).get(0));
        assertEquals(128, ((Number) t.rows().get(0).get(1)).intValue());
        assertEquals(true, t.rows().get(0).get(2));
        assertEquals(2.5, ((Number) t.rows().get(1).get(1)).doubleValue());
    }

    @Test
    void aFileIsStoredAsItsBytesWithItsMediaTypeAndName() {
        byte[] zip = {0x50, 0x4b, 3, 4, 0, 1, 2};
        Artifact.FileArtifact file = new Artifact.FileArtifact("model", "Trained network", "application/zip", "model.zip", zip);
        ArtifactCodec.Encoded e = ArtifactCodec.encode("run-1", file);
        assertArrayEquals(zip, e.data());
        assertEquals("application/zip", e.info().mediaType());
        assertEquals("model.zip", e.info().fileName());
        Artifact.FileArtifact back = assertInstanceOf(Artifact.FileArtifact.class, ArtifactCodec.decode(e.info(), e.data()));
        assertArrayEquals(zip, back.content());
        assertEquals("Trained network", back.title());
        assertEquals("model.zip", back.fileName());
    }

    @Test
    void anUnknownKindOrBrokenDataIsAClearError() {
        ArtifactInfo odd = new ArtifactInfo("run-1", "x", "hologram", "X", "application/json", "x.json", 2, Instant.now());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ArtifactCodec.decode(odd, "{}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("unknown kind 'hologram'"), e.getMessage());

        ArtifactInfo broken = new ArtifactInfo("run-1", "loss", "line", "Loss", "application/json", "loss.json", 3, Instant.now());
        e = assertThrows(IllegalArgumentException.class, () -> ArtifactCodec.decode(broken, "{[}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("is not a readable line"), e.getMessage());
    }
}
