package org.physlab.web.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.physlab.api.Artifact;
import org.physlab.api.Artifact.MeshLayer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class MeshSvgTest {
    /** A unit square split into two triangles. */
    static final double[][] SQUARE = {{0, 0}, {1, 0}, {1, 1}, {0, 1}};
    static final int[][] TWO_TRIANGLES = {{0, 1, 2}, {0, 2, 3}};

    @Test
    void onePolygonPerFaceInEveryLayer() throws Exception {
        double[][] stretched = {{0, 0}, {1.2, 0}, {1.2, 1.1}, {0, 1.1}};
        Artifact.TriangleMesh mesh = new Artifact.TriangleMesh("relax", "Relaxation", List.of(
                new MeshLayer("before", SQUARE, TWO_TRIANGLES, null, null),
                new MeshLayer("after", stretched, TWO_TRIANGLES, null, new double[] {0.1, 0.3})), "area strain");
        Document svg = parse(MeshSvg.draw(mesh).svg());
        NodeList layers = svg.getElementsByTagName("g");
        assertEquals(2, layers.getLength());
        assertEquals("after", ((Element) layers.item(0)).getAttribute("data-layer"), "the coloured layer lies underneath");
        assertEquals("before", ((Element) layers.item(1)).getAttribute("data-layer"), "the outlines are drawn over it");
        for (int i = 0; i < 2; i++) {
            assertEquals(2, ((Element) layers.item(i)).getElementsByTagName("polygon").getLength());
        }
        assertEquals(4, svg.getElementsByTagName("polygon").getLength());
    }

    @Test
    void facesAreColouredByTheirValuesOnOneScale() throws Exception {
        Artifact.TriangleMesh mesh = new Artifact.TriangleMesh("m", "m", List.of(
                new MeshLayer("strain", SQUARE, TWO_TRIANGLES, null, new double[] {-2, 6})), "strain");
        MeshSvg.Drawing drawing = MeshSvg.draw(mesh);
        assertEquals(-2, drawing.scale().min());
        assertEquals(6, drawing.scale().max());
        NodeList faces = parse(drawing.svg()).getElementsByTagName("polygon");
        assertEquals("#440154", ((Element) faces.item(0)).getAttribute("fill"));
        assertEquals("#fde725", ((Element) faces.item(1)).getAttribute("fill"));
    }

    @Test
    void vertexValuesColourEachFaceByTheirMean() {
        MeshLayer layer = new MeshLayer("v", SQUARE, TWO_TRIANGLES, new double[] {0, 3, 6, 9}, null);
        double[] perFace = MeshSvg.valuesPerFace(layer);
        assertEquals(3, perFace[0], 1e-12);
        assertEquals(5, perFace[1], 1e-12);
    }

    @Test
    void aLayerWithoutValuesIsDrawnAsOutlinesDashedUnderTheTopLayer() throws Exception {
        Artifact.TriangleMesh mesh = new Artifact.TriangleMesh("m", "m", List.of(
                new MeshLayer("before", SQUARE, TWO_TRIANGLES, null, null),
                new MeshLayer("after", SQUARE, TWO_TRIANGLES, null, null)), null);
        MeshSvg.Drawing drawing = MeshSvg.draw(mesh);
        assertNull(drawing.scale());
        NodeList layers = parse(drawing.svg()).getElementsByTagName("g");
        Element before = (Element) layers.item(0);
        Element after = (Element) layers.item(1);
        assertEquals("none", before.getAttribute("fill"));
        assertEquals("4 3", before.getAttribute("stroke-dasharray"));
        assertEquals("", after.getAttribute("stroke-dasharray"), "the top layer is solid");
        assertTrue(drawing.styles().get(0).dashed());
        assertEquals(false, drawing.styles().get(1).dashed());
    }

    @Test
    void theAspectRatioIsThatOfTheMeshAndYPointsUp() throws Exception {
        double[][] wide = {{0, 0}, {4, 0}, {4, 1}, {0, 1}};
        Artifact.TriangleMesh mesh = new Artifact.TriangleMesh("m", "m", List.of(new MeshLayer("w", wide, TWO_TRIANGLES, null, null)), null);
        Element root = parse(MeshSvg.draw(mesh).svg()).getDocumentElement();
        String[] box = root.getAttribute("viewBox").split(" ");
        double width = Double.parseDouble(box[2]);
        double height = Double.parseDouble(box[3]);
        // Drawing area 584 × 146 plus 8 units of padding on each side.
        assertEquals(4.0, (width - 16) / (height - 16), 1e-6);
        String[] firstFace = ((Element) root.getElementsByTagName("polygon").item(0)).getAttribute("points").split(" ");
        double yOfBottomVertex = Double.parseDouble(firstFace[0].split(",")[1]);
        double yOfTopVertex = Double.parseDouble(firstFace[2].split(",")[1]);
        assertTrue(yOfTopVertex < yOfBottomVertex, "larger y is drawn higher up");
    }

    @Test
    void facesTouchingAVertexWithoutFiniteCoordinatesAreLeftOut() throws Exception {
        double[][] broken = {{0, 0}, {1, 0}, {1, 1}, {Double.NaN, 1}};
        Artifact.TriangleMesh mesh = new Artifact.TriangleMesh("m", "m", List.of(new MeshLayer("b", broken, TWO_TRIANGLES, null, null)), null);
        assertEquals(1, parse(MeshSvg.draw(mesh).svg()).getElementsByTagName("polygon").getLength());
    }

    @Test
    void labelsAreEscaped() throws Exception {
        Artifact.TriangleMesh mesh = new Artifact.TriangleMesh("m", "m", List.of(
                new MeshLayer("<a & \"b\">", SQUARE, TWO_TRIANGLES, null, new double[] {1, 2})), null);
        Element layer = (Element) parse(MeshSvg.draw(mesh).svg()).getElementsByTagName("g").item(0);
        assertEquals("<a & \"b\">", layer.getAttribute("data-layer"));
    }

    @Test
    void aMeshWithoutLayersOrVerticesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> MeshSvg.draw(new Artifact.TriangleMesh("m", "m", List.of(), null)));
        assertThrows(IllegalArgumentException.class, () -> MeshSvg.draw(new Artifact.TriangleMesh("m", "m",
                List.of(new MeshLayer("empty", new double[0][], new int[0][], null, null)), null)));
    }

    static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
