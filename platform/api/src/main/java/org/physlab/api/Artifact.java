package org.physlab.api;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Something a run produces for people to look at or reuse, stored as data so the UI can draw and
 * compare it (not only as a picture). Each kind is a record below; every artifact has a
 * {@link #name()} unique within its run (letters, digits, '-', '_', '.') and a human {@link #title()}.
 *
 * <pre>{@code
 * run.artifact(new Artifact.LineChart("loss", "Training loss", "batch", "loss", false, true,
 *         List.of(new Artifact.Series("train", steps, losses))));
 * run.artifact(Artifact.Scatter.predictedVsTrue("omega0", "ω₀: predicted vs true", truth, predicted));
 * run.artifact(Artifact.FileArtifact.of("model", "Trained network", "application/zip", bytes));
 * }</pre>
 */
public sealed interface Artifact permits Artifact.LineChart, Artifact.Scatter, Artifact.Heatmap,
        Artifact.TriangleMesh, Artifact.Matrix, Artifact.Table, Artifact.FileArtifact {

    /** Unique within the run; used in URLs and file names. */
    String name();

    /** Shown above the artifact. */
    String title();

    /** The kind, as stored: {@code line}, {@code scatter}, {@code heatmap}, {@code mesh}, {@code matrix}, {@code table}, {@code file}. */
    String kind();

    /** Checks a name: letters, digits, '-', '_' and '.', 1 to 100 characters. */
    static String checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (!Names.PATTERN.matcher(name).matches()) {
            throw new IllegalArgumentException("artifact name '" + name
                    + "' must be 1-100 letters, digits, '-', '_' or '.', starting with a letter or digit");
        }
        return name;
    }

    /** Holds the name pattern (interfaces cannot have private static fields). */
    final class Names {
        private static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

        private Names() { }
    }

    /**
     * One named series of points.
     *
     * @param name legend entry
     * @param x    abscissae (same length as {@code y})
     * @param y    ordinates; NaN marks a gap
     */
    record Series(String name, double[] x, double[] y) {
        public Series {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(x, "x");
            Objects.requireNonNull(y, "y");
            if (x.length != y.length) {
                throw new IllegalArgumentException("series '" + name + "': x has " + x.length + " points, y has " + y.length);
            }
        }

        /** A series over 0, 1, 2, … */
        public static Series of(String name, double[] y) {
            double[] x = new double[y.length];
            Arrays.setAll(x, i -> i);
            return new Series(name, x, y);
        }
    }

    /** Line series on shared axes, e.g. a loss curve (log y) or |z| against drive frequency. */
    record LineChart(String name, String title, String xLabel, String yLabel, boolean logX, boolean logY,
                     List<Series> series) implements Artifact {
        public LineChart {
            checkName(name);
            series = List.copyOf(series);
        }

        public String kind() {
            return "line";
        }
    }

    /**
     * Points, e.g. predicted against true values; {@code identityLine} draws y = x.
     */
    record Scatter(String name, String title, String xLabel, String yLabel, boolean identityLine,
                   List<Series> series) implements Artifact {
        public Scatter {
            checkName(name);
            series = List.copyOf(series);
        }

        public String kind() {
            return "scatter";
        }

        /** The usual predicted-against-true plot with the identity line. */
        public static Scatter predictedVsTrue(String name, String title, double[] truth, double[] predicted) {
            return new Scatter(name, title, "true", "predicted", true, List.of(new Series("samples", truth, predicted)));
        }
    }

    /**
     * A 2-D image or heatmap: {@code values[row][column]}, rows along y from {@code yMin} to {@code yMax},
     * columns along x from {@code xMin} to {@code xMax}.
     */
    record Heatmap(String name, String title, double[][] values, double xMin, double xMax, double yMin,
                   double yMax, String xLabel, String yLabel, String valueLabel) implements Artifact {
        public Heatmap {
            checkName(name);
            Objects.requireNonNull(values, "values");
            for (double[] row : values) {
                if (row.length != values[0].length) throw new IllegalArgumentException("heatmap '" + name + "' has ragged rows");
            }
        }

        public String kind() {
            return "heatmap";
        }
    }

    /**
     * One layer of a triangle mesh: 2-D or 3-D vertex positions, faces as vertex-index triples, and
     * optional values per vertex or per face (e.g. area strain) for colouring.
     */
    record MeshLayer(String label, double[][] vertices, int[][] faces, double[] vertexValues, double[] faceValues) {
        public MeshLayer {
            Objects.requireNonNull(vertices, "vertices");
            Objects.requireNonNull(faces, "faces");
            for (int[] f : faces) {
                if (f.length != 3) throw new IllegalArgumentException("mesh faces must be triangles");
                for (int v : f) {
                    if (v < 0 || v >= vertices.length) throw new IllegalArgumentException("face refers to missing vertex " + v);
                }
            }
            if (vertexValues != null && vertexValues.length != vertices.length) {
                throw new IllegalArgumentException("one vertex value per vertex expected");
            }
            if (faceValues != null && faceValues.length != faces.length) {
                throw new IllegalArgumentException("one face value per face expected");
            }
        }
    }

    /** Triangle meshes drawn on top of each other, e.g. before and after relaxation. */
    record TriangleMesh(String name, String title, List<MeshLayer> layers, String valueLabel) implements Artifact {
        public TriangleMesh {
            checkName(name);
            layers = List.copyOf(layers);
        }

        public String kind() {
            return "mesh";
        }
    }

    /** A numeric matrix with optional row and column labels, e.g. a Fisher matrix. */
    record Matrix(String name, String title, double[][] values, List<String> rowLabels, List<String> columnLabels)
            implements Artifact {
        public Matrix {
            checkName(name);
            Objects.requireNonNull(values, "values");
            rowLabels = List.copyOf(rowLabels == null ? List.of() : rowLabels);
            columnLabels = List.copyOf(columnLabels == null ? List.of() : columnLabels);
        }

        public String kind() {
            return "matrix";
        }
    }

    /** A table of numbers and text, e.g. parameter counts per layer. Cells are String, Number or Boolean. */
    record Table(String name, String title, List<String> columns, List<List<Object>> rows) implements Artifact {
        public Table {
            checkName(name);
            List<String> cols = List.copyOf(columns);
            List<List<Object>> copied = new java.util.ArrayList<>();
            for (List<Object> r : rows) {
                if (r.size() != cols.size()) {
                    throw new IllegalArgumentException("table '" + name + "': a row has " + r.size() + " cells, expected " + cols.size());
                }
                copied.add(java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r)));
            }
            columns = cols;
            rows = java.util.Collections.unmodifiableList(copied);
        }

        public String kind() {
            return "table";
        }
    }

    /** An opaque file: a trained model, a CSV, an OBJ mesh. */
    record FileArtifact(String name, String title, String mediaType, String fileName, byte[] content) implements Artifact {
        public FileArtifact {
            checkName(name);
            Objects.requireNonNull(content, "content");
            mediaType = mediaType == null ? "application/octet-stream" : mediaType;
            fileName = fileName == null ? name : fileName;
        }

        public static FileArtifact of(String name, String title, String mediaType, byte[] content) {
            return new FileArtifact(name, title, mediaType, name, content);
        }

        public String kind() {
            return "file";
        }
    }
}
