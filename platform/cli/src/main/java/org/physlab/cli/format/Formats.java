package org.physlab.cli.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** How numbers, values, times and ids look in the CLI's text output. */
public final class Formats {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private Formats() { }

    /**
     * A number in at most six significant digits: whole numbers plainly ({@code 200}), ordinary
     * magnitudes in positional notation ({@code 0.0123457}), tiny and huge ones in scientific
     * notation ({@code 1.5e-07}).
     */
    public static String number(double v) {
        if (!Double.isFinite(v)) return Double.toString(v);
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e7) {
            return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
        }
        String s = String.format(Locale.ROOT, "%.5e", v);             // 1.50000e-07
        int e = s.indexOf('e');
        String mantissa = s.substring(0, e).replaceAll("0+$", "").replaceAll("\\.$", "");
        String exponent = s.substring(e + 1);
        return mantissa + "e" + exponent;
    }

    /** A parameter value as a user would type it back: lists as {@code 100,100}, numbers via {@link #number}. */
    public static String value(Object v) {
        if (v == null) return "";
        if (v instanceof Double d) return number(d);
        if (v instanceof Float f) return number(f);
        if (v instanceof double[] d) return join(IntStream.range(0, d.length).mapToObj(i -> number(d[i])).toList());
        if (v instanceof int[] a) return join(IntStream.range(0, a.length).mapToObj(i -> Integer.toString(a[i])).toList());
        if (v instanceof Collection<?> c) return join(c.stream().map(Formats::value).toList());
        return v.toString();
    }

    private static String join(java.util.List<String> parts) {
        return parts.stream().collect(Collectors.joining(","));
    }

    /** {@code 0.42 s}, {@code 12.3 s}, {@code 3 min 05 s}, {@code 2 h 07 min}. */
    public static String duration(double seconds) {
        if (seconds < 10) return String.format(Locale.ROOT, "%.2f s", seconds);
        if (seconds < 60) return String.format(Locale.ROOT, "%.1f s", seconds);
        long s = Math.round(seconds);
        if (s < 3600) return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }

    /** Local date and time, or {@code -}. */
    public static String time(Instant t) {
        return t == null ? "-" : LOCAL.format(t);
    }

    /** Text squeezed to one line (newlines become spaces), for one-line messages. */
    public static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
