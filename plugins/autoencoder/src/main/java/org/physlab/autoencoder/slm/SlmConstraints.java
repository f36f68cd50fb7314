package org.physlab.autoencoder.slm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.physlab.autoencoder.cicy.CicyGeometry;

/**
 * The checker: which of the topological standard-like-model conditions ({@link Constraint}) a line-bundle
 * sum violates on a CICY with a freely acting symmetry of order |Gamma|. Following the spec's caveats to
 * 1307.4787 and gymCICY: the anomaly bound allows equality (c2(TX) - c2(V) >= 0, the talk's example has a
 * zero), pair indices may be 0, and ind(L_a) need not be divisible by |Gamma|. Bogomolov's bound c2(V).J >= 0 holds at
 * the Kaehler class J where V is stable, not per component: the checker asks for some positive component of c2(V)
 * (one gymCICY model has c2(V) = (16, 16, 2, -2, 34)).
 *
 * <pre>{@code
 * List<Violation> v = SlmConstraints.check(geometry, model, 4);   // empty: satisfies the topological SLM constraints
 * }</pre>
 */
public final class SlmConstraints {

    private SlmConstraints() { }

    /** True when {@link #check} finds nothing. */
    public static boolean satisfies(CicyGeometry geometry, LineBundleSum v, int symmetryOrder) {
        return check(geometry, v, symmetryOrder).isEmpty();
    }

    /**
     * Every violated condition, in the order of {@link Constraint}, each with a message naming the line
     * bundle or component at fault.
     *
     * @throws IllegalArgumentException if the model's h11 differs from the manifold's or |Gamma| < 1
     */
    public static List<Violation> check(CicyGeometry geometry, LineBundleSum v, int symmetryOrder) {
        if (v.h11() != geometry.h11()) {
            throw new IllegalArgumentException("the model has " + v.h11() + " charges per line bundle but " + geometry
                    + " has h11 = " + geometry.h11());
        }
        if (symmetryOrder < 1) throw new IllegalArgumentException("symmetry order |Gamma| must be at least 1, got " + symmetryOrder);
        List<Violation> out = new ArrayList<>();
        int n = v.rank(), h = v.h11();
        int[][] k = v.charges();
        int families = 3 * symmetryOrder;

        // 1. c1(V) = sum_a k_a = 0
        int[] c1 = v.c1();
        if (Arrays.stream(c1).anyMatch(x -> x != 0)) {
            out.add(new Violation(Constraint.C1, "c1(V) = " + Arrays.toString(c1) + ", must vanish"));
        }

        // 2. mu(L_a)(t) = t^T M_a t with (M_a)_st = d_rst k_a^r can vanish for t > 0 only if M_a has both signs
        List<String> oneSigned = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            int[][] m = geometry.slopeMatrix(k[a]);
            boolean pos = false, neg = false;
            for (int[] row : m) for (int x : row) {
                pos |= x > 0;
                neg |= x < 0;
            }
            if (!(pos && neg)) oneSigned.add("L" + (a + 1) + " = O" + Arrays.toString(k[a]) + (pos ? " (slope > 0)" : neg ? " (slope < 0)" : " (trivial)"));
        }
        if (!oneSigned.isEmpty()) {
            out.add(new Violation(Constraint.SLOPE_SIGNS, "slope cannot vanish in the Kaehler cone for " + String.join(", ", oneSigned)));
        }

        // 3. -3|Gamma| <= ind(L_a) <= 0
        long[] ind = v.indices(geometry);
        List<String> outOfBounds = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            if (ind[a] > 0 || ind[a] < -families) outOfBounds.add("ind(L" + (a + 1) + ") = " + ind[a]);
        }
        if (!outOfBounds.isEmpty()) {
            out.add(new Violation(Constraint.INDEX_BOUNDS, String.join(", ", outOfBounds) + ", must lie in [" + -families + ", 0]"));
        }

        // 4. ind(V) = sum_a ind(L_a) = -3|Gamma|
        long total = Arrays.stream(ind).sum();
        if (total != -families) {
            out.add(new Violation(Constraint.TOTAL_INDEX, "ind(V) = " + total + ", needs -3|Gamma| = " + -families));
        }

        // 5. anomaly: c2(TX)_r - c2(V)_r >= 0 with c2(V)_r = sum_{a<b} d_rst k_a^s k_b^t; Bogomolov: c2(V).J >= 0 at the
        //    stability class and V non-trivial, whose cone-wide necessary form is c2(V)_r > 0 for some r
        int[] c2v = geometry.c2(k), c2x = geometry.c2();
        List<String> anomaly = new ArrayList<>();
        for (int r = 0; r < h; r++) {
            if (c2v[r] > c2x[r]) anomaly.add("c2(TX)_" + (r + 1) + " - c2(V)_" + (r + 1) + " = " + (c2x[r] - c2v[r]) + " < 0");
        }
        if (Arrays.stream(c2v).allMatch(x -> x <= 0)) anomaly.add("no component of c2(V) is positive (Bogomolov)");
        if (!anomaly.isEmpty()) {
            out.add(new Violation(Constraint.ANOMALY, String.join(", ", anomaly) + " (c2(V) = " + Arrays.toString(c2v)
                    + ", c2(TX) = " + Arrays.toString(c2x) + ")"));
        }

        // 6. ind(L_a x L_b) <= 0 for a < b
        List<String> pairs = new ArrayList<>();
        int[] sum = new int[h];
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                for (int i = 0; i < h; i++) sum[i] = k[a][i] + k[b][i];
                long pair = geometry.index(sum);
                if (pair > 0) pairs.add("ind(L" + (a + 1) + " x L" + (b + 1) + ") = " + pair);
            }
        }
        if (!pairs.isEmpty()) out.add(new Violation(Constraint.PAIR_INDEX, String.join(", ", pairs) + ", must be <= 0"));

        // 7. a common zero of all slopes inside the Kaehler cone
        Polystability.Result stability = Polystability.test(geometry, k);
        if (!stability.stable()) out.add(new Violation(Constraint.POLYSTABILITY, stability.describe()));
        return out;
    }
}
