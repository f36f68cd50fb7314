package org.physlab.web.artifacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.physlab.api.Artifact;
import org.physlab.web.charts.SeriesChart;

/**
 * Draws a {@link Artifact.TriangleMesh} as SVG: every layer on the same axes (e.g. before and after
 * relaxation), one {@code <polygon>} per face, x to the right and y up, with equal aspect so shapes are
 * not distorted. Faces are coloured by their value (the face's own, or the mean of its three vertex
 * values) on one {@link ColorScale} shared by all layers; a layer without values is drawn as outlines
 * in its own colour over the filled ones, dashed unless it is the last layer. 3-D vertices are seen from above
 * (z is dropped).
 *
 * <pre>{@code
 * MeshSvg.Drawing d = MeshSvg.draw(mesh);
 * String svg = d.svg();           // for an <img> or a download
 * ColorScale scale = d.scale();   // null when no layer has values
 * }</pre>
 */
public final class MeshSvg {
    /** Width of the drawing area in SVG units (the height follows the mesh's aspect). */
    static final double SIZE = 600;
    private static final double PAD = 8;
    /** Above this many faces, per-face hover titles are left out to keep the SVG small. */
    private static final int MAX_TITLED_FACES = 2000;

    private MeshSvg() { }

    /** How one layer is drawn: its outline colour, whether dashed, and whether its faces are filled by value. */
    public record LayerStyle(String label, String stroke, boolean dashed, boolean filledByValue) { }

    /** The SVG text, the colour scale of the values (null without values), and each layer's style. */
    public record Drawing(String svg, ColorScale scale, List<LayerStyle> styles) { }

    /** Draws every layer of the mesh. */
    public static Drawing draw(Artifact.TriangleMesh mesh) {
        List<Artifact.MeshLayer> layers = mesh.layers();
        if (layers.isEmpty()) throw new IllegalArgumentException("mesh '" + mesh.name() + "' has no layers");
        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        List<double[]> faceValues = new ArrayList<>();
        for (Artifact.MeshLayer layer : layers) {
            for (double[] v : layer.vertices()) {
                if (v.length < 2) throw new IllegalArgumentException("mesh layer '" + layer.label() + "' has a vertex with fewer than 2 coordinates");
                if (!Double.isFinite(v[0]) || !Double.isFinite(v[1])) continue;
                minX = Math.min(minX, v[0]);
                maxX = Math.max(maxX, v[0]);
                minY = Math.min(minY, v[1]);
                maxY = Math.max(maxY, v[1]);
            }
            faceValues.add(valuesPerFace(layer));
        }
        if (!(minX <= maxX)) throw new IllegalArgumentException("mesh '" + mesh.name() + "' has no vertex with finite coordinates");
        ColorScale scale = ColorScale.of(faceValues.stream().filter(java.util.Objects::nonNull).toArray(double[][]::new));

        double span = Math.max(maxX - minX, maxY - minY);
        double unit = span == 0 ? 1 : (SIZE - 2 * PAD) / span;
        double width = (maxX - minX) * unit + 2 * PAD;
        double height = (maxY - minY) * unit + 2 * PAD;
        StringBuilder svg = new StringBuilder(256 + 80 * layers.stream().mapToInt(l -> l.faces().length).sum());
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(num(width)).append(' ').append(num(height))
                .append("\" width=\"").append(num(width)).append("\" height=\"").append(num(height))
                .append("\" preserveAspectRatio=\"xMidYMid meet\" stroke-linejoin=\"round\">\n");
        List<LayerStyle> styles = new ArrayList<>();
        // Only one layer is filled by value (the last one that has values, e.g. "after"); the others are
        // drawn as outlines over it, so that a "before" never hides under the "after".
        int filledLayer = -1;
        for (int i = 0; i < layers.size(); i++) if (faceValues.get(i) != null && scale != null) filledLayer = i;
        for (int i = 0; i < layers.size(); i++) {
            Artifact.MeshLayer layer = layers.get(i);
            boolean top = i == layers.size() - 1;
            boolean filled = i == filledLayer;
            styles.add(new LayerStyle(layer.label() == null || layer.label().isBlank() ? "layer " + (i + 1) : layer.label(),
                    SeriesChart.paletteColor(i), !filled && !top, filled));
        }
        // Filled layers first, outlines over them, so an outline (e.g. "before") stays visible on a coloured "after".
        for (boolean filledPass : new boolean[] {true, false}) {
            for (int i = 0; i < layers.size(); i++) {
                if (styles.get(i).filledByValue() == filledPass) {
                    layer(svg, layers.get(i), styles.get(i), faceValues.get(i), scale, i == layers.size() - 1, minX, maxY, unit);
                }
            }
        }
        svg.append("</svg>\n");
        return new Drawing(svg.toString(), scale, List.copyOf(styles));
    }

    private static void layer(StringBuilder svg, Artifact.MeshLayer layer, LayerStyle style, double[] values, ColorScale scale,
                              boolean top, double minX, double maxY, double unit) {
        svg.append("<g class=\"layer\" data-layer=\"").append(escape(style.label())).append("\" stroke=\"")
                .append(style.filledByValue() ? "#333333" : style.stroke()).append("\" stroke-width=\"")
                .append(style.filledByValue() ? "0.5" : "1.2").append('"');
        if (style.dashed()) svg.append(" stroke-dasharray=\"4 3\"");
        if (!style.filledByValue()) svg.append(" fill=\"none\"");
        else if (!top) svg.append(" fill-opacity=\"0.45\"");
        svg.append(">\n");
        boolean titled = style.filledByValue() && layer.faces().length <= MAX_TITLED_FACES;
        double[][] vertices = layer.vertices();
        for (int f = 0; f < layer.faces().length; f++) {
            int[] face = layer.faces()[f];
            if (!finite(vertices, face)) continue;
            svg.append("<polygon points=\"");
            for (int k = 0; k < 3; k++) {
                double[] v = vertices[face[k]];
                if (k > 0) svg.append(' ');
                svg.append(num((v[0] - minX) * unit + PAD)).append(',').append(num((maxY - v[1]) * unit + PAD));
            }
            svg.append('"');
            if (style.filledByValue()) svg.append(" fill=\"").append(scale.hex(values[f])).append('"');
            if (titled) {
                svg.append("><title>").append(escape(style.label())).append(" face ").append(f).append(": ")
                        .append(org.physlab.web.Formats.number(values[f])).append("</title></polygon>\n");
            } else {
                svg.append("/>\n");
            }
        }
        svg.append("</g>\n");
    }

    /** The value of each face: its own, or the mean of its vertices' values; null when the layer has neither. */
    static double[] valuesPerFace(Artifact.MeshLayer layer) {
        if (layer.faceValues() != null) return layer.faceValues();
        if (layer.vertexValues() == null) return null;
        double[] v = layer.vertexValues();
        double[] out = new double[layer.faces().length];
        for (int f = 0; f < out.length; f++) {
            int[] face = layer.faces()[f];
            out[f] = (v[face[0]] + v[face[1]] + v[face[2]]) / 3;
        }
        return out;
    }

    private static boolean finite(double[][] vertices, int[] face) {
        for (int k : face) {
            if (!Double.isFinite(vertices[k][0]) || !Double.isFinite(vertices[k][1])) return false;
        }
        return true;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
