package org.physlab.web.experiments;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.physlab.runtime.plugins.CatalogEntry;

/**
 * The experiments search box: every word typed must occur (ignoring case) in the experiment's id,
 * title, description, plugin id or plugin version; an empty query matches everything.
 *
 * <pre>{@code
 * ExperimentSearch.filter(lab.plugins().experiments(), "oscillator mlp")   // oscillator.curve-mlp, ...
 * }</pre>
 */
public final class ExperimentSearch {
    private ExperimentSearch() { }

    /** The entries matching {@code query}, sorted by plugin and then experiment id. */
    public static List<CatalogEntry> filter(List<CatalogEntry> entries, String query) {
        return entries.stream().filter(e -> matches(e, query))
                .sorted(Comparator.comparing(CatalogEntry::pluginId).thenComparing(CatalogEntry::id)).toList();
    }

    /** Whether every word of {@code query} occurs in the entry's searchable text. */
    public static boolean matches(CatalogEntry entry, String query) {
        if (query == null || query.isBlank()) return true;
        String text = String.join("\n", entry.id(), entry.descriptor().title(), entry.descriptor().description(),
                entry.pluginId(), entry.pluginVersion() == null ? "" : entry.pluginVersion()).toLowerCase(Locale.ROOT);
        return Arrays.stream(query.toLowerCase(Locale.ROOT).trim().split("\\s+")).allMatch(text::contains);
    }
}
