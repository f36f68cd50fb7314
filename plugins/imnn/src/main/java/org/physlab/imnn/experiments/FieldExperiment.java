package org.physlab.imnn.experiments;

import org.physlab.api.Experiment;
import org.physlab.api.ExperimentDescriptor;
import org.physlab.api.FieldError;
import org.physlab.api.Parameter;
import org.physlab.api.ParameterSchema;
import org.physlab.api.RunContext;
import org.physlab.api.Summary;
import org.physlab.imnn.inference.UniformPrior;
import org.physlab.imnn.simulators.GaussianRandomField1D;

/**
 * {@code imnn.field}: the same fit and inference as {@code imnn.gaussian} (shared through
 * {@link ImnnWorkflow}) on a periodic 1-D Gaussian random field of {@code nPoints} points with power
 * spectrum P(k) = A·k^(−B), θ = (A, B) — the amplitude and slope problem of the IMNN papers in one
 * dimension. The field's analytic Fisher information ({@link GaussianRandomField1D#analyticFisher})
 * bounds what the network can reach: det F ≈ 138.9 at the default fiducial (1, 0.5) with 32 points.
 */
public final class FieldExperiment implements Experiment {
    public static final String ID = "imnn.field";

    @Override
    public ExperimentDescriptor descriptor() {
        ParameterSchema.Builder schema = ParameterSchema.builder()
                .group("Data")
                .add(Parameter.integer("nPoints").defaultValue(32).min(4).max(1024).help("points N of the periodic field"))
                .add(Parameter.reals("fiducialTheta").defaultValue("1,0.5").minLength(2)
                        .help("fiducial (A, B) at which the network is trained"))
                .add(Parameter.reals("targetTheta").defaultValue("1.2,0.7").minLength(2)
                        .help("(A, B) at which the test field is simulated for the inference"))
                .add(Parameter.reals("priorLow").defaultValue("0.1,-0.5").minLength(2).help("lower corner of the uniform prior on (A, B)"))
                .add(Parameter.reals("priorHigh").defaultValue("3,1.5").minLength(2).help("upper corner of the uniform prior on (A, B)"));
        ImnnParameters.addCommon(schema, 2);
        schema.constraint(p -> amplitudeAndSlope(p.getDoubles("fiducialTheta"), "fiducialTheta"));
        schema.constraint(p -> amplitudeAndSlope(p.getDoubles("targetTheta"), "targetTheta"));
        schema.constraint(p -> {
            try {
                UniformPrior prior = new UniformPrior(p.getDoubles("priorLow"), p.getDoubles("priorHigh"));
                if (prior.dimension() != 2) return FieldError.of("priorLow", "the prior needs bounds for (A, B)");
                if (!(prior.low(0) > 0)) return FieldError.of("priorLow", "the amplitude A must stay positive in the prior");
                return null;
            } catch (IllegalArgumentException e) {
                return FieldError.of("priorHigh", e.getMessage());
            }
        });
        return ImnnParameters.imnnReferencesAndGoals(ExperimentDescriptor.builder(ID))
                .title("IMNN: amplitude and slope of a 1-D Gaussian random field")
                .description("Trains an information maximising neural network to compress a periodic 1-D Gaussian random field "
                        + "with power spectrum A·k^(−B) into two summaries keeping the Fisher information about (A, B) (known "
                        + "analytically), then infers (A, B) of a test field by quasi-maximum likelihood, the Gaussian "
                        + "approximation, rejection ABC and population Monte Carlo.")
                .parameters(schema.build())
                .build();
    }

    private static FieldError amplitudeAndSlope(double[] theta, String field) {
        if (theta.length != 2) return FieldError.of(field, "needs (A, B), got " + theta.length + " values");
        if (!(theta[0] > 0)) return FieldError.of(field, "the amplitude A must be positive, got " + theta[0]);
        return null;
    }

    @Override
    public Summary run(RunContext run) {
        var p = run.parameters();
        return ImnnWorkflow.run(run, new GaussianRandomField1D(p.getInt("nPoints"), p.getDoubles("fiducialTheta")),
                p.getDoubles("targetTheta"), new UniformPrior(p.getDoubles("priorLow"), p.getDoubles("priorHigh")));
    }
}
