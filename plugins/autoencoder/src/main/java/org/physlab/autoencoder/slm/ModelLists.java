package org.physlab.autoencoder.slm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.nd4j.shade.jackson.core.JsonProcessingException;
import org.nd4j.shade.jackson.databind.DeserializationFeature;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.node.ArrayNode;
import org.nd4j.shade.jackson.databind.node.ObjectNode;
import org.physlab.autoencoder.cicy.CicyGeometry;

/**
 * Reads and writes lists of SU(5) line-bundle models.
 *
 * <p>Reads: JSON (a list of matrices; a list of objects with the matrix under {@code "V"} or {@code "charges"};
 * an object with such a list under {@code "models"}, as {@link #writeJson} writes), JSON lines (one matrix or
 * object per line, e.g. gymCICY's {@code model_info}), and CSV (one model per line, 5 x h11 integers line bundle by
 * line bundle; a non-numeric first line is a header). A matrix may be 5 x h11 (row = line bundle, gymCICY) or
 * h11 x 5 (row = Kaehler index, the talk and the database); a square 5 x 5 matrix is read in the orientation in
 * which c1(V) = 0 (rows = line bundles when both or neither give c1 = 0). Objects with the key
 * {@code "V_rows_kahler_cols_linebundles"} are always h11 x 5.
 */
public final class ModelLists {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RANK = 5;

    private ModelLists() { }

    /**
     * The models in a file, for the manifold whose h11 fixes the shape.
     *
     * @throws IllegalArgumentException if the file cannot be read or parsed, is empty, or a model has the wrong
     *         shape (the message names the model and its shape)
     */
    public static List<LineBundleSum> read(Path file, CicyGeometry geometry) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read model list " + file + ": " + e.getMessage(), e);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        List<LineBundleSum> models = name.endsWith(".csv") ? parseCsv(text, geometry.h11()) : parseJson(text, geometry.h11());
        if (models.isEmpty()) throw new IllegalArgumentException("model list " + file + " holds no models");
        return models;
    }

    /** Parses JSON or JSON lines (see the class comment). */
    public static List<LineBundleSum> parseJson(String text, int h11) {
        String trimmed = text.strip();
        List<JsonNode> items = new ArrayList<>();
        JsonNode root;
        try {
            root = JSON.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(trimmed);
        } catch (JsonProcessingException e) {
            root = null;     // not one document: JSON lines
        }
        if (root != null) {
            if (root.isObject() && root.has("models")) root = root.get("models");
            if (root.isArray() && !isMatrix(root)) root.forEach(items::add);
            else items.add(root);
        } else {
            int n = 0;
            for (String line : trimmed.split("\\R")) {
                n++;
                if (line.isBlank()) continue;
                try {
                    items.add(JSON.readTree(line));
                } catch (JsonProcessingException ex) {
                    throw new IllegalArgumentException("model list is neither JSON nor JSON lines (line " + n + "): " + ex.getOriginalMessage(), ex);
                }
            }
        }
        List<LineBundleSum> out = new ArrayList<>(items.size());
        for (int m = 0; m < items.size(); m++) out.add(model(items.get(m), m + 1, h11));
        return out;
    }

    private static boolean isMatrix(JsonNode node) {
        return node.isArray() && node.size() > 0 && node.get(0).isArray() && node.get(0).size() > 0 && node.get(0).get(0).isNumber();
    }

    private static LineBundleSum model(JsonNode item, int number, int h11) {
        boolean kahlerRows = false;
        JsonNode matrix = item;
        if (item.isObject()) {
            if (item.has("V_rows_kahler_cols_linebundles")) {
                matrix = item.get("V_rows_kahler_cols_linebundles");
                kahlerRows = true;
            } else if (item.has("V")) {
                matrix = item.get("V");
            } else if (item.has("charges")) {
                matrix = item.get("charges");
            } else {
                throw new IllegalArgumentException("model " + number + " is an object without \"V\" or \"charges\"");
            }
        }
        int[][] q = integers(matrix, number);
        return oriented(q, number, h11, kahlerRows);
    }

    private static int[][] integers(JsonNode matrix, int number) {
        if (!matrix.isArray() || matrix.isEmpty()) throw new IllegalArgumentException("model " + number + " is not a matrix: " + abbreviate(matrix));
        int[][] q = new int[matrix.size()][];
        for (int r = 0; r < q.length; r++) {
            JsonNode row = matrix.get(r);
            if (!row.isArray()) throw new IllegalArgumentException("model " + number + ", row " + (r + 1) + " is not a list: " + abbreviate(row));
            q[r] = new int[row.size()];
            for (int c = 0; c < q[r].length; c++) {
                if (!row.get(c).isIntegralNumber()) {
                    throw new IllegalArgumentException("model " + number + ", row " + (r + 1) + ": '" + row.get(c) + "' is not an integer charge");
                }
                q[r][c] = row.get(c).intValue();
            }
            if (q[r].length != q[0].length) {
                throw new IllegalArgumentException("model " + number + " is ragged: row " + (r + 1) + " has " + q[r].length
                        + " entries, row 1 has " + q[0].length);
            }
        }
        return q;
    }

    private static LineBundleSum oriented(int[][] q, int number, int h11, boolean kahlerRows) {
        int rows = q.length, cols = q[0].length;
        String shape = rows + " x " + cols;
        if (kahlerRows) {
            if (rows != h11 || cols != RANK) throw wrongShape(number, shape, h11);
            return LineBundleSum.fromKahlerRows(q);
        }
        boolean lineBundleRows = rows == RANK && cols == h11;
        boolean kahler = rows == h11 && cols == RANK;
        if (lineBundleRows && kahler) {
            // square (h11 = 5): the orientation in which the line bundles sum to zero
            LineBundleSum asRows = LineBundleSum.of(q);
            boolean rowsZero = java.util.Arrays.stream(asRows.c1()).allMatch(x -> x == 0);
            boolean colsZero = java.util.Arrays.stream(LineBundleSum.fromKahlerRows(q).c1()).allMatch(x -> x == 0);
            return colsZero && !rowsZero ? LineBundleSum.fromKahlerRows(q) : asRows;
        }
        if (lineBundleRows) return LineBundleSum.of(q);
        if (kahler) return LineBundleSum.fromKahlerRows(q);
        throw wrongShape(number, shape, h11);
    }

    private static IllegalArgumentException wrongShape(int number, String shape, int h11) {
        return new IllegalArgumentException("model " + number + " has shape " + shape + "; expected " + RANK + " x " + h11
                + " (a line bundle per row) or " + h11 + " x " + RANK + " (a Kaehler index per row) for h11 = " + h11);
    }

    /** Parses CSV: one model per line, 5*h11 integers line bundle by line bundle. */
    public static List<LineBundleSum> parseCsv(String text, int h11) {
        List<LineBundleSum> out = new ArrayList<>();
        String[] lines = text.split("\\R");
        int expected = RANK * h11;
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] cells = line.split("[,;\\s]+");
            if (out.isEmpty() && n == firstContentLine(lines) && !cells[0].matches("[-+]?\\d+")) continue;   // header
            if (cells.length != expected) {
                throw new IllegalArgumentException("model " + (out.size() + 1) + " (line " + (n + 1) + ") has " + cells.length
                        + " values; expected " + expected + " = 5 line bundles x h11 = " + h11);
            }
            int[][] q = new int[RANK][h11];
            for (int c = 0; c < cells.length; c++) {
                try {
                    q[c / h11][c % h11] = Integer.parseInt(cells[c].replace("+", ""));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("model " + (out.size() + 1) + " (line " + (n + 1) + "): '" + cells[c] + "' is not an integer charge", e);
                }
            }
            out.add(LineBundleSum.of(q));
        }
        return out;
    }

    private static int firstContentLine(String[] lines) {
        for (int n = 0; n < lines.length; n++) if (!lines[n].isBlank() && !lines[n].strip().startsWith("#")) return n;
        return -1;
    }

    /**
     * The models as JSON: {@code {"orientation": "line bundle per row", "h11": h, "models": [[[q_1^1, ...], ...], ...]}},
     * which {@link #read} reads back.
     */
    public static byte[] writeJson(List<LineBundleSum> models) {
        ObjectNode root = JSON.createObjectNode();
        root.put("orientation", "line bundle per row");
        root.put("h11", models.isEmpty() ? 0 : models.get(0).h11());
        ArrayNode list = root.putArray("models");
        for (LineBundleSum m : models) {
            ArrayNode matrix = list.addArray();
            for (int[] k : m.charges()) {
                ArrayNode row = matrix.addArray();
                for (int q : k) row.add(q);
            }
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(JsonNode node) {
        String s = node.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
