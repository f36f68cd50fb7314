package org.physlab.web.artifacts;

/**
 * Maps values onto a {@link ColorMap}: {@code min} gets the map's first colour, {@code max} its last.
 * Built from the finite values of the data; NaN and infinite values are drawn as missing.
 *
 * <pre>{@code
 * ColorScale scale = ColorScale.of(values);     // min and max of the finite values
 * int rgb = scale.rgb(values[3][4]);
 * }</pre>
 *
 * @param min the value drawn with the first colour (equal to {@code max} when the data are constant)
 * @param max the value drawn with the last colour
 */
public record ColorScale(double min, double max, ColorMap map) {
    public ColorScale {
        if (!(min <= max)) throw new IllegalArgumentException("colour scale needs min <= max, got " + min + " and " + max);
    }

    /** A scale over the finite values of a 2-D array, or null when it holds none. */
    public static ColorScale of(double[][] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : values) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return min <= max ? new ColorScale(min, max, ColorMap.VIRIDIS) : null;
    }

    /** A scale over the finite values of one array, or null when it holds none. */
    public static ColorScale of(double[] values) {
        return of(new double[][] {values});
    }

    /** Where {@code value} lies between min (0) and max (1); 0.5 for constant data; NaN for a missing value. */
    public double fraction(double value) {
        if (!Double.isFinite(value)) return Double.NaN;
        if (max == min) return 0.5;
        return (value - min) / (max - min);
    }

    /** The colour of {@code value} as 0xRRGGBB. */
    public int rgb(double value) {
        return map.rgb(fraction(value));
    }

    /** The colour of {@code value} as CSS {@code #rrggbb}. */
    public String hex(double value) {
        return ColorMap.hex(rgb(value));
    }
}
