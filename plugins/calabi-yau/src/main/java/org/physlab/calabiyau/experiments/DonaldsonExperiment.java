package org.physlab.calabiyau.experiments;

import java.util.ArrayList;
import java.util.List;
import org.physlab.api.Artifact;
import org.physlab.api.Experiment;
import org.physlab.api.ExperimentDescriptor;
import org.physlab.api.FieldError;
import org.physlab.api.MetricGoal;
import org.physlab.api.Parameter;
import org.physlab.api.ParameterSchema;
import org.physlab.api.Parameters;
import org.physlab.api.RunContext;
import org.physlab.api.Summary;
import org.physlab.calabiyau.basis.MonomialBasis;
import org.physlab.calabiyau.complex.Complex;
import org.physlab.calabiyau.donaldson.BalancedMetricArtifact;
import org.physlab.calabiyau.donaldson.ComplexMatrices;
import org.physlab.calabiyau.donaldson.DegreeRange;
import org.physlab.calabiyau.donaldson.DonaldsonBalancing;
import org.physlab.calabiyau.donaldson.SampledSections;
import org.physlab.calabiyau.donaldson.WeightedSectionSource;
import org.physlab.calabiyau.hermitian.HermitianMatrix;
import org.physlab.calabiyau.metric.AlgebraicMetric;
import org.physlab.calabiyau.metric.SigmaAccuracy;
import org.physlab.calabiyau.quintic.DworkQuintic;
import org.physlab.calabiyau.quintic.LineSampler;
import org.physlab.calabiyau.quintic.Sample;

/**
 * {@code calabi-yau.donaldson}: Donaldson's balancing (T-operator) iteration on the Dwork quintic X_ψ at
 * degree k, or at every degree of a range. Starts from H = I, runs {@code iterations} steps with fresh
 * line-intersection samples (cyjax's point count per step unless {@code pointsPerIteration} is given),
 * and measures σ of every iterate on one fixed evaluation sample of {@code points} points. The reduced
 * monomial basis is used (equal to the full basis for k ≤ 4, and needed for k ≥ 5 where the monomials
 * divisible by z_0^5 are dependent on X). Artifacts: σ per iteration, σ versus k for a range, and the
 * balanced H of every degree as {@code balanced-h-k<k>} in the format of {@link BalancedMetricArtifact},
 * which {@code calabi-yau.sigma} reads through its {@code h} parameter ("runId/balanced-h-k3").
 */
public final class DonaldsonExperiment implements Experiment {
    public static final String ID = "calabi-yau.donaldson";

    @Override
    public ExperimentDescriptor descriptor() {
        ParameterSchema schema = ParameterSchema.builder()
                .group("Variety")
                .add(Parameter.text("psi").defaultValue("0").minLength(1)
                        .help("complex modulus ψ of Q = Σz_i^5 − 5ψ Πz_i, e.g. 0 (Fermat) or 10+3i"))
                .group("Balancing")
                .add(Parameter.text("degree").defaultValue("3").minLength(1)
                        .help("section degree k (1-" + DegreeRange.MAX_DEGREE + "), or a range such as 1-4"))
                .add(Parameter.integer("iterations").defaultValue(10).min(1).max(200)
                        .help("T-operator steps per degree (cyjax: 10 for the Fermat scan, 15 for ψ = 10+3i)"))
                .add(Parameter.integer("pointsPerIteration").defaultValue(0).min(0).max(10_000_000)
                        .help("sample points per step; 0 = cyjax's recipe (10N² + 50000)/5 rounded up to whole batches of 1000"))
                .group("Evaluation")
                .add(Parameter.integer("points").defaultValue(20_000).min(1).max(10_000_000)
                        .help("points of the fixed sample on which σ of every iterate is measured"))
                .constraint(p -> problem("psi", () -> parsePsi(p.getString("psi"))))
                .constraint(p -> problem("degree", () -> DegreeRange.parse(p.getString("degree"))))
                .build();
        return ExperimentDescriptor.builder(ID)
                .title("Calabi-Yau: Donaldson's balanced metrics")
                .description("Iterates Donaldson's T-operator H ← (T(H)^{-1})^T on the Dwork quintic X_ψ with "
                        + "line-intersection Monte-Carlo samples, from H = I, and reports the σ accuracy of every "
                        + "iterate; σ of the balanced metric falls with the degree k (Fermat: 0.375, 0.275, 0.199, "
                        + "0.140 for k = 1..4). The balanced H is saved for calabi-yau.sigma.")
                .reference("S. K. Donaldson, Some numerical results in complex differential geometry, Pure Appl. Math. Q. 5 (2009) 571",
                        "https://arxiv.org/abs/math/0512625")
                .reference("M. R. Douglas, R. L. Karp, S. Lukic, R. Reinbacher, Numerical Calabi-Yau metrics, J. Math. Phys. 49 (2008) 032302",
                        "https://arxiv.org/abs/hep-th/0612075")
                .reference("M. Gerdes, S. Krippendorf, CYJAX: a package for Calabi-Yau metrics with JAX, Mach. Learn.: Sci. Technol. 4 (2023) 025031",
                        "https://arxiv.org/abs/2211.12520")
                .parameters(schema)
                .goal("sigma", MetricGoal.MINIMIZE)
                .build();
    }

    @Override
    public Summary run(RunContext run) {
        Parameters p = run.parameters();
        Complex psi = parsePsi(p.getString("psi"));
        DegreeRange degrees = DegreeRange.parse(p.getString("degree"));
        int iterations = p.getInt("iterations");
        int requestedPoints = p.getInt("pointsPerIteration");
        DworkQuintic quintic = new DworkQuintic(psi);
        LineSampler sampler = new LineSampler(quintic);
        Sample evaluation = sampler.sample(p.getInt("points"), run.seed());
        if (evaluation.singularPoints() > 0) {
            run.log().warn("%d singular points of the evaluation sample skipped (conifold ψ)", evaluation.singularPoints());
        }
        run.metric("volume", 0, evaluation.volume());

        List<Artifact.Series> perIteration = new ArrayList<>();
        double[] ks = new double[degrees.count()];
        double[] finalSigma = new double[degrees.count()];
        List<List<Object>> rows = new ArrayList<>();
        Summary.Builder summary = Summary.builder().put("volume", evaluation.volume());
        for (int degree = degrees.from(); degree <= degrees.to(); degree++) {
            final int k = degree;
            int idx = k - degrees.from();
            MonomialBasis basis = MonomialBasis.reduced(k);
            int n = basis.size();
            int pointsPerIteration = requestedPoints > 0 ? requestedPoints : DonaldsonBalancing.cyjaxPointsPerIteration(n);
            DonaldsonBalancing balancing = new DonaldsonBalancing(iterations, pointsPerIteration);
            String key = "sigma_k" + k;
            double[] sigma = new double[iterations + 1];
            sigma[0] = SigmaAccuracy.of(new AlgebraicMetric(basis, HermitianMatrix.identity(n)), evaluation).sigma();
            run.metric(key, 0, sigma[0]);
            run.log().info("k = %d (N = %d): %d iterations of %d points, σ(H = I) = %.4f", k, n, iterations, pointsPerIteration, sigma[0]);
            SampledSections source = new SampledSections(sampler, basis, run.seed() * 31 + k);
            WeightedSectionSource cancellable = (count, sections, weights) -> {   // stop within an iteration too
                run.checkCancelled();
                return source.sample(count, sections, weights);
            };
            double[] h = balancing.balance(ComplexMatrices.identity(n), cancellable, (it, hIt, op) -> {
                run.checkCancelled();
                sigma[it] = SigmaAccuracy.of(new AlgebraicMetric(basis, ComplexMatrices.toHermitian(hIt)), evaluation).sigma();
                run.metric(key, it, sigma[it]);
                if (op.zeroedWeights() + op.skippedPoints() > 0) {
                    run.log().warn("k = %d, iteration %d: %d points with non-finite weight, %d with s^T H s̄ ≤ 0 ignored",
                            k, it, op.zeroedWeights(), op.skippedPoints());
                }
                double done = (idx + it / (double) iterations) / degrees.count();
                run.progress(done, "k = " + k + ": iteration " + it + "/" + iterations + ", σ = " + String.format("%.4f", sigma[it]));
            });
            if (source.singularPoints() > 0) {
                run.log().warn("k = %d: %d singular sample points skipped (conifold ψ)", k, source.singularPoints());
            }
            ks[idx] = k;
            finalSigma[idx] = sigma[iterations];
            summary.put(key, sigma[iterations]);
            perIteration.add(Artifact.Series.of("k = " + k, sigma));
            rows.add(List.of(k, n, pointsPerIteration, sigma[0], sigma[iterations]));
            run.artifact(BalancedMetricArtifact.of("balanced-h-k" + k,
                    "Balanced H at k = " + k + ", ψ = " + psi + " (Cholesky parameters, " + basis + ")",
                    ComplexMatrices.toHermitian(h)));
        }
        run.artifact(new Artifact.LineChart("sigma-per-iteration", "σ accuracy per balancing iteration, ψ = " + psi
                + " (iteration 0: H = I)", "iteration", "σ", false, true, perIteration));
        if (degrees.isRange()) {
            run.artifact(new Artifact.LineChart("sigma-vs-degree", "σ of the balanced metric versus degree k, ψ = " + psi,
                    "k", "σ", false, true, List.of(new Artifact.Series("balanced", ks, finalSigma))));
        }
        run.artifact(new Artifact.Table("balanced-sigma", "Balanced metrics, ψ = " + psi,
                List.of("k", "sections N", "points per iteration", "σ(H = I)", "σ balanced"), rows));
        summary.put("sigma", finalSigma[finalSigma.length - 1]);
        run.progress(1, "done");
        return summary.build();
    }

    /** ψ from its text; a conifold value is allowed (its singular points are skipped and counted). */
    static Complex parsePsi(String text) {
        Complex psi;
        try {
            psi = Complex.parse(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("ψ must be a complex number such as 10+3i, got '" + text + "'", e);
        }
        if (!psi.isFinite()) throw new IllegalArgumentException("ψ must have finite real and imaginary parts, got " + text);
        return psi;
    }

    private static FieldError problem(String parameter, Runnable check) {
        try {
            check.run();
            return null;
        } catch (IllegalArgumentException e) {
            return FieldError.of(parameter, e.getMessage());
        }
    }
}
