package org.physlab.calabiyau.donaldson;

/**
 * A section degree k or an inclusive range of degrees, written "3" or "1-4".
 *
 * @param from first degree, ≥ 1
 * @param to   last degree, ≥ from
 */
public record DegreeRange(int from, int to) {
    /** The largest degree accepted: the basis at k = 6 already has 205 (reduced) sections. */
    public static final int MAX_DEGREE = 6;

    public DegreeRange {
        if (from < 1) throw new IllegalArgumentException("the degree k must be at least 1, got " + from);
        if (to > MAX_DEGREE) throw new IllegalArgumentException("the degree k must be at most " + MAX_DEGREE + ", got " + to);
        if (to < from) throw new IllegalArgumentException("a degree range must go upwards, got " + from + "-" + to);
    }

    /**
     * Parses "k" or "a-b" (spaces allowed).
     *
     * @throws IllegalArgumentException with a message fit for the user on anything else
     */
    public static DegreeRange parse(String text) {
        String t = text == null ? "" : text.strip();
        try {
            int dash = t.indexOf('-', 1);
            if (dash < 0) {
                int k = Integer.parseInt(t);
                return new DegreeRange(k, k);
            }
            return new DegreeRange(Integer.parseInt(t.substring(0, dash).strip()), Integer.parseInt(t.substring(dash + 1).strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the degree must be a whole number k or a range like 1-4, got '" + text + "'");
        }
    }

    /** Whether more than one degree is covered. */
    public boolean isRange() {
        return to > from;
    }

    public int count() {
        return to - from + 1;
    }

    @Override
    public String toString() {
        return isRange() ? from + "-" + to : Integer.toString(from);
    }
}
