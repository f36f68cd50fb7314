package org.physlab.autoencoder.slm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

import org.physlab.autoencoder.cicy.CicyGeometry;

/**
 * Generates SU(5) line-bundle sums V = L_1 + ... + L_5 that satisfy the topological standard-like-model
 * conditions ({@link Constraint}) on a CICY with a symmetry of order |Gamma|, with charges in [-q, q].
 *
 * <p>Search (the spec's strategy): (1) enumerate every line bundle O(k), k in [-q, q]^h11, keep those whose slope
 * can vanish (d_rst k^r has both signs) and with -3|Gamma| <= ind <= 0: the set B, ordered by norm. (2) For triples
 * L_1 <= L_2 <= L_3 of B (positions in B) with pair indices <= 0, complete the sum by every L_4 <= L_5 in B with
 * L_4 + L_5 = -(L_1 + L_2 + L_3), so c1(V) = 0 and each sum is met once up to reordering (from a table of such pairs
 * grouped by their sum, or by scanning L_4 over B and looking L_5 up); then require ind(V) = -3|Gamma|, all pair
 * indices ind(L_a x L_b) <= 0, c2(V) <= c2(TX) with some c2(V)_r > 0, and finally poly-stability ({@link Polystability}).
 * Models are kept once per class under the configuration's permutation symmetries
 * ({@link org.physlab.autoencoder.cicy.Configuration#permutationSymmetries()}).
 *
 * <p>Every test before poly-stability is a few integer operations on tables computed once per bundle in B:
 * ind(L), v(L)_r = d_rst k^s k^t and the code of k in base 2q+1, with
 * ind(L_a x L_b) = ind(L_a) + ind(L_b) + (v(L_a).k_b + v(L_b).k_a) / 2 and c2(V)_r = -(1/2) sum_a v(L_a)_r.
 * Triples are all visited (shuffled order: exhaustive) when they fit the budget, else drawn at random from the
 * caller's generator: a capped run is a deterministic, seed-dependent sample.
 */
public final class SlmGenerator {

    /** The largest number of charge vectors (2q+1)^h11 enumerated. */
    public static final long MAX_CHARGE_VECTORS = 20_000_000L;

    /** Called about every 2^20 candidates; may throw to cancel the search. */
    @FunctionalInterface
    public interface Progress {
        void report(double fraction, long candidatesChecked, int modelsFound);
    }

    /**
     * What a search found.
     *
     * @param models            the deduplicated models (line bundles in the order of B: increasing norm)
     * @param stageCounts       how many survive each stage, in order (names are stable keys)
     * @param candidatesChecked complete line-bundle sums (L_1..L_4 from B, L_5 = -(L_1+...+L_4)) tested
     * @param exhaustive        whether the whole search space was covered (no cap or cancellation hit)
     */
    public record Result(List<LineBundleSum> models, Map<String, Long> stageCounts, long candidatesChecked,
                         boolean exhaustive) { }

    private final CicyGeometry geometry;
    private final int symmetryOrder;
    private final int maxCharge;
    private final int h;
    private final int families;

    // tables over B
    private final int size;
    private final int[] k;         // charges, k[id*h + i]
    private final int[] ind;       // ind(L)
    private final int[] v;         // v[id*h + r] = d_rst k^s k^t
    private final int[] idOfCode;  // charge code -> id in B, or -1
    private final int[] c2x;
    private final int[] power;     // (2q+1)^i
    private final long enumerated, slopePassed;

    /**
     * Prepares the tables for one manifold, |Gamma| and charge range.
     *
     * @throws IllegalArgumentException if |Gamma| < 1, q < 1, or (2q+1)^h11 exceeds {@link #MAX_CHARGE_VECTORS}
     */
    public SlmGenerator(CicyGeometry geometry, int symmetryOrder, int maxCharge) {
        if (symmetryOrder < 1) throw new IllegalArgumentException("symmetryOrder must be at least 1, got " + symmetryOrder);
        if (maxCharge < 1) throw new IllegalArgumentException("maxCharge must be at least 1, got " + maxCharge);
        this.geometry = geometry;
        this.symmetryOrder = symmetryOrder;
        this.maxCharge = maxCharge;
        this.h = geometry.h11();
        this.families = 3 * symmetryOrder;
        int base = 2 * maxCharge + 1;
        double vectors = Math.pow(base, h);
        if (vectors > MAX_CHARGE_VECTORS) {
            throw new IllegalArgumentException(String.format("maxCharge %d on h11 = %d means %.3g charge vectors per line bundle, "
                    + "more than the %d the generator enumerates; lower maxCharge", maxCharge, h, vectors, MAX_CHARGE_VECTORS));
        }
        int cube = (int) vectors;
        power = new int[h + 1];
        power[0] = 1;
        for (int i = 1; i <= h; i++) power[i] = power[i - 1] * base;
        c2x = geometry.c2();

        // (1) single line bundles passing the slope-sign test and the index bounds
        List<int[]> kept = new ArrayList<>();
        int[] q = new int[h];
        long slope = 0;
        for (int code = 0; code < cube; code++) {
            int x = code;
            for (int i = 0; i < h; i++) {
                q[i] = x % base - maxCharge;
                x /= base;
            }
            if (!slopeCanVanish(q)) continue;
            slope++;
            long index = geometry.index(q);
            if (index > 0 || index < -families) continue;
            kept.add(q.clone());
        }
        enumerated = cube;
        slopePassed = slope;
        kept.sort((a, b) -> {
            int c = Integer.compare(dot(a, a), dot(b, b));
            return c != 0 ? c : Arrays.compare(a, b);
        });
        size = kept.size();
        k = new int[size * h];
        v = new int[size * h];
        ind = new int[size];
        idOfCode = new int[cube];
        Arrays.fill(idOfCode, -1);
        for (int id = 0; id < size; id++) {
            int[] b = kept.get(id);
            System.arraycopy(b, 0, k, id * h, h);
            System.arraycopy(geometry.quadratic(b), 0, v, id * h, h);
            ind[id] = (int) geometry.index(b);
            idOfCode[code(b)] = id;
        }
    }

    private boolean slopeCanVanish(int[] q) {
        boolean pos = false, neg = false;
        for (int s = 0; s < h; s++) {
            for (int t = s; t < h; t++) {
                int m = 0;
                for (int r = 0; r < h; r++) m += geometry.intersection(r, s, t) * q[r];
                pos |= m > 0;
                neg |= m < 0;
            }
        }
        return pos && neg;
    }

    private int code(int[] q) {
        int c = 0;
        for (int i = 0; i < h; i++) c += (q[i] + maxCharge) * power[i];
        return c;
    }

    private static int dot(int[] a, int[] b) {
        int s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    /** The charges of line bundle {@code id} of B (ids ordered by norm). */
    public int[] lineBundle(int id) {
        return Arrays.copyOfRange(k, id * h, id * h + h);
    }

    /** |B|: line bundles with charges in range, slope able to vanish and index in [-3|Gamma|, 0]. */
    public int lineBundleCount() {
        return size;
    }

    /**
     * The contract's one-call form: prepares the tables and runs {@link #generate(int, RandomGenerator, Progress)}.
     */
    public static Result generate(CicyGeometry geometry, int symmetryOrder, int maxCharge, int maxModels,
                                  RandomGenerator random, Progress progress) {
        return new SlmGenerator(geometry, symmetryOrder, maxCharge).generate(maxModels, random, progress);
    }

    /** {@link #generate(int, long, RandomGenerator, Progress)} with a budget of {@link #DEFAULT_TRIPLES} triples. */
    public Result generate(int maxModels, RandomGenerator random, Progress progress) {
        return generate(maxModels, DEFAULT_TRIPLES, random, progress);
    }

    /**
     * Runs the search over triples (L_1, L_2, L_3) of B, each completed by every (L_4, L_5) with
     * L_4 + L_5 = -(L_1 + L_2 + L_3). When the sorted triples number at most {@code maxTriples} they are all visited
     * (in an order shuffled by {@code random}: exhaustive); otherwise {@code maxTriples} triples are drawn at random,
     * so a capped run is a sample of the models, not the ones nearest to some starting point.
     *
     * @param maxModels  stop after this many distinct poly-stable models (0: no cap)
     * @param maxTriples the budget of triples
     * @param random     the run's random stream (deterministic for a seed)
     * @param progress   told about progress; may throw to cancel
     */
    public Result generate(int maxModels, long maxTriples, RandomGenerator random, Progress progress) {
        if (maxTriples < 1) throw new IllegalArgumentException("maxTriples must be positive, got " + maxTriples);
        buildPairTable();
        Search search = new Search(maxModels, progress);
        long sortedTriples = (long) size * (size + 1) / 2 * (size + 2) / 3;
        boolean complete;
        if (sortedTriples <= maxTriples) {
            int[] order = shuffled(random);
            complete = true;
            outer:
            for (int n = 0; n < size; n++) {
                int i1 = order[n];
                for (int i2 = i1; i2 < size; i2++) {
                    for (int i3 = i2; i3 < size; i3++) {
                        if (!search.triple(i1, i2, i3)) {
                            complete = false;
                            break outer;
                        }
                    }
                }
                search.fraction = (double) (n + 1) / size;
            }
        } else {
            complete = false;
            int[] t = new int[3];
            for (long drawn = 0; drawn < maxTriples; drawn++) {
                t[0] = random.nextInt(size);
                t[1] = random.nextInt(size);
                t[2] = random.nextInt(size);
                Arrays.sort(t);
                if (!search.triple(t[0], t[1], t[2])) break;
                if ((drawn & 0xFFFF) == 0) {
                    search.fraction = Math.max((double) drawn / maxTriples,
                            maxModels > 0 ? (double) search.models.size() / maxModels : 0);
                }
            }
        }
        progress.report(1, search.candidates, search.models.size());
        Map<String, Long> stages = new LinkedHashMap<>();
        stages.put("line bundles enumerated", enumerated);
        stages.put("slope can vanish", slopePassed);
        stages.put("index bounds (set B)", (long) size);
        stages.put("triples L1<=L2<=L3 visited", search.triples);
        stages.put("pair indices of the triple", search.goodTriples);
        stages.put("candidates: L4 + L5 = -(L1+L2+L3), all in B", search.candidates);
        stages.put("total index", search.totalIndex);
        stages.put("pair indices with L4, L5", search.pairs);
        stages.put("anomaly bound", search.anomaly);
        stages.put("distinct up to symmetries", (long) search.seen.size());
        stages.put("poly-stable (models)", (long) search.models.size());
        stages.put("not poly-stable: slope combination of one sign", search.obstructed);
        stages.put("not poly-stable: no common zero found numerically", search.noZero);
        return new Result(List.copyOf(search.models), stages, search.candidates, complete);
    }

    /** The default budget of triples for {@link #generate(int, RandomGenerator, Progress)}. */
    public static final long DEFAULT_TRIPLES = 200_000_000L;
    /** The most (L_4, L_5) pairs kept in the table; beyond it L_4 is scanned over B. */
    static final long MAX_PAIRS = 25_000_000L;

    private int[] shuffled(RandomGenerator random) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) order[i] = i;
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    // pairs (a <= b) of B with ind(L_a x L_b) <= 0 and ind a + ind b >= -3|Gamma|, grouped by the code of L_a + L_b
    // (base 4q+1): pairStart[code] .. pairStart[code+1] index pairFirst/pairSecond. Null when too many.
    private int[] pairStart, pairFirst, pairSecond;
    private boolean pairTableTried;

    /**
     * Whether to build the table of (L_4, L_5) pairs (default true; it is skipped anyway beyond {@link #MAX_PAIRS}
     * pairs). Without it every L_4 in B is tried for each triple: slower per model, no memory.
     */
    public SlmGenerator pairTable(boolean allowed) {
        this.pairTableAllowed = allowed;
        if (!allowed) pairStart = null;
        pairTableTried = !allowed;
        return this;
    }

    private boolean pairTableAllowed = true;

    private synchronized void buildPairTable() {
        if (pairTableTried || !pairTableAllowed) return;
        pairTableTried = true;
        if ((long) size * (size + 1) / 2 > 4 * MAX_PAIRS) return;
        int sumBase = 4 * maxCharge + 1;
        double codes = Math.pow(sumBase, h);
        if (codes > MAX_CHARGE_VECTORS * 4) return;
        int[] count = new int[(int) codes + 1];
        long total = 0;
        for (int a = 0; a < size; a++) {
            for (int b = a; b < size; b++) {
                if (pairOk(a, b)) {
                    count[sumCode(a, b) + 1]++;
                    if (++total > MAX_PAIRS) return;
                }
            }
        }
        for (int c = 1; c < count.length; c++) count[c] += count[c - 1];
        int[] first = new int[(int) total], second = new int[(int) total];
        int[] fill = count.clone();
        for (int a = 0; a < size; a++) {
            for (int b = a; b < size; b++) {
                if (pairOk(a, b)) {
                    int at = fill[sumCode(a, b)]++;
                    first[at] = a;
                    second[at] = b;
                }
            }
        }
        pairStart = count;
        pairFirst = first;
        pairSecond = second;
    }

    private boolean pairOk(int a, int b) {
        return ind[a] + ind[b] >= -families && pairIndex(a, b) <= 0;
    }

    private int sumCode(int a, int b) {
        int c = 0, p = 1, sumBase = 4 * maxCharge + 1;
        for (int i = 0; i < h; i++) {
            c += (k[a * h + i] + k[b * h + i] + 2 * maxCharge) * p;
            p *= sumBase;
        }
        return c;
    }

    // ind(L_a x L_b) = ind(L_a) + ind(L_b) + (v(L_a).k_b + v(L_b).k_a) / 2
    private int pairIndex(int a, int b) {
        int oa = a * h, ob = b * h, cross = 0;
        for (int i = 0; i < h; i++) cross += v[oa + i] * k[ob + i] + v[ob + i] * k[oa + i];
        return ind[a] + ind[b] + (cross >> 1);
    }

    /** Whether (L_4, L_5) come from the pair table (true) or from a scan of B for each triple. */
    public boolean usesPairTable() {
        buildPairTable();
        return pairStart != null;
    }

    /** The mutable state of one search: counters, the kept models and the symmetry-class keys seen. */
    private final class Search {
        final int maxModels;
        final Progress progress;
        final List<LineBundleSum> models = new ArrayList<>();
        final Set<LineBundleSum> seen = new HashSet<>();
        final List<int[]> symmetries = geometry.configuration().permutationSymmetries();
        long triples, goodTriples, candidates, totalIndex, pairs, anomaly, obstructed, noZero;
        long nextReport = 1 << 20;
        double fraction;
        final int[] w = new int[h];

        Search(int maxModels, Progress progress) {
            this.maxModels = maxModels;
            this.progress = progress;
        }

        /** Every sum whose three smallest line bundles are i1 <= i2 <= i3; false when the search must stop. */
        boolean triple(int i1, int i2, int i3) {
            triples++;
            if (triples >= nextReport) {
                nextReport = triples + (1 << 20);
                progress.report(fraction, candidates, models.size());
            }
            int s3 = ind[i1] + ind[i2] + ind[i3];
            if (s3 < -families || pairIndex(i1, i2) > 0 || pairIndex(i1, i3) > 0 || pairIndex(i2, i3) > 0) return true;
            goodTriples++;
            for (int i = 0; i < h; i++) w[i] = k[i1 * h + i] + k[i2 * h + i] + k[i3 * h + i];
            return pairStart != null ? fromPairTable(i1, i2, i3, s3) : scanFourth(i1, i2, i3, s3);
        }

        /* (L4, L5) from the table of pairs summing to -w. */
        boolean fromPairTable(int i1, int i2, int i3, int s3) {
            int code = 0, p = 1, sumBase = 4 * maxCharge + 1, limit = 2 * maxCharge;
            for (int i = 0; i < h; i++) {
                int c = -w[i];
                if (c > limit || c < -limit) return true;
                code += (c + limit) * p;
                p *= sumBase;
            }
            for (int at = pairStart[code], end = pairStart[code + 1]; at < end; at++) {
                int i4 = pairFirst[at];
                if (i4 < i3) continue;                    // this sum is met from its own three smallest bundles
                candidates++;
                if (!rest(i1, i2, i3, i4, pairSecond[at], s3)) return false;
            }
            return true;
        }

        /* L4 over B from i3 on, L5 = -(w + L4) looked up by its charge code. */
        boolean scanFourth(int i1, int i2, int i3, int s3) {
            final int q = maxCharge;
            candidates += size - i3;                     // every L4 from i3 on makes a complete sum with L5 = -(w + L4)
            for (int i4 = i3; i4 < size; i4++) {
                int code = 0, o4 = i4 * h;
                boolean inRange = true;
                for (int i = 0; i < h; i++) {
                    int c = -(w[i] + k[o4 + i]);
                    if (c > q || c < -q) {
                        inRange = false;
                        break;
                    }
                    code += (c + q) * power[i];
                }
                if (!inRange) continue;
                int i5 = idOfCode[code];
                if (i5 < i4) continue;                   // not in B, or this sum is met with another order
                if (pairIndex(i4, i5) > 0) continue;
                if (!rest(i1, i2, i3, i4, i5, s3)) return false;
            }
            return true;
        }

        /* The remaining integer tests of a complete sum, then poly-stability. */
        boolean rest(int i1, int i2, int i3, int i4, int i5, int s3) {
            if (s3 + ind[i4] + ind[i5] != -families) return true;
            totalIndex++;
            if (pairIndex(i1, i4) > 0 || pairIndex(i2, i4) > 0 || pairIndex(i3, i4) > 0
                    || pairIndex(i1, i5) > 0 || pairIndex(i2, i5) > 0 || pairIndex(i3, i5) > 0) return true;
            pairs++;
            if (!anomalyBound(i1, i2, i3, i4, i5)) return true;
            anomaly++;
            return accept(new int[] {i1, i2, i3, i4, i5});
        }

        // c2(V)_r = -(1/2) sum_a v(L_a)_r <= c2(TX)_r, some c2(V)_r > 0
        boolean anomalyBound(int i1, int i2, int i3, int i4, int i5) {
            boolean positive = false;
            for (int r = 0; r < h; r++) {
                int twice = -(v[i1 * h + r] + v[i2 * h + r] + v[i3 * h + r] + v[i4 * h + r] + v[i5 * h + r]);
                if (twice > 2 * c2x[r]) return false;
                positive |= twice > 0;
            }
            return positive;
        }

        /** Poly-stability and deduplication of a survivor of every integer test; false when the cap is reached. */
        boolean accept(int[] ids) {
            int[][] charges = new int[5][];
            for (int a = 0; a < 5; a++) charges[a] = Arrays.copyOfRange(k, ids[a] * h, ids[a] * h + h);
            LineBundleSum model = LineBundleSum.of(charges);
            LineBundleSum key = model.canonical(symmetries);
            if (!seen.add(key)) return true;      // a symmetric image of a model already met (stable or not)
            Polystability.Result stability = Polystability.test(geometry, charges);
            if (!stability.stable()) {
                if (stability.obstruction() != null) obstructed++;
                else noZero++;
                return true;
            }
            models.add(model);
            return maxModels <= 0 || models.size() < maxModels;
        }
    }

    public CicyGeometry geometry() {
        return geometry;
    }

    public int symmetryOrder() {
        return symmetryOrder;
    }

    public int maxCharge() {
        return maxCharge;
    }
}
