package org.physlab.autoencoder.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

import org.physlab.autoencoder.cicy.CicyGeometry;
import org.physlab.autoencoder.cicy.KnownCicys;
import org.physlab.autoencoder.slm.SlmGenerator;

/**
 * Candidate line-bundle sums checked per second by the SLM generator on CICY 5302 (|Gamma| = 4, charges in
 * [-2, 2]), on one thread. A candidate is a complete sum V = L1 + ... + L5 with L1..L4 from B and
 * L5 = -(L1 + ... + L4) (so c1 = 0) tested against the remaining conditions.
 *
 * <ul>
 *   <li>fast scan: the generator's integer tables, every L4 in B tried for each triple (no poly-stability
 *       budget worth mentioning: its survivors are rare);</li>
 *   <li>baseline: the same triples and the same tests through the general {@link CicyGeometry} methods (index,
 *       slope matrix, c2(V) from d_rst on fresh arrays), as a checker without tables would do it;</li>
 *   <li>pair table: the generator's default completion of a triple (L4 + L5 looked up by their sum), with the
 *       models it finds per second, the number that matters for a run.</li>
 * </ul>
 * Usage: GeneratorBench [triples for the fast scan, default 300000]
 */
public final class GeneratorBench {

    public static void main(String[] args) {
        long triples = args.length > 0 ? Long.parseLong(args[0]) : 300_000;
        CicyGeometry g = new CicyGeometry(KnownCicys.byNumber(5302));
        int gamma = 4, q = 2;
        SlmGenerator scan = new SlmGenerator(g, gamma, q).pairTable(false);
        System.out.printf(Locale.ROOT, "CICY 5302, |Gamma| = %d, charges in [-%d, %d]: |B| = %d line bundles; one thread%n",
                gamma, q, q, scan.lineBundleCount());

        scan.generate(0, triples / 10, new SplittableRandom(1), (f, c, m) -> { });   // warm-up
        long t0 = System.nanoTime();
        SlmGenerator.Result fast = scan.generate(0, triples, new SplittableRandom(2), (f, c, m) -> { });
        double fastSeconds = (System.nanoTime() - t0) / 1e9;
        double fastRate = fast.candidatesChecked() / fastSeconds;
        System.out.printf(Locale.ROOT, "fast scan : %,d candidates in %.2f s = %,.0f candidates/s (%d models)%n",
                fast.candidatesChecked(), fastSeconds, fastRate, fast.models().size());

        long baseTriples = Math.max(1, triples / 50);
        Baseline base = new Baseline(g, scan, gamma, q);
        base.run(baseTriples / 10, new SplittableRandom(1));                           // warm-up
        base.candidates = 0;
        t0 = System.nanoTime();
        base.run(baseTriples, new SplittableRandom(2));
        double baseSeconds = (System.nanoTime() - t0) / 1e9;
        double baseRate = base.candidates / baseSeconds;
        System.out.printf(Locale.ROOT, "baseline  : %,d candidates in %.2f s = %,.0f candidates/s (general CicyGeometry path, %d sums pass 1-6)%n",
                base.candidates, baseSeconds, baseRate, base.survivors);
        System.out.printf(Locale.ROOT, "ratio fast/baseline = %.1f%n", fastRate / baseRate);

        SlmGenerator table = new SlmGenerator(g, gamma, q);
        t0 = System.nanoTime();
        boolean built = table.usesPairTable();
        double buildSeconds = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        SlmGenerator.Result result = table.generate(500, 50_000_000, new SplittableRandom(3), (f, c, m) -> { });
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "pair table: built=%s in %.2f s; %,d candidates, %d models in %.2f s = %,.0f candidates/s, %.0f models/s%n",
                built, buildSeconds, result.candidatesChecked(), result.models().size(), seconds,
                result.candidatesChecked() / seconds, result.models().size() / seconds);
        System.out.printf(Locale.ROOT, "target >= 1,000,000 candidates/s on one thread: %s%n", fastRate >= 1e6 ? "met" : "NOT met");
    }

    /** Conditions 2-6 on each candidate through the general geometry code, without tables. */
    static final class Baseline {
        final CicyGeometry g;
        final SlmGenerator b;
        final int gamma, q, size, h;
        final int[][] bundles;
        long candidates, survivors;

        Baseline(CicyGeometry g, SlmGenerator b, int gamma, int q) {
            this.g = g;
            this.b = b;
            this.gamma = gamma;
            this.q = q;
            this.size = b.lineBundleCount();
            this.h = g.h11();
            this.bundles = new int[size][];
            for (int i = 0; i < size; i++) bundles[i] = b.lineBundle(i);
        }

        void run(long triples, SplittableRandom random) {
            int[] t = new int[3];
            for (long n = 0; n < triples; n++) {
                t[0] = random.nextInt(size);
                t[1] = random.nextInt(size);
                t[2] = random.nextInt(size);
                Arrays.sort(t);
                int[] l1 = bundles[t[0]], l2 = bundles[t[1]], l3 = bundles[t[2]];
                long s3 = g.index(l1) + g.index(l2) + g.index(l3);
                if (s3 < -3 * gamma || g.index(add(l1, l2)) > 0 || g.index(add(l1, l3)) > 0 || g.index(add(l2, l3)) > 0) continue;
                candidates += size - t[2];
                for (int i4 = t[2]; i4 < size; i4++) {
                    int[] l4 = bundles[i4];
                    int[] l5 = new int[h];
                    boolean inRange = true;
                    for (int i = 0; i < h; i++) {
                        l5[i] = -(l1[i] + l2[i] + l3[i] + l4[i]);
                        inRange &= Math.abs(l5[i]) <= q;
                    }
                    if (!inRange || !slopeCanVanish(l5)) continue;
                    long i5 = g.index(l5), i4x = g.index(l4);
                    if (i5 > 0 || i5 < -3 * gamma || s3 + i4x + i5 != -3 * gamma) continue;
                    int[][] v = {l1, l2, l3, l4, l5};
                    boolean pairs = true;
                    for (int a = 0; a < 5 && pairs; a++) for (int c = Math.max(a + 1, 3); c < 5 && pairs; c++) pairs = g.index(add(v[a], v[c])) <= 0;
                    if (!pairs) continue;
                    int[] c2v = g.c2(v), c2x = g.c2();
                    boolean ok = false;
                    for (int r = 0; r < h; r++) {
                        if (c2v[r] > c2x[r]) {
                            ok = false;
                            break;
                        }
                        ok |= c2v[r] > 0;
                    }
                    if (ok) survivors++;
                }
            }
        }

        boolean slopeCanVanish(int[] k) {
            boolean pos = false, neg = false;
            for (int[] row : g.slopeMatrix(k)) for (int x : row) {
                pos |= x > 0;
                neg |= x < 0;
            }
            return pos && neg;
        }

        static int[] add(int[] a, int[] b) {
            int[] s = new int[a.length];
            for (int i = 0; i < a.length; i++) s[i] = a[i] + b[i];
            return s;
        }
    }
}
