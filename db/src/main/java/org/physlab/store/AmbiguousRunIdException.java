package org.physlab.store;

import java.util.List;

/**
 * {@link RunStore#find} was given a prefix that more than one run id starts with. The message lists
 * some of them, so that a person can type a longer prefix.
 */
public class AmbiguousRunIdException extends StoreException {
    private static final long serialVersionUID = 1L;

    private final String prefix;
    private final List<String> matches;

    /**
     * @param matches some of the ids that start with {@code prefix} (at least two)
     * @param more    whether there are more matches than those listed
     */
    public AmbiguousRunIdException(String prefix, List<String> matches, boolean more) {
        super("run id prefix '" + prefix + "' is ambiguous: it matches " + String.join(", ", matches)
                + (more ? " and more" : "") + "; give more of the id", null);
        this.prefix = prefix;
        this.matches = List.copyOf(matches);
    }

    public String prefix() {
        return prefix;
    }

    /** Some of the matching run ids, sorted. */
    public List<String> matches() {
        return matches;
    }
}
