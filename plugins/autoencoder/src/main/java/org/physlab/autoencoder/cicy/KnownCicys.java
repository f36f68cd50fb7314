package org.physlab.autoencoder.cicy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * CICY threefolds the plugin knows by number in the Oxford CICY list (Candelas, Dale, Lutken, Schimmrigk
 * 1988; the numbering of the heterotic line-bundle database of Anderson, Constantin, Gray, Lukas, Palti),
 * plus the quintic and the bicubic by name. Row order of each configuration as in that list.
 */
public final class KnownCicys {

    /** One known manifold and the orders of the freely acting symmetries the line-bundle database used. */
    public record KnownCicy(String name, Configuration configuration, List<Integer> freelyActingSymmetryOrders) { }

    private static final Map<String, KnownCicy> BY_NAME = new LinkedHashMap<>();

    static {
        add("5302", "[[1,0,1,1],[1,0,1,1],[1,1,1,0],[1,1,1,0],[1,1,0,1],[1,1,0,1]]", 2, 4);
        add("7862", "[[1,2],[1,2],[1,2],[1,2]]", 2, 4);
        add("6770", "[[1,1,1],[1,1,1],[1,1,1],[1,2,0],[1,0,2]]", 2);
        add("7447", "[[1,1,1],[1,1,1],[1,1,1],[1,1,1],[1,1,1]]", 2, 4);
        add("7487", "[[1,0,2],[1,1,1],[1,1,1],[1,1,1],[1,1,1]]", 2, 4);
        add("6777", "[[1,1,1,0,0],[1,0,0,0,2],[1,0,0,2,0],[1,2,0,0,0],[3,1,1,1,1]]", 2);
        add("5256", "[[1,1,1,0,0],[1,2,0,0,0],[1,0,0,1,1],[1,0,0,1,1],[3,1,1,1,1]]", 2, 4);
        add("quintic", "[[4,5]]", 5);
        add("bicubic", "[[2,3],[2,3]]", 3);
    }

    private KnownCicys() { }

    private static void add(String name, String matrix, Integer... orders) {
        BY_NAME.put(name, new KnownCicy(name, Configuration.parse(matrix), List.of(orders)));
    }

    /** Every known manifold, database numbers first. */
    public static List<KnownCicy> all() {
        return List.copyOf(BY_NAME.values());
    }

    /**
     * The configuration of CICY {@code number} (5302, 7862, 6770, 7447, 7487, 6777 or 5256).
     *
     * @throws IllegalArgumentException for a number the plugin does not know, listing the known ones
     */
    public static Configuration byNumber(int number) {
        return find(Integer.toString(number)).map(KnownCicy::configuration).orElseThrow(() -> unknown(Integer.toString(number)));
    }

    /** A known manifold by number or name ("5302", "quintic", "bicubic"). */
    public static Optional<KnownCicy> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name.strip().toLowerCase(Locale.ROOT)));
    }

    /**
     * The manifold a {@code cicy} parameter names: a known number or name, or a configuration matrix
     * ({@link Configuration#parse}).
     *
     * @throws IllegalArgumentException for an unknown number or name, or a malformed / non-CY matrix
     */
    public static Configuration resolve(String cicyParameter) {
        if (cicyParameter == null || cicyParameter.isBlank()) throw new IllegalArgumentException("cicy is empty");
        String s = cicyParameter.strip();
        if (s.startsWith("[") || s.startsWith("{")) return Configuration.parse(s);
        return find(s).map(KnownCicy::configuration).orElseThrow(() -> unknown(s));
    }

    private static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("unknown CICY '" + name + "'; known: " + String.join(", ", BY_NAME.keySet())
                + ", or give a configuration matrix such as [[1,0,1,1],[1,0,1,1],...] (rows: n_r then the degrees)");
    }
}
