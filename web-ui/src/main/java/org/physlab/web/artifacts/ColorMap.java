package org.physlab.web.artifacts;

import java.util.Locale;

/**
 * A perceptually uniform colour map (viridis, as in matplotlib): dark blue-violet for the smallest
 * values through teal and green to yellow for the largest, readable in grey-scale print and by most
 * colour-blind readers. Colours between the stored stops are interpolated linearly in RGB.
 *
 * <pre>{@code
 * int rgb = ColorMap.VIRIDIS.rgb(0.5);        // 0x21918c
 * String css = ColorMap.VIRIDIS.hex(1.0);     // "#fde725"
 * }</pre>
 */
public final class ColorMap {
    /** matplotlib's viridis at 0, 0.1, …, 1. */
    public static final ColorMap VIRIDIS = new ColorMap(new int[] {
        0x440154, 0x482475, 0x414487, 0x355f8d, 0x2a788e, 0x21918c, 0x22a884, 0x44bf70, 0x7ad151, 0xbddf26, 0xfde725});

    /** The colour drawn where a value is missing (NaN or infinite). */
    public static final int MISSING = 0xd0d0d0;

    private final int[] stops;

    private ColorMap(int[] stops) {
        this.stops = stops.clone();
    }

    /** The colour at {@code fraction} (0 = lowest, 1 = highest; clamped), as 0xRRGGBB; {@link #MISSING} for NaN. */
    public int rgb(double fraction) {
        if (Double.isNaN(fraction)) return MISSING;
        double t = Math.max(0, Math.min(1, fraction)) * (stops.length - 1);
        int i = Math.min((int) Math.floor(t), stops.length - 2);
        double f = t - i;
        int a = stops[i];
        int b = stops[i + 1];
        return mix(a >> 16 & 0xff, b >> 16 & 0xff, f) << 16 | mix(a >> 8 & 0xff, b >> 8 & 0xff, f) << 8 | mix(a & 0xff, b & 0xff, f);
    }

    /** The colour at {@code fraction} as CSS {@code #rrggbb}. */
    public String hex(double fraction) {
        return hex(rgb(fraction));
    }

    /** A CSS linear gradient through the whole map, lowest value first, e.g. {@code to top} for a vertical colour bar. */
    public String cssGradient(String direction) {
        StringBuilder css = new StringBuilder("linear-gradient(").append(direction);
        for (int i = 0; i < stops.length; i++) css.append(", ").append(hex(stops[i]));
        return css.append(')').toString();
    }

    /** Black or white, whichever reads better on {@code rgb} (by its relative luminance). */
    public static String textColorOn(int rgb) {
        double luminance = 0.2126 * linear(rgb >> 16 & 0xff) + 0.7152 * linear(rgb >> 8 & 0xff) + 0.0722 * linear(rgb & 0xff);
        return luminance > 0.179 ? "#000000" : "#ffffff";
    }

    /** {@code 0xRRGGBB} as {@code #rrggbb}. */
    public static String hex(int rgb) {
        return String.format(Locale.ROOT, "#%06x", rgb & 0xffffff);
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
