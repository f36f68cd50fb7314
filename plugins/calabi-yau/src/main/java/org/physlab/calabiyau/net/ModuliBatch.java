package org.physlab.calabiyau.net;

import java.util.random.RandomGenerator;
import org.physlab.calabiyau.basis.MonomialBasis;
import org.physlab.calabiyau.complex.Complex;
import org.physlab.calabiyau.loss.EtaVarianceLoss;
import org.physlab.calabiyau.quintic.DworkQuintic;
import org.physlab.calabiyau.quintic.LineSampler;
import org.physlab.calabiyau.quintic.Sample;

/**
 * One training batch of the moduli network (spec §9 step 4): ψ values drawn uniformly in area on the disk
 * |ψ| ≤ ψ_max (radius ψ_max·sqrt(U), angle 2πU′), a fresh line-intersection sample of each member X_ψ,
 * and the η-variance loss of each sample. The batch loss is the mean over ψ of the loss of H from the
 * network at ψ's {@link PsiFeatures} (the tutorial's |ψ|); its gradient flows only through the network's output (the sample does not depend on it).
 */
public final class ModuliBatch {
    private final Complex[] psis;
    private final EtaVarianceLoss[] losses;
    private int singularPoints;

    /** A batch at given ψ values with given samples. */
    public ModuliBatch(MonomialBasis basis, Complex[] psis, Sample[] samples) {
        if (psis.length == 0 || psis.length != samples.length) throw new IllegalArgumentException("one sample per ψ, at least one ψ");
        this.psis = psis.clone();
        losses = new EtaVarianceLoss[psis.length];
        for (int i = 0; i < psis.length; i++) {
            losses[i] = new EtaVarianceLoss(basis, samples[i]);
            singularPoints += samples[i].singularPoints();
        }
    }

    /**
     * Draws {@code batch} ψ with |ψ| ≤ psiMax and {@code points} sample points for each.
     */
    public static ModuliBatch draw(MonomialBasis basis, int batch, double psiMax, int points, RandomGenerator random) {
        if (batch < 1) throw new IllegalArgumentException("the batch needs at least one ψ, got " + batch);
        if (!(psiMax > 0) || !Double.isFinite(psiMax)) throw new IllegalArgumentException("psiMax must be positive and finite, got " + psiMax);
        Complex[] psis = new Complex[batch];
        Sample[] samples = new Sample[batch];
        for (int i = 0; i < batch; i++) {
            double radius = psiMax * Math.sqrt(random.nextDouble());
            psis[i] = Complex.polar(radius, 2 * Math.PI * random.nextDouble());
            samples[i] = new LineSampler(new DworkQuintic(psis[i])).sample(points, random.nextLong());
        }
        return new ModuliBatch(basis, psis, samples);
    }

    /** The ψ values. */
    public Complex[] psis() {
        return psis.clone();
    }

    /** The loss of each ψ's sample. */
    public EtaVarianceLoss loss(int i) {
        return losses[i];
    }

    /** Singular sample points skipped while sampling (conifold ψ only). */
    public int singularPoints() {
        return singularPoints;
    }

    /**
     * Batch loss and its gradient with respect to all network parameters.
     *
     * @param loss      mean over ψ of the η-variance loss
     * @param meanEta   ē of each ψ (held fixed in the gradient, as the tutorial's stop-gradient)
     * @param gradient  ∂loss/∂θ in the network's parameter layout
     * @param skipped   points with non-finite η left out of the loss
     */
    public record Evaluation(double loss, double[] meanEta, double[] gradient, int skipped) { }

    /** The batch loss and its gradient for a network of the tutorial's feature |ψ|. */
    public Evaluation evaluate(HNet net) {
        return evaluate(net, PsiFeatures.ABS);
    }

    /** The batch loss and its gradient for the network's current parameters, ψ entering as {@code features}. */
    public Evaluation evaluate(HNet net, PsiFeatures features) {
        features.requireInputOf(net);
        double[] gradient = new double[net.parameters().length];
        double[] means = new double[psis.length];
        double loss = 0;
        int skipped = 0;
        for (int i = 0; i < psis.length; i++) {
            HNet.Pass pass = net.forward(features.of(psis[i]));
            EtaVarianceLoss.Evaluation e = losses[i].evaluate(pass.output());
            loss += e.loss() / psis.length;
            means[i] = e.meanEta();
            skipped += e.skipped();
            double[] dOut = e.gradient();
            for (int k = 0; k < dOut.length; k++) dOut[k] /= psis.length;
            net.backward(pass, dOut, gradient);
        }
        return new Evaluation(loss, means, gradient, skipped);
    }

    /** The batch loss with each ψ's ē held at {@code meanEta} (what finite differences of the gradient vary), input |ψ|. */
    public double value(HNet net, double[] meanEta) {
        return value(net, PsiFeatures.ABS, meanEta);
    }

    /** The batch loss with each ψ's ē held at {@code meanEta}, ψ entering the network as {@code features}. */
    public double value(HNet net, PsiFeatures features, double[] meanEta) {
        features.requireInputOf(net);
        double loss = 0;
        for (int i = 0; i < psis.length; i++) loss += losses[i].value(net.output(features.of(psis[i])), meanEta[i]) / psis.length;
        return loss;
    }
}
