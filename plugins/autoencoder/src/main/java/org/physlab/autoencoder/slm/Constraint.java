package org.physlab.autoencoder.slm;

/**
 * The topological conditions on a heterotic SU(5) line-bundle sum V = L_1 + ... + L_5 for a
 * standard-like model on a CICY X with a freely acting symmetry Gamma (Anderson, Constantin, Gray,
 * Lukas, Palti, arXiv:1106.4804, 1202.1757, 1307.4787; as used by Larfors and Schneider, arXiv:2003.04817).
 * Cohomology conditions (no anti-generations, Higgs doublets, equivariance) are not among them.
 */
public enum Constraint {
    /** c1(V) = sum_a k_a = 0, so that V has structure group S(U(1)^5) in SU(5). */
    C1("c1(V) = 0"),
    /** Each L_a must be able to have slope zero in the Kaehler cone: d_rst k_a^r has entries of both signs. */
    SLOPE_SIGNS("each line bundle can have vanishing slope (d_rst k^r has both signs)"),
    /** -3|Gamma| <= ind(L_a) <= 0: no anti-families, no more than three families from one bundle. */
    INDEX_BOUNDS("-3|Gamma| <= ind(L_a) <= 0"),
    /** ind(V) = -3|Gamma|: three families after the quotient by Gamma. */
    TOTAL_INDEX("ind(V) = -3|Gamma|"),
    /** c2(V) <= c2(TX) componentwise (anomaly cancellation with five-branes) and some c2(V)_r > 0 (Bogomolov). */
    ANOMALY("c2(V) <= c2(TX), some c2(V)_r > 0"),
    /** ind(L_a x L_b) <= 0 for a < b: no 5-bar-multiplets beyond Higgs pairs (Higgs triplets removable). */
    PAIR_INDEX("ind(L_a x L_b) <= 0 for a < b"),
    /** A common Kaehler class t > 0 with mu(L_a)(t) = 0 for every a (V poly-stable with slope zero). */
    POLYSTABILITY("all slopes vanish at one point inside the Kaehler cone");

    private final String description;

    Constraint(String description) {
        this.description = description;
    }

    /** The condition in words, e.g. "ind(V) = -3|Gamma|". */
    public String description() {
        return description;
    }
}
