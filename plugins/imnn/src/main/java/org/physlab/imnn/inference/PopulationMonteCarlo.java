package org.physlab.imnn.inference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;
import org.physlab.imnn.fisher.Compressor;
import org.physlab.imnn.fisher.FisherSummary;
import org.physlab.imnn.simulators.Simulator;

/**
 * Population Monte Carlo ABC with an adaptive threshold (the scheme of Beaumont et al. 2009,
 * Biometrika 96, 983, with the adaptive ε of Lenormand, Jabot and Deffuant 2013, Comput. Stat. 28,
 * 2777), the algorithm imnn's {@code PopulationMonteCarlo} intends:
 * <ol>
 *   <li>Draw {@code population / keepFraction} parameter sets from the prior, keep the
 *       {@code population} closest to the target (Fisher distance of QML estimates), ε = the largest
 *       kept distance, equal weights.</li>
 *   <li>Each iteration, with Σ = 2 × the mean-centred weighted covariance of the kept particles, make
 *       {@code population/keepFraction − population} proposals: pick an ancestor θ_j with probability
 *       w_j, draw θ* = θ_j + L·z (L·Lᵀ = Σ), and redraw (a new ancestor too) while θ* is outside the
 *       prior box — so the proposal density is the weighted kernel mixture restricted to the box, up
 *       to one constant. Weight each new particle by
 *       π(θ*) / Σ_j w_j N(θ* | θ_j, Σ), evaluated at θ* for every ancestor.</li>
 *   <li>The acceptance rate is the share of proposals closer than the current ε. Merge old and new
 *       particles, keep the {@code population} closest, set ε to the largest kept distance.</li>
 *   <li>Stop when the acceptance rate falls to {@code acceptanceCriterion} or below, or after
 *       {@code maxIterations}.</li>
 * </ol>
 * Compared with upstream this fixes: the non-centred covariance, the importance-weight denominator
 * evaluated at the wrong point (which made all weights prior ratios), the row-vector Cholesky product
 * (covariance LᵀL), and moving only one particle per iteration.
 *
 * <pre>{@code
 * AbcResult pmc = PopulationMonteCarlo.run(simulator, network, fisher, prior, observed, 1000, 0.05, rng);
 * pmc.iterations().forEach(it -> System.out.println(it.epsilon() + " " + it.acceptanceRate()));
 * }</pre>
 */
public final class PopulationMonteCarlo {

    /** Default share of each round's particles that is kept. */
    public static final double DEFAULT_KEEP_FRACTION = 0.5;
    /** Default cap on iterations. */
    public static final int DEFAULT_MAX_ITERATIONS = 100;
    /** Proposals falling outside the prior box in a row before the run gives up. */
    static final int MAX_OUTSIDE_DRAWS = 100_000;

    private PopulationMonteCarlo() { }

    /**
     * PMC with keep fraction {@value #DEFAULT_KEEP_FRACTION} and at most {@value #DEFAULT_MAX_ITERATIONS} iterations.
     *
     * @param population          particles kept (the posterior sample size), ≥ 2
     * @param acceptanceCriterion stop once an iteration's acceptance rate is at or below this, in [0, 1)
     */
    public static AbcResult run(Simulator simulator, Compressor compressor, FisherSummary fisher, UniformPrior prior,
                                double[] targetData, int population, double acceptanceCriterion, RandomGenerator rng) {
        return run(simulator, compressor, fisher, prior, targetData, population, acceptanceCriterion,
                DEFAULT_KEEP_FRACTION, DEFAULT_MAX_ITERATIONS, rng);
    }

    /**
     * @param keepFraction  share of each round's particles kept, in (0, 1): each iteration makes
     *                      {@code round(population/keepFraction) − population} new simulations
     * @param maxIterations iterations after the initial draw, ≥ 1
     */
    public static AbcResult run(Simulator simulator, Compressor compressor, FisherSummary fisher, UniformPrior prior,
                                double[] targetData, int population, double acceptanceCriterion, double keepFraction,
                                int maxIterations, RandomGenerator rng) {
        if (population < 2) throw new IllegalArgumentException("PMC needs a population of at least 2, got " + population);
        if (!(acceptanceCriterion >= 0 && acceptanceCriterion < 1)) {
            throw new IllegalArgumentException("the acceptance criterion must be in [0, 1), got " + acceptanceCriterion);
        }
        if (!(keepFraction > 0 && keepFraction < 1)) {
            throw new IllegalArgumentException("the keep fraction must be in (0, 1), got " + keepFraction);
        }
        if (maxIterations < 1) throw new IllegalArgumentException("PMC needs at least one iteration, got " + maxIterations);
        AbcModel model = new AbcModel(simulator, compressor, fisher, prior, targetData);
        int total = (int) Math.round(population / keepFraction);
        int proposalsPerIteration = Math.max(1, total - population);

        List<Particle> particles = new ArrayList<>(total);
        for (int k = 0; k < population + proposalsPerIteration; k++) {
            particles.add(new Particle(model.evaluate(prior.sample(rng), rng), 1.0));
        }
        int simulations = particles.size();
        particles = closest(particles, population);
        double epsilon = particles.get(population - 1).evaluation.distance();
        List<PmcIteration> history = new ArrayList<>();
        history.add(new PmcIteration(0, epsilon, 1.0, simulations, simulations));

        for (int iteration = 1; iteration <= maxIterations; iteration++) {
            double[][] thetas = thetas(particles);
            double[] weights = normalisedWeights(particles);
            MultivariateNormal kernel = new MultivariateNormal(proposalCovariance(thetas, weights, prior));
            List<Particle> proposals = new ArrayList<>(proposalsPerIteration);
            int accepted = 0;
            for (int k = 0; k < proposalsPerIteration; k++) {
                double[] theta = propose(thetas, weights, kernel, prior, rng);
                AbcModel.Evaluation e = model.evaluate(theta, rng);
                if (e.distance() < epsilon) accepted++;
                proposals.add(new Particle(e, importanceWeight(theta, thetas, weights, kernel, prior)));
            }
            simulations += proposalsPerIteration;
            double acceptanceRate = (double) accepted / proposalsPerIteration;
            List<Particle> merged = new ArrayList<>(particles);
            merged.addAll(proposals);
            particles = closest(merged, population);
            epsilon = particles.get(population - 1).evaluation.distance();
            history.add(new PmcIteration(iteration, epsilon, acceptanceRate, proposalsPerIteration, simulations));
            if (acceptanceRate <= acceptanceCriterion) break;
        }

        List<AbcModel.Evaluation> evaluations = new ArrayList<>();
        for (Particle p : particles) evaluations.add(p.evaluation);
        AbcResult plain = RejectionAbc.result(evaluations, simulations, epsilon, model.targetEstimate());
        return new AbcResult(plain.samples(), plain.distances(), simulations, plain.estimates(), normalisedWeights(particles),
                epsilon, plain.targetEstimate(), history);
    }

    /**
     * The PMC kernel covariance: twice the mean-centred weighted covariance of the particles. If the
     * particles have collapsed onto a lower-dimensional set, a tiny multiple (1e-12) of each prior
     * width squared is added to the diagonal so the kernel stays proper.
     */
    static double[][] proposalCovariance(double[][] thetas, double[] weights, UniformPrior prior) {
        double[][] c = Weighted.covariance(thetas, weights);
        for (double[] row : c) for (int j = 0; j < row.length; j++) row[j] *= 2;
        try {
            LinearAlgebra.cholesky(c);
            return c;
        } catch (IllegalArgumentException degenerate) {
            for (int i = 0; i < c.length; i++) {
                double width = prior.high(i) - prior.low(i);
                c[i][i] += 1e-12 * width * width;
            }
            return c;
        }
    }

    /** π(θ) / Σ_j w_j N(θ | θ_j, Σ), with weights w normalised to sum 1. */
    static double importanceWeight(double[] theta, double[][] thetas, double[] weights, MultivariateNormal kernel,
                                   UniformPrior prior) {
        double mixture = 0;
        for (int j = 0; j < thetas.length; j++) mixture += weights[j] * kernel.density(theta, thetas[j]);
        double prior0 = prior.density(theta);
        if (prior0 == 0) return 0;
        if (!(mixture > 0)) {
            throw new IllegalStateException("the PMC proposal density underflowed at a proposed point; the kernel is too narrow");
        }
        return prior0 / mixture;
    }

    /** One draw from the weighted kernel mixture restricted to the prior box. */
    static double[] propose(double[][] thetas, double[] weights, MultivariateNormal kernel, UniformPrior prior,
                            RandomGenerator rng) {
        for (int attempt = 0; attempt < MAX_OUTSIDE_DRAWS; attempt++) {
            double[] candidate = kernel.draw(thetas[pick(weights, rng)], rng);
            if (prior.contains(candidate)) return candidate;
        }
        throw new IllegalStateException("PMC proposals fell outside the prior " + MAX_OUTSIDE_DRAWS + " times in a row");
    }

    private static int pick(double[] weights, RandomGenerator rng) {
        double u = rng.nextDouble();
        double c = 0;
        for (int j = 0; j < weights.length; j++) {
            c += weights[j];
            if (u < c) return j;
        }
        return weights.length - 1;
    }

    private static List<Particle> closest(List<Particle> particles, int n) {
        List<Particle> sorted = new ArrayList<>(particles);
        sorted.sort(Comparator.comparingDouble(p -> p.evaluation.distance()));
        return new ArrayList<>(sorted.subList(0, n));
    }

    private static double[][] thetas(List<Particle> particles) {
        double[][] t = new double[particles.size()][];
        for (int k = 0; k < t.length; k++) t[k] = particles.get(k).evaluation.theta();
        return t;
    }

    private static double[] normalisedWeights(List<Particle> particles) {
        double[] w = new double[particles.size()];
        double total = 0;
        for (int k = 0; k < w.length; k++) {
            w[k] = particles.get(k).weight;
            total += w[k];
        }
        if (!(total > 0)) throw new IllegalStateException("all PMC weights are zero");
        for (int k = 0; k < w.length; k++) w[k] /= total;
        return w;
    }

    private record Particle(AbcModel.Evaluation evaluation, double weight) { }
}
