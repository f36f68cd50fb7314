package org.physlab.calabiyau.quintic;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Samples a Dwork quintic by intersecting it with random lines z(t) = p + t q, with p and q uniform on
 * the unit sphere S^9 ⊂ C^5 (ten standard normals, normalised; real parts first), which is the
 * U(5)-invariant distribution on P^4. Each line meets the threefold in the five roots of the quintic
 * t ↦ Q_ψ(p + t q) ({@link QuinticRoots}); all five points are kept, so ⌈count/5⌉ lines give count points.
 * Every point gets its weight from {@link IntersectionWeights}.
 *
 * <p>A line is drawn again if its quintic is degenerate (|c_5| tiny: a root near infinity) or if a root
 * misses the variety (|Q(z)| &gt; 1e-10 · max|z_i|^5); a point where the gradient of Q vanishes (only on
 * conifold members) is skipped and counted. Deterministic for a given seed.
 */
public final class LineSampler {

    /** Largest accepted |Q(z)| / max_i |z_i|^5 for an intersection point. */
    public static final double RESIDUAL_TOLERANCE = 1e-10;

    private final DworkQuintic quintic;

    public LineSampler(DworkQuintic quintic) {
        this.quintic = quintic;
    }

    public DworkQuintic quintic() {
        return quintic;
    }

    /**
     * @param count number of points, at least 1
     * @param seed  seed of the line stream
     * @throws IllegalArgumentException if count &lt; 1
     */
    public Sample sample(int count, long seed) {
        if (count < 1) throw new IllegalArgumentException("the number of sample points must be at least 1, got " + count);
        SplittableRandom random = new SplittableRandom(seed);
        List<ChartPoint> points = new ArrayList<>(count);
        double[] weights = new double[count];
        int rejected = 0, singular = 0;
        double[] p = new double[10], q = new double[10];
        while (points.size() < count) {
            if (rejected > 1000 + 10 * count) {
                throw new IllegalStateException("could not sample " + quintic + ": too many degenerate lines");
            }
            randomSpherePoint(random, p);
            randomSpherePoint(random, q);
            double[][] zs = intersections(p, q);
            if (zs == null) {
                rejected++;
                continue;
            }
            for (double[] z : zs) {
                if (points.size() == count) break;
                ChartPoint point = quintic.chart(z);
                double w = point.isSingular() ? Double.NaN : IntersectionWeights.weight(point);
                if (!(Double.isFinite(w) && w > 0)) {
                    singular++;
                    continue;
                }
                weights[points.size()] = w;
                points.add(point);
            }
        }
        return new Sample(quintic, points, weights, rejected, singular);
    }

    /**
     * The intersection points of given lines z(t) = p_l + t q_l, five per line, with weights; singular
     * points are skipped and counted, as in {@link #sample}.
     *
     * @throws IllegalArgumentException if the lists differ in length or a line is degenerate
     */
    public Sample intersect(List<double[]> p, List<double[]> q) {
        if (p.size() != q.size() || p.isEmpty()) throw new IllegalArgumentException("give one q per p, at least one line");
        List<ChartPoint> points = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        int singular = 0;
        for (int l = 0; l < p.size(); l++) {
            double[][] zs = intersections(p.get(l), q.get(l));
            if (zs == null) throw new IllegalArgumentException("line " + l + " is degenerate for " + quintic);
            for (double[] z : zs) {
                ChartPoint point = quintic.chart(z);
                double w = point.isSingular() ? Double.NaN : IntersectionWeights.weight(point);
                if (!(Double.isFinite(w) && w > 0)) {
                    singular++;
                    continue;
                }
                points.add(point);
                weights.add(w);
            }
        }
        return new Sample(quintic, points, weights.stream().mapToDouble(Double::doubleValue).toArray(), 0, singular);
    }

    /**
     * The five intersection points p + t_m q of the line with the threefold (homogeneous, not normalised),
     * or {@code null} if the line is degenerate or a root fails the residual check.
     */
    public double[][] intersections(double[] p, double[] q) {
        double[] c = quintic.lineCoefficients(p, q);
        double cmax = 0;
        for (int m = 0; m <= 5; m++) cmax = Math.max(cmax, Math.hypot(c[2 * m], c[2 * m + 1]));
        if (!(Math.hypot(c[10], c[11]) > 1e-12 * cmax)) return null;
        double[] t;
        try {
            t = QuinticRoots.roots(c);
        } catch (ArithmeticException e) {
            return null;
        }
        double[][] zs = new double[5][];
        for (int m = 0; m < 5; m++) {
            double[] z = pointOnLine(p, q, t[2 * m], t[2 * m + 1]);
            double zmax = 0;
            for (int i = 0; i < 5; i++) zmax = Math.max(zmax, Math.hypot(z[2 * i], z[2 * i + 1]));
            if (!(quintic.value(z).abs() <= RESIDUAL_TOLERANCE * Math.pow(zmax, 5))) return null;
            zs[m] = z;
        }
        return zs;
    }

    /** p + t q. */
    public static double[] pointOnLine(double[] p, double[] q, double tr, double ti) {
        double[] z = new double[p.length];
        for (int i = 0; i < p.length / 2; i++) {
            z[2 * i] = p[2 * i] + tr * q[2 * i] - ti * q[2 * i + 1];
            z[2 * i + 1] = p[2 * i + 1] + tr * q[2 * i + 1] + ti * q[2 * i];
        }
        return z;
    }

    /** A point uniform on S^9 ⊂ C^5: 10 standard normals (5 real parts, then 5 imaginary parts), normalised. */
    static void randomSpherePoint(SplittableRandom random, double[] out) {
        double[] g = new double[10];
        double n = 0;
        for (int k = 0; k < 10; k++) {
            g[k] = random.nextGaussian();
            n += g[k] * g[k];
        }
        n = Math.sqrt(n);
        for (int i = 0; i < 5; i++) {
            out[2 * i] = g[i] / n;
            out[2 * i + 1] = g[5 + i] / n;
        }
    }
}
