package org.physlab.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Validated parameter values, each of its declared type. Obtain them from
 * {@link RunContext#parameters()} or {@link ParameterSchema#validate}.
 */
public final class Parameters {
    private final Map<String, Object> values;

    Parameters(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public int getInt(String name) {
        return Math.toIntExact(get(name, Long.class));
    }

    public long getLong(String name) {
        return get(name, Long.class);
    }

    public double getDouble(String name) {
        Object v = value(name);
        if (v instanceof Long l) return l;           // an INT parameter read as a double
        return cast(name, v, Double.class);
    }

    public boolean getBoolean(String name) {
        return get(name, Boolean.class);
    }

    /** The value of a STRING or ENUM parameter. */
    public String getString(String name) {
        return get(name, String.class);
    }

    /** The value of an ENUM parameter as a constant of {@code type}, matched ignoring case and '-' vs '_'. */
    public <E extends Enum<E>> E getEnum(String name, Class<E> type) {
        String s = getString(name).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(s)) return e;
        }
        throw new IllegalArgumentException("'" + getString(name) + "' is not a constant of " + type.getSimpleName());
    }

    /** A copy of a DOUBLE_LIST value. */
    public double[] getDoubles(String name) {
        return get(name, double[].class).clone();
    }

    /** A copy of an INT_LIST value. */
    public int[] getInts(String name) {
        return get(name, int[].class).clone();
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /**
     * Every value, in schema order, as JSON-friendly Java values (Long, Double, Boolean, String,
     * double[] or int[]). This is what a run records.
     */
    public Map<String, Object> asMap() {
        return values;
    }

    private <T> T get(String name, Class<T> type) {
        return cast(name, value(name), type);
    }

    private Object value(String name) {
        Object v = values.get(name);
        if (v == null) throw new NoSuchElementException("no parameter '" + name + "' (known: " + values.keySet() + ")");
        return v;
    }

    private static <T> T cast(String name, Object v, Class<T> type) {
        if (!type.isInstance(v)) {
            throw new ClassCastException("parameter '" + name + "' is a " + v.getClass().getSimpleName()
                    + ", not a " + type.getSimpleName());
        }
        return type.cast(v);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("{");
        values.forEach((k, v) -> {
            if (b.length() > 1) b.append(", ");
            b.append(k).append('=');
            if (v instanceof double[] d) b.append(java.util.Arrays.toString(d));
            else if (v instanceof int[] a) b.append(java.util.Arrays.toString(a));
            else b.append(v);
        });
        return b.append('}').toString();
    }
}
