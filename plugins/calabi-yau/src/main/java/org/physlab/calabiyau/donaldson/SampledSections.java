package org.physlab.calabiyau.donaldson;

import java.util.SplittableRandom;
import org.physlab.calabiyau.basis.MonomialBasis;
import org.physlab.calabiyau.quintic.ChartPoint;
import org.physlab.calabiyau.quintic.LineSampler;
import org.physlab.calabiyau.quintic.Sample;

/**
 * Fresh line-intersection points of a Dwork quintic with their Monte-Carlo weights and the values of a
 * monomial basis there: the point supply of the balancing iteration on a variety. Each call draws a new
 * seed from its own stream, so a run is reproducible from one seed. Singular points the sampler skipped
 * and lines it had to redraw are counted.
 */
public final class SampledSections implements WeightedSectionSource {
    private final LineSampler sampler;
    private final MonomialBasis basis;
    private final SplittableRandom seeds;
    private long singularPoints;
    private long rejectedLines;

    public SampledSections(LineSampler sampler, MonomialBasis basis, long seed) {
        this.sampler = sampler;
        this.basis = basis;
        this.seeds = new SplittableRandom(seed);
    }

    @Override
    public int sample(int count, double[] sections, double[] weights) {
        Sample sample = sampler.sample(count, seeds.nextLong());
        singularPoints += sample.singularPoints();
        rejectedLines += sample.rejectedLines();
        int n = basis.size();
        double[] s = new double[2 * n];
        int i = 0;
        for (ChartPoint point : sample.points()) {
            basis.evaluate(point, s, null);
            System.arraycopy(s, 0, sections, 2 * n * i, 2 * n);
            weights[i] = sample.weights()[i];
            i++;
        }
        return i;
    }

    /** Intersection points skipped so far because the gradient of Q vanished there. */
    public long singularPoints() {
        return singularPoints;
    }

    /** Lines drawn again so far (degenerate quintic in t, or a root off the variety). */
    public long rejectedLines() {
        return rejectedLines;
    }
}
