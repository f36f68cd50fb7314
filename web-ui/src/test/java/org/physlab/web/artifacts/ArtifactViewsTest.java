package org.physlab.web.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.dom.Element;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physlab.api.Artifact;
import org.physlab.runtime.runs.ArtifactCodec;
import org.physlab.store.ArtifactInfo;
import org.physlab.store.NewRun;
import org.physlab.store.RunStore;
import org.physlab.store.StoreConfig;

class ArtifactViewsTest {
    @TempDir
    Path home;
    RunStore store;
    String runId;
    /** Held here: Vaadin keeps the current UI only weakly. */
    final UI ui = new UI();

    @BeforeEach
    void openStore() {
        // Pictures are served through the UI that shows them, as in the browser.
        UI.setCurrent(ui);
        store = RunStore.open(StoreConfig.embedded(home));
        runId = store.create(new NewRun("demo.exp", "demo", "1.0.0", Map.of(), 1, "cpu", "host", "ada", List.of(), "")).id();
    }

    @AfterEach
    void closeStore() {
        UI.setCurrent(null);
        store.close();
    }

    @Test
    void everyKindIsDrawnWithItsNameAndADownloadLink() {
        double[][] square = {{0, 0}, {1, 0}, {1, 1}, {0, 1}};
        List<Artifact> all = List.of(
                new Artifact.LineChart("loss", "Loss", "step", "loss", false, true, List.of(Artifact.Series.of("train", new double[] {3, 2, 1}))),
                Artifact.Scatter.predictedVsTrue("omega", "ω₀", new double[] {1, 2}, new double[] {1.1, 1.9}),
                new Artifact.Heatmap("map", "Map", new double[][] {{1, 2}, {3, 4}}, 0, 1, 0, 2, "ω", "F", "|z|"),
                new Artifact.TriangleMesh("mesh", "Mesh", List.of(new Artifact.MeshLayer("after", square, new int[][] {{0, 1, 2}, {0, 2, 3}},
                        null, new double[] {1, 2})), "strain"),
                new Artifact.Matrix("fisher", "Fisher", new double[][] {{1, 0.5}, {0.5, 2}}, List.of("a", "b"), List.of("a", "b")),
                new Artifact.Matrix("big", "Big", new double[30][30], null, null),
                new Artifact.Table("counts", "Counts", List.of("layer", "parameters"), List.of(List.of("dense", 120), List.of("out", 3.5))),
                Artifact.FileArtifact.of("model", "Model", "application/zip", new byte[2048]));
        for (Artifact a : all) {
            ArtifactCodec.Encoded e = ArtifactCodec.encode(runId, a);
            store.putArtifact(e.info(), e.data());
        }
        for (ArtifactInfo info : store.artifacts(runId)) {
            Element card = ArtifactViews.render(store, runId, info).getElement();
            assertEquals(info.name(), card.getAttribute("data-artifact"));
            assertTrue(descendants(card).noneMatch(el -> el.getClassList().contains("artifact-problem")), info.name() + " drew a problem");
            String href = descendants(card).filter(el -> el.getClassList().contains("artifact-download")).findFirst().orElseThrow().getAttribute("href");
            assertEquals("api/runs/" + runId + "/artifacts/" + info.name() + "?download=true", href);
        }
    }

    @Test
    void anUndecodableArtifactShowsAPlainMessageInsteadOfFailing() {
        ArtifactInfo info = new ArtifactInfo(runId, "broken", "heatmap", "Broken", ArtifactCodec.JSON, "broken.json", 9, Instant.now());
        store.putArtifact(info, "{not json".getBytes(StandardCharsets.UTF_8));
        Component drawn = ArtifactViews.render(store, runId, store.artifacts(runId).get(0));
        assertEquals("broken", drawn.getElement().getAttribute("data-artifact"));
        Element problem = descendants(drawn.getElement()).filter(el -> el.getClassList().contains("artifact-problem")).findFirst().orElseThrow();
        assertTrue(problem.getText().startsWith("This heatmap artifact could not be drawn: "), problem.getText());
    }

    @Test
    void aValidButEmptyHeatmapSaysSo() {
        ArtifactCodec.Encoded e = ArtifactCodec.encode(runId, new Artifact.Heatmap("empty", "Empty", new double[0][], 0, 1, 0, 1, "x", "y", "v"));
        store.putArtifact(e.info(), e.data());
        Element card = ArtifactViews.render(store, runId, e.info()).getElement();
        assertTrue(descendants(card).anyMatch(el -> el.getClassList().contains("artifact-problem") && el.getText().contains("empty")));
    }

    @Test
    void sizesAndCellsReadAsPeopleWriteThem() {
        assertEquals("512 B", ArtifactViews.bytes(512));
        assertEquals("2.0 KB", ArtifactViews.bytes(2048));
        assertEquals("1.5 MB", ArtifactViews.bytes(1024 * 1536));
        assertEquals("0.1235", ArtifactViews.cell(0.123456));
        assertEquals("120", ArtifactViews.cell(120L));
        assertEquals("true", ArtifactViews.cell(true));
        assertEquals("", ArtifactViews.cell(null));
        assertFalse(ArtifactViews.downloadUrl("r 1", "a.b").contains(" "));
    }

    static Stream<Element> descendants(Element e) {
        return Stream.concat(Stream.of(e), e.getChildren().flatMap(ArtifactViewsTest::descendants));
    }
}
