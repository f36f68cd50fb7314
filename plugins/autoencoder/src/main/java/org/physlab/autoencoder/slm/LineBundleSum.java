package org.physlab.autoencoder.slm;

import java.util.Arrays;
import java.util.List;

import org.physlab.autoencoder.cicy.CicyGeometry;

/**
 * A sum of line bundles V = L_1 + ... + L_n on a CICY with h11 Kaehler classes, L_a = O(k_a): the
 * charges q_a^i as an n x h11 matrix, row = line bundle (n = 5 for the SU(5) models of the
 * heterotic line-bundle database, Anderson, Constantin, Gray, Lukas, Palti 2011-2013). Immutable.
 */
public final class LineBundleSum {

    private final int[][] charges;

    private LineBundleSum(int[][] charges) {
        this.charges = charges;
    }

    /**
     * From the charges with one row per line bundle (the gymCICY orientation, 5 x h11).
     *
     * @throws IllegalArgumentException for an empty or ragged matrix
     */
    public static LineBundleSum of(int[][] lineBundleRows) {
        if (lineBundleRows.length == 0 || lineBundleRows[0].length == 0) {
            throw new IllegalArgumentException("a line-bundle sum needs at least one line bundle and one charge");
        }
        int h = lineBundleRows[0].length;
        int[][] copy = new int[lineBundleRows.length][];
        for (int a = 0; a < copy.length; a++) {
            if (lineBundleRows[a].length != h) {
                throw new IllegalArgumentException("line bundle " + (a + 1) + " has " + lineBundleRows[a].length
                        + " charges, line bundle 1 has " + h);
            }
            copy[a] = lineBundleRows[a].clone();
        }
        return new LineBundleSum(copy);
    }

    /** From the talk's and the database's orientation: h11 x 5, row = Kaehler index, column = line bundle. */
    public static LineBundleSum fromKahlerRows(int[][] kahlerRows) {
        if (kahlerRows.length == 0 || kahlerRows[0].length == 0) {
            throw new IllegalArgumentException("a line-bundle sum needs at least one line bundle and one charge");
        }
        int n = kahlerRows[0].length;
        int[][] t = new int[n][kahlerRows.length];
        for (int i = 0; i < kahlerRows.length; i++) {
            if (kahlerRows[i].length != n) {
                throw new IllegalArgumentException("Kaehler row " + (i + 1) + " has " + kahlerRows[i].length + " entries, row 1 has " + n);
            }
            for (int a = 0; a < n; a++) t[a][i] = kahlerRows[i][a];
        }
        return new LineBundleSum(t);
    }

    /** The charges as rank x h11 (row = line bundle), a copy. */
    public int[][] charges() {
        int[][] out = new int[charges.length][];
        for (int a = 0; a < out.length; a++) out[a] = charges[a].clone();
        return out;
    }

    /** The charges as h11 x rank (row = Kaehler index), the talk's orientation. */
    public int[][] kahlerRows() {
        int[][] out = new int[h11()][rank()];
        for (int a = 0; a < rank(); a++) for (int i = 0; i < h11(); i++) out[i][a] = charges[a][i];
        return out;
    }

    /** k_a, the charges of line bundle a (a copy). */
    public int[] lineBundle(int a) {
        return charges[a].clone();
    }

    public int charge(int a, int i) {
        return charges[a][i];
    }

    /** The number of line bundles (5 for SU(5)). */
    public int rank() {
        return charges.length;
    }

    public int h11() {
        return charges[0].length;
    }

    /** c1(V)^i = sum_a q_a^i. */
    public int[] c1() {
        int[] c1 = new int[h11()];
        for (int[] k : charges) for (int i = 0; i < c1.length; i++) c1[i] += k[i];
        return c1;
    }

    /** The largest |q_a^i|. */
    public int maxAbsCharge() {
        int m = 0;
        for (int[] k : charges) for (int q : k) m = Math.max(m, Math.abs(q));
        return m;
    }

    /** K = sqrt(sum_{a,i} (q_a^i)^2), the norm of the talk (and of Deen, He, Lee, Lukas 2020). */
    public double norm() {
        long s = 0;
        for (int[] k : charges) for (int q : k) s += (long) q * q;
        return Math.sqrt(s);
    }

    /** ind(L_a) for every line bundle. */
    public long[] indices(CicyGeometry geometry) {
        long[] out = new long[rank()];
        for (int a = 0; a < out.length; a++) out[a] = geometry.index(charges[a]);
        return out;
    }

    /** ind(V) = sum_a ind(L_a). */
    public long index(CicyGeometry geometry) {
        return Arrays.stream(indices(geometry)).sum();
    }

    /** c2(V)_r = sum_{a<b} d_rst q_a^s q_b^t. */
    public int[] c2(CicyGeometry geometry) {
        return geometry.c2(charges);
    }

    /** The same sum with its line bundles in the order {@code order} (order[a] = old position of new bundle a). */
    public LineBundleSum reorder(int[] order) {
        int[][] out = new int[rank()][];
        for (int a = 0; a < out.length; a++) out[a] = charges[order[a]].clone();
        return new LineBundleSum(out);
    }

    /** The image under a permutation sigma of the Kaehler indices: q'_a^i = q_a^{sigma(i)}. */
    public LineBundleSum permuteKahler(int[] sigma) {
        int[][] out = new int[rank()][h11()];
        for (int a = 0; a < rank(); a++) for (int i = 0; i < h11(); i++) out[a][i] = charges[a][sigma[i]];
        return new LineBundleSum(out);
    }

    /**
     * A representative of the class of this sum under reordering the line bundles and the given
     * permutations of the Kaehler indices: the lexicographically least sorted charge matrix.
     */
    public LineBundleSum canonical(List<int[]> kahlerSymmetries) {
        int[][] best = null;
        for (int[] sigma : kahlerSymmetries) {
            int[][] m = permuteKahler(sigma).charges;
            Arrays.sort(m, Arrays::compare);
            if (best == null || compareMatrices(m, best) < 0) best = m;
        }
        if (best == null) {
            best = charges();
            Arrays.sort(best, Arrays::compare);
        }
        return new LineBundleSum(best);
    }

    private static int compareMatrices(int[][] x, int[][] y) {
        for (int a = 0; a < x.length; a++) {
            int c = Arrays.compare(x[a], y[a]);
            if (c != 0) return c;
        }
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LineBundleSum v && Arrays.deepEquals(charges, v.charges);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(charges);
    }

    /** The charges row by row (line bundle per row), e.g. {@code [[-1,-1,-1,1,1,1],...]}. */
    @Override
    public String toString() {
        return Arrays.deepToString(charges).replace(" ", "");
    }
}
