package org.physlab.cli.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.physlab.api.Reference;
import org.physlab.server.json.ExperimentView;
import org.physlab.server.json.ParameterView;

/** The text of {@code physlab describe}: what an experiment is and every parameter it takes, by group. */
public final class ExperimentDescription {
    private ExperimentDescription() { }

    public static String render(ExperimentView e) {
        StringBuilder b = new StringBuilder();
        b.append(e.id()).append(" - ").append(e.title()).append('\n');
        b.append("plugin ").append(e.pluginId()).append(' ').append(e.pluginVersion()).append('\n');
        if (!e.description().isBlank()) b.append('\n').append(wrap(e.description().strip(), 96, "")).append('\n');
        if (!e.references().isEmpty()) {
            b.append("\nReferences:\n");
            for (Reference r : e.references()) {
                b.append("  - ").append(r.citation());
                if (r.url() != null && !r.url().isBlank()) b.append(" <").append(r.url()).append('>');
                b.append('\n');
            }
        }
        if (e.parameters().isEmpty()) {
            b.append("\nThis experiment takes no parameters.\n");
            return b.toString();
        }
        b.append("\nParameters (set with --set NAME=VALUE):\n");
        Map<String, List<ParameterView>> groups = new LinkedHashMap<>();
        for (ParameterView p : e.parameters()) groups.computeIfAbsent(p.group(), g -> new ArrayList<>()).add(p);
        boolean headings = groups.size() > 1 || !groups.containsKey("");
        // One table for all groups, so columns line up; group names go between its lines.
        TextTable t = new TextTable("NAME", "TYPE", "DEFAULT", "RANGE", "UNIT", "HELP");
        for (Map.Entry<String, List<ParameterView>> g : groups.entrySet()) {
            for (ParameterView p : g.getValue()) {
                t.row(p.name(), type(p), p.required() ? "(required)" : Formats.value(p.defaultValue()), range(p),
                        p.unit(), p.help());
            }
        }
        List<String> lines = t.render().lines().toList();
        String indent = headings ? "    " : "  ";
        b.append(indent).append(lines.get(0)).append('\n');
        int line = 1;
        for (Map.Entry<String, List<ParameterView>> g : groups.entrySet()) {
            if (headings) b.append("  ").append(g.getKey().isEmpty() ? "Other" : g.getKey()).append('\n');
            for (int i = 0; i < g.getValue().size(); i++) b.append(indent).append(lines.get(line++)).append('\n');
        }
        return b.toString();
    }

    /** {@code int}, {@code real}, {@code boolean}, {@code choice}, {@code text}, {@code list of reals}, {@code list of ints}. */
    static String type(ParameterView p) {
        return switch (p.type()) {
            case "int" -> "int";
            case "double" -> "real";
            case "boolean" -> "boolean";
            case "enum" -> "choice";
            case "string" -> "text";
            case "double_list" -> "list of reals";
            case "int_list" -> "list of ints";
            default -> p.type();
        };
    }

    /** What values are allowed, e.g. {@code [0, 1]}, {@code >= 0.001}, {@code euler|rk4}, {@code >= 1 items, each >= 1}. */
    static String range(ParameterView p) {
        String bounds = bounds(p.min(), p.max());
        return switch (p.type()) {
            case "enum" -> String.join("|", p.choices());
            case "string" -> p.minLength() > 0 ? "length >= " + p.minLength() : "";
            case "double_list", "int_list" -> {
                List<String> parts = new ArrayList<>();
                if (p.minLength() > 0) parts.add(">= " + p.minLength() + (p.minLength() == 1 ? " item" : " items"));
                if (!bounds.isEmpty()) parts.add("each " + bounds);
                yield String.join(", ", parts);
            }
            default -> bounds;
        };
    }

    private static String bounds(Double min, Double max) {
        if (min != null && max != null) return "[" + Formats.number(min) + ", " + Formats.number(max) + "]";
        if (min != null) return ">= " + Formats.number(min);
        if (max != null) return "<= " + Formats.number(max);
        return "";
    }

    /** Breaks text into lines of at most {@code width} characters at spaces, keeping paragraph breaks. */
    static String wrap(String text, int width, String indent) {
        StringBuilder out = new StringBuilder();
        for (String para : text.split("\n")) {
            StringBuilder line = new StringBuilder(indent);
            for (String word : para.trim().split("\\s+")) {
                if (word.isEmpty()) continue;
                if (line.length() > indent.length() && line.length() + 1 + word.length() > width) {
                    out.append(line).append('\n');
                    line = new StringBuilder(indent);
                }
                if (line.length() > indent.length()) line.append(' ');
                line.append(word);
            }
            out.append(line).append('\n');
        }
        return out.toString().stripTrailing();
    }
}
