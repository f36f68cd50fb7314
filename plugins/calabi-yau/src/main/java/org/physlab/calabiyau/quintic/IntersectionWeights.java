package org.physlab.calabiyau.quintic;

/**
 * Monte-Carlo weights of line-intersection samples. Intersections of the threefold with random lines
 * (two points uniform on S^9 ⊂ C^5) are distributed with the density of the restricted Fubini–Study
 * volume form (Shiffman–Zelditch; Douglas, Karp, Lukic, Reinbacher, J. Math. Phys. 49 (2008) 032302,
 * hep-th/0612075). The weight is the Ω-volume density over that sampling density, in the local chart:
 * w = π^3 / (3! · det(J g_FS J^†) · |G_δ|^2), so the mean of w estimates Vol_Ω(X).
 */
public final class IntersectionWeights {

    private static final double PI3_OVER_6 = Math.PI * Math.PI * Math.PI / 6;

    private IntersectionWeights() {
    }

    /** The weight of one point; NaN at a singular point. */
    public static double weight(ChartPoint point) {
        if (point.isSingular()) return Double.NaN;
        double[] fs = new double[32];
        double[] local = new double[18];
        FubiniStudy.metric(point.affineView(), fs);
        Embedding.pullBack(point, fs, local);
        return PI3_OVER_6 / (Embedding.hermitianDeterminant3(local) * point.dependentGradientNorm2());
    }
}
