package org.physlab.calabiyau.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.physlab.calabiyau.complex.Complex;

/**
 * Parses the {@code psi} parameter: one complex modulus ({@code 10+3i}), a comma-separated list
 * ({@code 0,1,10+3i}), or a polar grid {@code R1..R2/NRxNA}: NR radii evenly spaced from R1 to R2, each at
 * NA angles 2πj/NA, radius-major ({@code 1..100/5x10} is the tutorial's evaluation grid). A grid may be
 * listed beside single values ({@code 0,1..100/5x10}).
 */
public final class PsiValues {

    private static final Pattern GRID = Pattern.compile(
            "([0-9.eE+-]+)\\.\\.([0-9.eE+-]+)/([0-9]+)x([0-9]+)");
    private static final int MAX_VALUES = 10_000;

    private PsiValues() {
    }

    /**
     * @throws IllegalArgumentException naming the offending entry if an entry is not a finite complex
     *         number or a valid grid
     */
    public static List<Complex> parse(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("give at least one value of psi");
        List<Complex> values = new ArrayList<>();
        for (String raw : text.split(",")) {
            String entry = raw.strip();
            Matcher g = GRID.matcher(entry.replace(" ", ""));
            if (g.matches()) {
                addGrid(entry, g, values);
            } else {
                Complex psi = Complex.parse(entry);
                if (!psi.isFinite()) {
                    throw new IllegalArgumentException("psi = " + entry + " is not finite: both parts must be finite numbers");
                }
                values.add(psi);
            }
            if (values.size() > MAX_VALUES) throw new IllegalArgumentException("at most " + MAX_VALUES + " values of psi");
        }
        return values;
    }

    private static void addGrid(String entry, Matcher g, List<Complex> values) {
        double r1, r2;
        int nr, na;
        try {
            r1 = Double.parseDouble(g.group(1));
            r2 = Double.parseDouble(g.group(2));
            nr = Integer.parseInt(g.group(3));
            na = Integer.parseInt(g.group(4));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + entry + "' is not a grid R1..R2/NRxNA", e);
        }
        if (!Double.isFinite(r1) || !Double.isFinite(r2) || r1 < 0 || r2 < r1) {
            throw new IllegalArgumentException("grid '" + entry + "' needs finite radii 0 <= R1 <= R2");
        }
        if (nr < 1 || na < 1 || (long) nr * na > MAX_VALUES) {
            throw new IllegalArgumentException("grid '" + entry + "' needs 1 to " + MAX_VALUES + " values");
        }
        for (int i = 0; i < nr; i++) {
            double r = nr == 1 ? r1 : r1 + (r2 - r1) * i / (nr - 1);
            for (int j = 0; j < na; j++) values.add(Complex.polar(r, 2 * Math.PI * j / na));
        }
    }

    /** The error message for the text, or {@code null} if it parses (for a parameter check). */
    static String problem(Object text) {
        try {
            parse((String) text);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
