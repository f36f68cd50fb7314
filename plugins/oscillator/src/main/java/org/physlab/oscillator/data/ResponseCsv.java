package org.physlab.oscillator.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measured responses |z| as text: one curve per row, values separated by commas, semicolons, tabs or
 * spaces; lines starting with '#' are comments and a first line without numbers is a header. A
 * single column (one value per line) is read as one curve. Every value must be a finite number.
 *
 * <p>{@link #resolve(String)} accepts either such text inline or the path of a file holding it.
 */
public final class ResponseCsv {
    private ResponseCsv() { }

    /** Largest file read. */
    static final long MAX_BYTES = 50L << 20;

    /**
     * Parses inline text, or reads the file it names.
     *
     * @return the curves, one per row
     * @throws IllegalArgumentException with a message naming the offending row and value
     */
    public static double[][] resolve(String textOrPath) {
        String s = textOrPath == null ? "" : textOrPath.strip();
        if (s.isEmpty()) throw new IllegalArgumentException("no curve given: pass |z| values or the path of a CSV file");
        if (looksInline(s)) return parse(s);
        Path file;
        try {
            file = Path.of(s);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("neither a list of numbers nor a file path: '" + abbreviate(s) + "'");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("neither a list of numbers nor a readable file: '" + abbreviate(s) + "'");
        }
        try {
            if (Files.size(file) > MAX_BYTES) throw new IllegalArgumentException("file " + file + " is larger than 50 MB");
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file.getFileName() + ": " + e.getMessage());
        }
    }

    private static boolean looksInline(String s) {
        if (s.indexOf('\n') >= 0) return true;
        // a path has a separator or a file name; a value list has digits and separators only
        String first = s.split("[,;\\s]+")[0];
        try {
            Double.parseDouble(first);
            return true;
        } catch (NumberFormatException e) {
            return first.equalsIgnoreCase("nan") || first.equalsIgnoreCase("inf") || first.equalsIgnoreCase("-inf");
        }
    }

    /** Parses CSV text into curves (rows). */
    public static double[][] parse(String text) {
        List<double[]> rows = new ArrayList<>();
        String[] lines = text.split("\\r?\\n|\\r");
        boolean headerAllowed = true;
        for (int l = 0; l < lines.length; l++) {
            String line = lines[l].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] tokens = line.split("\\s*[,;\\t ]\\s*");
            if (headerAllowed && isHeader(tokens)) {
                headerAllowed = false;
                continue;
            }
            double[] row = new double[tokens.length];
            for (int i = 0; i < tokens.length; i++) {
                String t = tokens[i].strip();
                double v = number(t);
                if (Double.isNaN(v) && !t.equalsIgnoreCase("nan")) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "line %d, value %d: '%s' is not a number", l + 1, i + 1, abbreviate(t)));
                }
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "line %d, value %d is %s: every |z| value must be a finite number", l + 1, i + 1, t));
                }
                row[i] = v;
            }
            rows.add(row);
            headerAllowed = false;
        }
        if (rows.isEmpty()) throw new IllegalArgumentException("no numbers found");
        boolean column = rows.size() > 1 && rows.stream().allMatch(r -> r.length == 1);
        if (column) {
            double[] curve = new double[rows.size()];
            for (int i = 0; i < curve.length; i++) curve[i] = rows.get(i)[0];
            return new double[][] {curve};
        }
        int length = rows.get(0).length;
        for (int i = 1; i < rows.size(); i++) {
            if (rows.get(i).length != length) {
                throw new IllegalArgumentException("row " + (i + 1) + " has " + rows.get(i).length + " values, row 1 has " + length);
            }
        }
        return rows.toArray(new double[0][]);
    }

    /** A header names columns: none of its fields is a number. */
    private static boolean isHeader(String[] tokens) {
        for (String t : tokens) {
            String x = t.strip();
            if (!Double.isNaN(number(x)) || x.equalsIgnoreCase("nan")) return false;
        }
        return true;
    }

    /** The value of a field; NaN when it is not a number (or is "NaN"). Accepts inf and -inf. */
    private static double number(String t) {
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            if (t.equalsIgnoreCase("nan")) return Double.NaN;
            if (t.equalsIgnoreCase("inf") || t.equalsIgnoreCase("+inf")) return Double.POSITIVE_INFINITY;
            if (t.equalsIgnoreCase("-inf")) return Double.NEGATIVE_INFINITY;
            return Double.NaN;
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
