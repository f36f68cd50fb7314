package org.physlab.imnn.experiments;

import org.physlab.api.ExperimentDescriptor;
import org.physlab.api.FieldError;
import org.physlab.api.MetricGoal;
import org.physlab.api.Parameter;
import org.physlab.api.ParameterSchema;
import org.physlab.api.Parameters;
import org.physlab.api.Reference;

/** The parameters every IMNN experiment shares (contract names), with the tutorial's defaults. */
public final class ImnnParameters {
    public static final String NETWORK = "Network and fit";
    public static final String INFERENCE = "Inference";

    public static final Reference PAPER = new Reference(
            "T. Charnock, G. Lavaux and B. D. Wandelt, Automatic physical inference with information maximizing neural "
                    + "networks, Phys. Rev. D 97, 083004 (2018), arXiv:1802.03537", "https://doi.org/10.1103/PhysRevD.97.083004");
    public static final Reference LFI_PAPER = new Reference(
            "L. Makinen, T. Charnock, J. Alsing and B. D. Wandelt, Lossless, scalable implicit likelihood inference for "
                    + "cosmological fields, arXiv:2107.07405 (2021)", "https://arxiv.org/abs/2107.07405");
    public static final Reference PACKAGE = new Reference(
            "T. Charnock, imnn: information maximising neural networks (Python/JAX package, v0.3.2)", "https://github.com/tomcharnock/imnn");

    /**
     * What every IMNN experiment declares besides its own parameters: the papers and package it
     * implements, and that the Fisher-information metrics improve upwards.
     */
    static ExperimentDescriptor.Builder imnnReferencesAndGoals(ExperimentDescriptor.Builder descriptor) {
        return descriptor.reference(PAPER).reference(LFI_PAPER).reference(PACKAGE)
                .goal("bestValidationDetF", MetricGoal.MAXIMIZE)
                .goal("valDetF", MetricGoal.MAXIMIZE)
                .goal("detF", MetricGoal.MAXIMIZE);
    }

    private ImnnParameters() { }

    /**
     * Adds variant, nSims, lambda, epsilon, patience, minIterations, maxIterations, learningRate, hidden,
     * nPerChunk, deltaTheta, precision, keepBest, abcDraws, abcAcceptFraction, pmcPopulation and
     * pmcAcceptance. nSims must exceed the number of summaries ({@code summaries}).
     */
    public static ParameterSchema.Builder addCommon(ParameterSchema.Builder schema, int summaries) {
        schema.group(NETWORK)
                .add(Parameter.choice("variant", "gradient", "simulator", "numerical", "aggregated").defaultValue("gradient")
                        .help("how ∂x/∂θ is obtained: gradient (fixed simulations and their derivatives through the network's "
                                + "input Jacobian), simulator (fresh simulations every iteration, no validation set), numerical "
                                + "(seed-matched finite differences), aggregated (the gradient maths in chunks of nPerChunk)"))
                .add(Parameter.integer("nSims").defaultValue(1000).min(1).max(100_000)
                        .help("fiducial simulations (with derivatives) per set; the validation set has as many"))
                .add(Parameter.real("lambda").defaultValue(10.0).check(ImnnParameters::positive)
                        .help("strength λ of the covariance regularisation"))
                .add(Parameter.real("epsilon").defaultValue(0.1).check(ImnnParameters::positive)
                        .help("closeness ε of the covariance to the identity at which the regularisation coupling is about 1"))
                .add(Parameter.integer("patience").defaultValue(10).min(1).help("iterations without a better validation det F before stopping"))
                .add(Parameter.integer("minIterations").defaultValue(100).min(0).help("iterations before patience counts"))
                .add(Parameter.integer("maxIterations").defaultValue(1000).min(1).max(100_000).help("hard limit on iterations"))
                .add(Parameter.real("learningRate").defaultValue(1e-3).check(ImnnParameters::positive).help("Adam step size"))
                .add(Parameter.integers("hidden").defaultValue("128,128,128").minLength(1).min(1).max(4096)
                        .help("widths of the hidden dense layers (leaky ReLU); the output has one summary per parameter"))
                .add(Parameter.integer("nPerChunk").defaultValue(100).min(1).help("simulations per chunk (aggregated variant)"))
                .add(Parameter.reals("deltaTheta").defaultValue("0.1,0.1").minLength(1)
                        .check(v -> java.util.Arrays.stream((double[]) v).allMatch(d -> d > 0) ? null : "every δθ must be positive")
                        .help("finite-difference steps δθ (numerical variant): simulations at θ_fid ± δθ/2"))
                .add(Parameter.choice("precision", "float", "double").defaultValue("float")
                        .help("network arithmetic (the statistics are always double)"))
                .add(Parameter.bool("keepBest").defaultValue(true).help("keep the weights of the best validation det F (else the final ones)"));
        schema.group(INFERENCE)
                .add(Parameter.integer("abcDraws").defaultValue(20_000).min(10).max(10_000_000).help("prior draws of rejection ABC"))
                .add(Parameter.real("abcAcceptFraction").defaultValue(0.02).range(1e-6, 1).help("share of the ABC draws kept (closest in Fisher distance)"))
                .add(Parameter.integer("pmcPopulation").defaultValue(500).min(2).max(1_000_000).help("particles of population Monte Carlo"))
                .add(Parameter.real("pmcAcceptance").defaultValue(0.1).range(0, 0.99).help("PMC stops once an iteration accepts at most this share"));
        schema.constraint(p -> p.getInt("nSims") < summaries + 1
                ? FieldError.of("nSims", "the covariance of " + summaries + " summaries needs at least " + (summaries + 1)
                        + " simulations, got " + p.getInt("nSims"))
                : null);
        schema.constraint(p -> p.getDoubles("deltaTheta").length != summaries
                ? FieldError.of("deltaTheta", "needs one step per parameter (" + summaries + "), got " + p.getDoubles("deltaTheta").length)
                : null);
        schema.constraint(p -> {
            try {
                new org.physlab.imnn.fisher.Regularisation(p.getDouble("lambda"), p.getDouble("epsilon"));
                return null;
            } catch (IllegalArgumentException e) {
                return FieldError.of("lambda", e.getMessage());
            }
        });
        return schema;
    }

    private static String positive(Object v) {
        double d = (Double) v;
        return d > 0 && Double.isFinite(d) ? null : "must be positive, got " + d;
    }

    /** The network widths: input, hidden..., output. */
    static int[] widths(Parameters p, int input, int output) {
        int[] hidden = p.getInts("hidden");
        int[] w = new int[hidden.length + 2];
        w[0] = input;
        System.arraycopy(hidden, 0, w, 1, hidden.length);
        w[w.length - 1] = output;
        return w;
    }
}
