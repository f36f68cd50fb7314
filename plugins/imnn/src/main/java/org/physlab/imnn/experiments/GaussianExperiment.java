package org.physlab.imnn.experiments;

import org.physlab.api.Experiment;
import org.physlab.api.ExperimentDescriptor;
import org.physlab.api.Parameter;
import org.physlab.api.ParameterSchema;
import org.physlab.api.RunContext;
import org.physlab.api.Summary;
import org.physlab.imnn.inference.UniformPrior;
import org.physlab.imnn.simulators.GaussianSimulator;

/**
 * {@code imnn.gaussian}: the imnn package's tutorial. Ten points from N(μ, Σ), θ_fid = (0, 1), 1000
 * training and 1000 validation simulations with derivatives, a 128-128-128 leaky-ReLU network with two
 * summaries, Adam 1e-3, λ = 10, ε = 0.1, patience 10, min 100 and max 1000 iterations. The analytic
 * Fisher information is diag(10, 5), det F = 50; upstream stops near iteration 630 with a validation
 * det F of about 33 (spec §8). Then infers (μ, Σ) of a test data set.
 */
public final class GaussianExperiment implements Experiment {
    public static final String ID = "imnn.gaussian";

    @Override
    public ExperimentDescriptor descriptor() {
        ParameterSchema.Builder schema = ParameterSchema.builder()
                .group("Data")
                .add(Parameter.integer("nData").defaultValue(10).min(1).max(10_000).help("points per simulation, each N(μ, Σ)"))
                .add(Parameter.reals("targetTheta").defaultValue("0.3,1.3").minLength(2)
                        .help("(μ, Σ) at which the test data set is simulated for the inference"))
                .add(Parameter.reals("priorLow").defaultValue("-2,0.1").minLength(2).help("lower corner of the uniform prior on (μ, Σ)"))
                .add(Parameter.reals("priorHigh").defaultValue("2,4").minLength(2).help("upper corner of the uniform prior on (μ, Σ)"));
        ImnnParameters.addCommon(schema, 2);
        schema.constraint(p -> {
            double[] t = p.getDoubles("targetTheta");
            if (t.length != 2) return org.physlab.api.FieldError.of("targetTheta", "needs (μ, Σ), got " + t.length + " values");
            if (!(t[1] > 0)) return org.physlab.api.FieldError.of("targetTheta", "the variance Σ must be positive, got " + t[1]);
            return null;
        });
        schema.constraint(p -> {
            try {
                UniformPrior prior = new UniformPrior(p.getDoubles("priorLow"), p.getDoubles("priorHigh"));
                if (prior.dimension() != 2) return org.physlab.api.FieldError.of("priorLow", "the prior needs bounds for (μ, Σ)");
                if (!(prior.low(1) > 0)) return org.physlab.api.FieldError.of("priorLow", "the variance Σ must stay positive in the prior");
                return null;
            } catch (IllegalArgumentException e) {
                return org.physlab.api.FieldError.of("priorHigh", e.getMessage());
            }
        });
        return ImnnParameters.imnnReferencesAndGoals(ExperimentDescriptor.builder(ID))
                .title("IMNN: mean and variance of a Gaussian")
                .description("Trains an information maximising neural network to compress nData Gaussian points into two "
                        + "summaries that keep the Fisher information about (μ, Σ) (analytic det F = nData²/(2Σ³)), then "
                        + "infers (μ, Σ) of a test data set by quasi-maximum likelihood, the Gaussian approximation, "
                        + "rejection ABC and population Monte Carlo.")
                .parameters(schema.build())
                .build();
    }

    @Override
    public Summary run(RunContext run) {
        var p = run.parameters();
        return ImnnWorkflow.run(run, new GaussianSimulator(p.getInt("nData")), p.getDoubles("targetTheta"),
                new UniformPrior(p.getDoubles("priorLow"), p.getDoubles("priorHigh")));
    }
}
