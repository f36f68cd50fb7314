package org.physlab.runtime.plugins;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses OSGi manifest headers such as {@code Export-Package} and {@code Import-Package}:
 * clauses separated by commas, each with one or more names and then {@code attr=value} and
 * {@code directive:=value} parts separated by semicolons; values may be quoted.
 */
final class ManifestHeader {

    /**
     * One clause, e.g. {@code org.physlab.api;version="1.0.0"} or {@code a;b;uses:="c,d"}.
     *
     * @param names      the package names (usually one)
     * @param attributes e.g. {@code version -> 1.0.0}
     * @param directives e.g. {@code resolution -> optional}
     */
    record Clause(List<String> names, Map<String, String> attributes, Map<String, String> directives) {
        String attribute(String key) {
            return attributes.get(key);
        }

        String directive(String key) {
            return directives.get(key);
        }
    }

    private ManifestHeader() { }

    /** The clauses of {@code header}; an empty list for {@code null} or a blank header. */
    static List<Clause> parse(String header) {
        List<Clause> clauses = new ArrayList<>();
        if (header == null || header.isBlank()) return clauses;
        for (String clause : split(header, ',')) {
            if (clause.isBlank()) continue;
            List<String> names = new ArrayList<>();
            Map<String, String> attributes = new LinkedHashMap<>();
            Map<String, String> directives = new LinkedHashMap<>();
            for (String part : split(clause, ';')) {
                String p = part.trim();
                if (p.isEmpty()) continue;
                int directive = p.indexOf(":=");
                int eq = p.indexOf('=');
                if (directive > 0 && directive < eq) {
                    directives.put(p.substring(0, directive).trim(), unquote(p.substring(directive + 2)));
                } else if (eq > 0) {
                    String key = p.substring(0, eq).trim();
                    int colon = key.indexOf(':');       // typed attribute, e.g. version:Version=1.0
                    attributes.put(colon > 0 ? key.substring(0, colon) : key, unquote(p.substring(eq + 1)));
                } else {
                    names.add(p);
                }
            }
            clauses.add(new Clause(List.copyOf(names), Map.copyOf(attributes), Map.copyOf(directives)));
        }
        return clauses;
    }

    /** Splits at {@code separator} outside double quotes. */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') quoted = !quoted;
            if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    private static String unquote(String value) {
        String v = value.trim();
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        return v;
    }
}
