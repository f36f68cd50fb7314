package org.physlab.autoencoder.cicy;

/**
 * Topological data of a CICY threefold X from its configuration, in the basis J_r of the ambient
 * hyperplane classes (favourable: h11 = number of factors, Kaehler cone = positive orthant):
 * triple intersection numbers d_rst, c2(TX)_r, the Euler number, and for line bundles O(k) their index,
 * slope and the second Chern class of a sum of line bundles (Hubsch, "Calabi-Yau manifolds", ch. 3;
 * the same formulas as R. Schneider's pyCICY).
 */
public final class CicyGeometry {

    private final Configuration configuration;
    private final int h;
    private final int[] d;          // d[(r*h + s)*h + t], fully symmetric
    private final int[] c2;
    private final int euler;

    public CicyGeometry(Configuration configuration) {
        this.configuration = configuration;
        this.h = configuration.factors();
        this.d = tripleIntersections(configuration);
        this.c2 = secondChernClass(configuration, d);
        this.euler = eulerNumber(configuration, d);
    }

    /** The geometry of a configuration given as text ({@link Configuration#parse}). */
    public static CicyGeometry of(String configuration) {
        return new CicyGeometry(Configuration.parse(configuration));
    }

    /*
     * d_rst = integral over X of J_r J_s J_t = coefficient of prod_p J_p^{n_p} in
     *   J_r J_s J_t * prod_{a=1..K} (sum_p q_{pa} J_p)
     * in the ambient cohomology ring Z[J_1..J_m]/(J_p^{n_p+1}); the product over the equations is expanded
     * monomial by monomial over exponent vectors e with e_p <= n_p (mixed-radix index, base n_p + 1).
     */
    private static int[] tripleIntersections(Configuration c) {
        int m = c.factors(), k = c.equations();
        int[] base = new int[m], stride = new int[m];
        int size = 1;
        for (int p = 0; p < m; p++) {
            base[p] = c.projectiveDim(p) + 1;
            stride[p] = size;
            size = Math.multiplyExact(size, base[p]);
        }
        long[] poly = new long[size];
        poly[0] = 1;
        for (int a = 0; a < k; a++) {
            long[] next = new long[size];
            for (int idx = 0; idx < size; idx++) {
                if (poly[idx] == 0) continue;
                for (int p = 0; p < m; p++) {
                    int q = c.degree(p, a);
                    if (q == 0) continue;
                    int e = (idx / stride[p]) % base[p];
                    if (e + 1 >= base[p]) continue;          // J_p^{n_p+1} = 0
                    next[idx + stride[p]] += poly[idx] * q;
                }
            }
            poly = next;
        }
        int[] d = new int[m * m * m];
        int[] e = new int[m];
        for (int r = 0; r < m; r++) {
            for (int s = 0; s < m; s++) {
                for (int t = 0; t < m; t++) {
                    for (int p = 0; p < m; p++) e[p] = c.projectiveDim(p);
                    e[r]--;
                    e[s]--;
                    e[t]--;
                    int idx = 0;
                    boolean ok = true;
                    for (int p = 0; p < m; p++) {
                        if (e[p] < 0) ok = false;
                        idx += e[p] * stride[p];
                    }
                    d[(r * m + s) * m + t] = ok ? Math.toIntExact(poly[idx]) : 0;
                }
            }
        }
        return d;
    }

    /*
     * c2^{rs} = 1/2 [ -delta^{rs} (n_r + 1) + sum_a q_{ra} q_{sa} ]   (c1 = 0),
     * c2(TX)_t = sum_{r,s} c2^{rs} d_rst; computed as 2 c2 then halved exactly.
     */
    private static int[] secondChernClass(Configuration c, int[] d) {
        int m = c.factors();
        int[] out = new int[m];
        for (int t = 0; t < m; t++) {
            long twice = 0;
            for (int r = 0; r < m; r++) {
                for (int s = 0; s < m; s++) {
                    long c2rs = r == s ? -(c.projectiveDim(r) + 1) : 0;
                    for (int a = 0; a < c.equations(); a++) c2rs += (long) c.degree(r, a) * c.degree(s, a);
                    twice += c2rs * d[(r * m + s) * m + t];
                }
            }
            out[t] = Math.toIntExact(exactDivide(twice, 2, "c2(TX)"));
        }
        return out;
    }

    /*
     * c3^{rst} = 1/3 [ delta^{rst} (n_r + 1) - sum_a q_{ra} q_{sa} q_{ta} ],  chi = sum_{rst} c3^{rst} d_rst.
     */
    private static int eulerNumber(Configuration c, int[] d) {
        int m = c.factors();
        long thrice = 0;
        for (int r = 0; r < m; r++) {
            for (int s = 0; s < m; s++) {
                for (int t = 0; t < m; t++) {
                    int drst = d[(r * m + s) * m + t];
                    if (drst == 0) continue;
                    long c3 = r == s && s == t ? c.projectiveDim(r) + 1 : 0;
                    for (int a = 0; a < c.equations(); a++) c3 -= (long) c.degree(r, a) * c.degree(s, a) * c.degree(t, a);
                    thrice += c3 * drst;
                }
            }
        }
        return Math.toIntExact(exactDivide(thrice, 3, "Euler number"));
    }

    private static long exactDivide(long value, long by, String what) {
        if (value % by != 0) throw new ArithmeticException(what + ": " + value + "/" + by + " is not an integer");
        return value / by;
    }

    public Configuration configuration() {
        return configuration;
    }

    /** h11, taken as the number of projective factors (favourable configuration). */
    public int h11() {
        return h;
    }

    /** d_rst = J_r J_s J_t on X. */
    public int intersection(int r, int s, int t) {
        return d[(r * h + s) * h + t];
    }

    /** All d_rst flattened as {@code [(r*h11 + s)*h11 + t]} (a copy). */
    public int[] intersections() {
        return d.clone();
    }

    /** c2(TX)_r = c2(TX) . J_r (the CICY list's C2). */
    public int[] c2() {
        return c2.clone();
    }

    /** The Euler number chi(X) = integral of c3(TX). */
    public int euler() {
        return euler;
    }

    /** d_rst k^r k^s k^t. */
    public long cubic(int[] k) {
        check(k);
        long sum = 0;
        for (int r = 0; r < h; r++) {
            if (k[r] == 0) continue;
            for (int s = 0; s < h; s++) {
                if (k[s] == 0) continue;
                int rs = (r * h + s) * h;
                for (int t = 0; t < h; t++) sum += (long) d[rs + t] * k[r] * k[s] * k[t];
            }
        }
        return sum;
    }

    /** v_r = d_rst k^s k^t, the quadratic part that enters c2(V) and pair indices. */
    public int[] quadratic(int[] k) {
        check(k);
        int[] v = new int[h];
        for (int r = 0; r < h; r++) {
            long sum = 0;
            for (int s = 0; s < h; s++) {
                if (k[s] == 0) continue;
                for (int t = 0; t < h; t++) sum += (long) d[(r * h + s) * h + t] * k[s] * k[t];
            }
            v[r] = Math.toIntExact(sum);
        }
        return v;
    }

    /**
     * ind O(k) = chi(X, O(k)) = (1/6) d_rst k^r k^s k^t + (1/12) c2(TX)_r k^r
     * (Hirzebruch-Riemann-Roch with c1(X) = 0; an integer).
     */
    public long index(int[] k) {
        long twelve = 2 * cubic(k);
        for (int r = 0; r < h; r++) twelve += (long) c2[r] * k[r];
        return exactDivide(twelve, 12, "index of O(" + java.util.Arrays.toString(k) + ")");
    }

    /** mu(O(k))(t) = d_rst k^r t^s t^t, the slope for the Kaehler class t = t^r J_r. */
    public double slope(int[] k, double[] t) {
        check(k);
        if (t.length != h) throw new IllegalArgumentException("Kaehler class has " + t.length + " components, h11 = " + h);
        double sum = 0;
        for (int r = 0; r < h; r++) {
            if (k[r] == 0) continue;
            for (int s = 0; s < h; s++) {
                for (int u = 0; u < h; u++) sum += d[(r * h + s) * h + u] * k[r] * t[s] * t[u];
            }
        }
        return sum;
    }

    /** M_st = d_rst k^r, so that mu(O(k))(t) = t^T M t. */
    public int[][] slopeMatrix(int[] k) {
        check(k);
        int[][] m = new int[h][h];
        for (int s = 0; s < h; s++) {
            for (int t = 0; t < h; t++) {
                long sum = 0;
                for (int r = 0; r < h; r++) sum += (long) d[(r * h + s) * h + t] * k[r];
                m[s][t] = Math.toIntExact(sum);
            }
        }
        return m;
    }

    /**
     * c2(V)_r for V = sum_a O(k_a): c2(V) = sum_{a<b} c1(L_a) c1(L_b), i.e. c2(V)_r = sum_{a<b} d_rst k_a^s k_b^t
     * (= -(1/2) d_rst sum_a k_a^s k_a^t when c1(V) = 0).
     */
    public int[] c2(int[][] lineBundles) {
        int[] out = new int[h];
        for (int[] k : lineBundles) check(k);
        for (int r = 0; r < h; r++) {
            long sum = 0;
            for (int a = 0; a < lineBundles.length; a++) {
                for (int b = a + 1; b < lineBundles.length; b++) {
                    for (int s = 0; s < h; s++) {
                        if (lineBundles[a][s] == 0) continue;
                        for (int t = 0; t < h; t++) sum += (long) d[(r * h + s) * h + t] * lineBundles[a][s] * lineBundles[b][t];
                    }
                }
            }
            out[r] = Math.toIntExact(sum);
        }
        return out;
    }

    private void check(int[] k) {
        if (k.length != h) {
            throw new IllegalArgumentException("line bundle has " + k.length + " charges, h11 = " + h + " for " + configuration);
        }
    }

    @Override
    public String toString() {
        return "CICY " + configuration + " (h11 = " + h + ", chi = " + euler + ")";
    }
}
