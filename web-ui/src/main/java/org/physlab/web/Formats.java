package org.physlab.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How numbers, times and durations read in the web UI. */
public final class Formats {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private Formats() { }

    /** A metric or parameter value: 4 significant digits, scientific notation for very small or large values. */
    public static String number(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "∞" : "-∞";
        if (v == Math.rint(v) && Math.abs(v) < 1e9) return Long.toString((long) v);
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e6)) return String.format(Locale.ROOT, "%.3e", v);
        return String.format(Locale.ROOT, "%.4g", v);
    }

    /** e.g. {@code 0.8 s}, {@code 12 s}, {@code 3 min 05 s}, {@code 2 h 01 min}. */
    public static String duration(double seconds) {
        if (seconds < 10) return String.format(Locale.ROOT, "%.1f s", seconds);
        long s = Math.round(seconds);
        if (s < 60) return s + " s";
        if (s < 3600) return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }

    /** Local date and time, or "" for null. */
    public static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }
}
