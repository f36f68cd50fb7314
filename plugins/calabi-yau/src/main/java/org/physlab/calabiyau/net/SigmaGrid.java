package org.physlab.calabiyau.net;

import java.util.stream.IntStream;
import org.physlab.calabiyau.basis.MonomialBasis;
import org.physlab.calabiyau.complex.Complex;
import org.physlab.calabiyau.hermitian.CholeskyParametrisation;
import org.physlab.calabiyau.metric.AlgebraicMetric;
import org.physlab.calabiyau.metric.SigmaAccuracy;
import org.physlab.calabiyau.quintic.DworkQuintic;
import org.physlab.calabiyau.quintic.LineSampler;
import org.physlab.calabiyau.quintic.Sample;

/**
 * The tutorial's evaluation grid (spec §9 step 5): ψ = r·e^{iφ} for 5 radii r = 1, 25.75, 50.5, 75.25, 100
 * (linspace(1, 100, 5)) and 10 angles φ = 0, π/5, …, 9π/5; σ of the network's metric at every ψ, and
 * mean/min/max over the angles per radius. The samples are drawn once, with the same seed for every ψ
 * (as the tutorial's broadcast key), and reused for every evaluation, so successive evaluations differ only
 * by the network.
 */
public final class SigmaGrid {
    /** The tutorial's radii. */
    public static final double[] RADII = {1, 25.75, 50.5, 75.25, 100};
    /** Angles per radius. */
    public static final int ANGLES = 10;

    private final MonomialBasis basis;
    private final Sample[][] samples;   // [radius][angle]

    /** σ per radius over the angles. */
    public record Row(double radius, double mean, double min, double max) { }

    /**
     * @param points sample points per ψ (tutorial: 500)
     * @param seed   seed shared by the samples of all 50 ψ
     */
    public SigmaGrid(MonomialBasis basis, int points, long seed) {
        if (points < 1) throw new IllegalArgumentException("the evaluation needs at least one point per ψ, got " + points);
        this.basis = basis;
        samples = new Sample[RADII.length][ANGLES];
        IntStream.range(0, RADII.length * ANGLES).parallel().forEach(k -> {
            int r = k / ANGLES, a = k % ANGLES;
            samples[r][a] = new LineSampler(new DworkQuintic(psi(r, a))).sample(points, seed);
        });
    }

    /** ψ at radius index r and angle index a. */
    public static Complex psi(int r, int a) {
        return Complex.polar(RADII[r], a * Math.PI / 5);
    }

    /** σ of H(|ψ|) from a network of the tutorial's feature |ψ| at every grid point, summarised per radius. */
    public Row[] evaluate(HNet net) {
        return evaluate(net, PsiFeatures.ABS);
    }

    /** σ of H from the network at every grid point ψ (entering as {@code features}), summarised per radius. */
    public Row[] evaluate(HNet net, PsiFeatures features) {
        features.requireInputOf(net);
        double[][] sigma = new double[RADII.length][ANGLES];
        IntStream.range(0, RADII.length * ANGLES).parallel().forEach(k -> {
            int r = k / ANGLES, a = k % ANGLES;
            AlgebraicMetric metric = new AlgebraicMetric(basis, CholeskyParametrisation.decode(net.output(features.of(psi(r, a)))));
            sigma[r][a] = SigmaAccuracy.of(metric, samples[r][a]).sigma();
        });
        Row[] rows = new Row[RADII.length];
        for (int r = 0; r < RADII.length; r++) {
            double sum = 0, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
            for (double s : sigma[r]) {
                sum += s;
                min = Math.min(min, s);
                max = Math.max(max, s);
            }
            rows[r] = new Row(RADII[r], sum / ANGLES, min, max);
        }
        return rows;
    }
}
