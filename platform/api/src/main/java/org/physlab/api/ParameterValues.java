package org.physlab.api;

import java.util.Collection;
import java.util.Locale;

/** Parses user input (text from a command line, or JSON values) into a parameter's Java type. */
final class ParameterValues {
    private ParameterValues() { }

    /**
     * @return {@code Long} for INT, {@code Double} for DOUBLE, {@code Boolean}, {@code String} for ENUM and
     * STRING, {@code double[]} for DOUBLE_LIST, {@code int[]} for INT_LIST
     * @throws IllegalArgumentException with a message naming what was expected
     */
    static Object parse(ParameterType type, Object raw) {
        if (raw == null) throw new IllegalArgumentException("no value");
        return switch (type) {
            case INT -> parseLong(raw);
            case DOUBLE -> parseDouble(raw);
            case BOOLEAN -> parseBoolean(raw);
            case ENUM, STRING -> raw instanceof String s ? s : String.valueOf(raw);
            case DOUBLE_LIST -> {
                Object[] items = items(raw);
                double[] out = new double[items.length];
                for (int i = 0; i < items.length; i++) {
                    Object item = items[i];
                    out[i] = element(i, () -> parseDouble(item));
                }
                yield out;
            }
            case INT_LIST -> {
                Object[] items = items(raw);
                int[] out = new int[items.length];
                for (int i = 0; i < items.length; i++) {
                    Object item = items[i];
                    long v = element(i, () -> parseLong(item));
                    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                        throw new IllegalArgumentException("element " + (i + 1) + " is out of the int range");
                    }
                    out[i] = (int) v;
                }
                yield out;
            }
        };
    }

    private interface Parse<T> { T get(); }

    private static <T> T element(int i, Parse<T> p) {
        try {
            return p.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("element " + (i + 1) + ": " + e.getMessage());
        }
    }

    private static Long parseLong(Object raw) {
        if (raw instanceof Long l) return l;
        if (raw instanceof Integer || raw instanceof Short || raw instanceof Byte) return ((Number) raw).longValue();
        if (raw instanceof Number n) {
            double d = n.doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 9.0e15) return (long) d;
            throw new IllegalArgumentException("expected an integer, got " + raw);
        }
        String s = text(raw);
        try {
            return Long.parseLong(s.replace("_", ""));
        } catch (NumberFormatException e) {
            try {
                double d = Double.parseDouble(s);            // accept 1e3 and 200.0
                if (d == Math.rint(d) && Math.abs(d) < 9.0e15) return (long) d;
            } catch (NumberFormatException ignored) {
                // fall through to the error below
            }
            throw new IllegalArgumentException("expected an integer, got '" + s + "'");
        }
    }

    private static Double parseDouble(Object raw) {
        double d;
        if (raw instanceof Number n) {
            d = n.doubleValue();
        } else {
            String s = text(raw);
            try {
                d = Double.parseDouble(s.replace("_", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a number, got '" + s + "'");
            }
        }
        if (!Double.isFinite(d)) throw new IllegalArgumentException("must be a finite number, got " + d);
        return d;
    }

    private static Boolean parseBoolean(Object raw) {
        if (raw instanceof Boolean b) return b;
        String s = text(raw).toLowerCase(Locale.ROOT);
        return switch (s) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException("expected true or false, got '" + s + "'");
        };
    }

    private static Object[] items(Object raw) {
        if (raw instanceof double[] d) {
            Object[] o = new Object[d.length];
            for (int i = 0; i < d.length; i++) o[i] = d[i];
            return o;
        }
        if (raw instanceof int[] a) {
            Object[] o = new Object[a.length];
            for (int i = 0; i < a.length; i++) o[i] = (long) a[i];
            return o;
        }
        if (raw instanceof Collection<?> c) return c.toArray();
        if (raw instanceof Object[] arr) return arr.clone();
        if (raw instanceof Number n) return new Object[] {n};
        String s = text(raw);
        if (s.startsWith("[") && s.endsWith("]")) s = s.substring(1, s.length() - 1).trim();
        if (s.isEmpty()) return new Object[0];
        return s.split("\\s*[,;]\\s*|\\s+");
    }

    private static String text(Object raw) {
        return String.valueOf(raw).trim();
    }
}
