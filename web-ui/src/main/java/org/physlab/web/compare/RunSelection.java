package org.physlab.web.compare;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The runs a comparison shows, as written in the {@code ?runs=<id>,<id>,...} query of the Compare view:
 * ids in the order given, blanks dropped, each id once.
 *
 * <pre>{@code
 * RunSelection s = RunSelection.parse("a1, b2,,a1");   // [a1, b2]
 * s.with("c3").without("a1").toQuery();                // "b2,c3"
 * }</pre>
 */
public record RunSelection(List<String> ids) {
    /** The name of the query parameter that carries the selection. */
    public static final String QUERY_PARAMETER = "runs";

    public RunSelection {
        Set<String> distinct = new LinkedHashSet<>();
        for (String id : ids) {
            String trimmed = id == null ? "" : id.trim();
            if (!trimmed.isEmpty()) distinct.add(trimmed);
        }
        ids = List.copyOf(distinct);
    }

    /** The selection written as comma-separated ids; null or blank gives an empty selection. */
    public static RunSelection parse(String query) {
        if (query == null || query.isBlank()) return new RunSelection(List.of());
        return new RunSelection(List.of(query.split(",")));
    }

    /** Every value of a repeated query parameter ({@code ?runs=a,b&runs=c}) as one selection. */
    public static RunSelection parse(List<String> queryValues) {
        List<String> ids = new ArrayList<>();
        for (String value : queryValues) ids.addAll(parse(value).ids());
        return new RunSelection(ids);
    }

    /** This selection with {@code id} added at the end (unchanged if it is already there). */
    public RunSelection with(String id) {
        List<String> more = new ArrayList<>(ids);
        more.add(id);
        return new RunSelection(more);
    }

    /** This selection without {@code id}. */
    public RunSelection without(String id) {
        List<String> fewer = new ArrayList<>(ids);
        fewer.remove(id);
        return new RunSelection(fewer);
    }

    public boolean contains(String id) {
        return ids.contains(id);
    }

    public boolean isEmpty() {
        return ids.isEmpty();
    }

    /** The value of the {@code runs} query parameter: the ids joined with commas. */
    public String toQuery() {
        return String.join(",", ids);
    }
}
