package org.physlab.imnn.experiments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.physlab.api.Artifact;
import org.physlab.api.Parameters;
import org.physlab.api.RunContext;
import org.physlab.api.Summary;
import org.physlab.imnn.fisher.Compressor;
import org.physlab.imnn.fisher.FisherSummary;
import org.physlab.imnn.fisher.Regularisation;
import org.physlab.imnn.fisher.SmallMatrix;
import org.physlab.imnn.fit.FitResult;
import org.physlab.imnn.fit.FitSettings;
import org.physlab.imnn.fit.History;
import org.physlab.imnn.fit.Imnn;
import org.physlab.imnn.fit.IterationStatistics;
import org.physlab.imnn.fit.SimulationSet;
import org.physlab.imnn.fit.TrainingSource;
import org.physlab.imnn.inference.AbcResult;
import org.physlab.imnn.inference.GaussianApproximation;
import org.physlab.imnn.inference.InferenceArtifacts;
import org.physlab.imnn.inference.PopulationMonteCarlo;
import org.physlab.imnn.inference.QuasiMaximumLikelihood;
import org.physlab.imnn.inference.RejectionAbc;
import org.physlab.imnn.inference.UniformPrior;
import org.physlab.imnn.simulators.Simulator;

/**
 * Fit an IMNN on a simulator with the {@link ImnnParameters} of a run, then infer the parameters of a
 * test data set: the quasi-maximum-likelihood estimate, the Gaussian approximation N(θ̂, F⁻¹), rejection
 * ABC and population Monte Carlo with the Fisher distance. Emits the history panels, the validation
 * summaries, the Fisher matrix and the inference artifacts; returns the headline numbers.
 */
public final class ImnnWorkflow {
    private static final int GRID = 100;

    private ImnnWorkflow() { }

    /**
     * @param targetTheta the parameters the test data set is simulated at
     * @param prior       the uniform prior of the inference
     */
    public static Summary run(RunContext run, Simulator simulator, double[] targetTheta, UniformPrior prior) {
        Parameters p = run.parameters();
        String variant = p.getString("variant");
        int n = p.getInt("nSims");
        DataType type = p.getString("precision").equals("double") ? DataType.DOUBLE : DataType.FLOAT;
        int params = simulator.parameterCount();
        double[] fiducial = simulator.fiducial();
        FitSettings settings = new FitSettings(new Regularisation(p.getDouble("lambda"), p.getDouble("epsilon")),
                p.getInt("patience"), p.getInt("minIterations"), p.getInt("maxIterations"), p.getBoolean("keepBest"),
                variant.equals("aggregated") ? p.getInt("nPerChunk") : 0);

        run.progress(0, "simulating " + n + " training and validation simulations");
        TrainingSource training;
        SimulationSet validation;
        switch (variant) {
            case "numerical" -> {
                double[] delta = p.getDoubles("deltaTheta");
                training = TrainingSource.fixed(SimulationSet.seedMatched(simulator, fiducial, delta, n, run.random("training"), type));
                validation = SimulationSet.seedMatched(simulator, fiducial, delta, n, run.random("validation"), type);
            }
            case "simulator" -> {
                training = TrainingSource.fresh(simulator, n, run.random("training"), type);
                validation = null;
            }
            default -> {
                training = TrainingSource.fixed(SimulationSet.withDerivatives(simulator, fiducial, n, run.random("training"), type));
                validation = SimulationSet.withDerivatives(simulator, fiducial, n, run.random("validation"), type);
            }
        }
        Imnn imnn = new Imnn(org.physlab.imnn.network.DenseNetwork.initialised(
                ImnnParameters.widths(p, simulator.dataSize(), params), type, run.random("network")),
                new org.physlab.imnn.network.Adam(p.getDouble("learningRate")));
        run.log().info("IMNN %s: %d simulations, network %s (%d weights, %s), λ = %s, ε = %s, α = %.10f", variant, n,
                java.util.Arrays.toString(imnn.network().widths()), imnn.network().parameterCount(), type,
                p.getDouble("lambda"), p.getDouble("epsilon"), settings.regularisation().alpha());

        long t0 = System.nanoTime();
        int max = settings.maxIterations();
        FitResult fit = imnn.fit(training, validation, settings, (it, train, val) -> {
            run.checkCancelled();
            metrics(run, "", it, train);
            if (val != null) metrics(run, "val", it, val);
            if (it % 10 == 0) {
                run.progress(0.8 * (it + 1) / max, String.format(Locale.ROOT, "iteration %d: det F = %.3g%s", it, train.detF(),
                        val == null ? "" : String.format(Locale.ROOT, ", validation %.3g", val.detF())));
            }
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        run.log().info("fit: %d iterations in %.1f s (%.1f ms each), best det F %.4f at iteration %d%s", fit.iterations(),
                seconds, 1e3 * seconds / Math.max(1, fit.iterations()), fit.maxDetF(), fit.bestIteration(),
                fit.stoppedEarly() ? ", stopped by patience" : "");

        double[][] analytic = simulator.analyticFisher(fiducial).orElse(null);
        Double expectedDetF = analytic == null ? null : SmallMatrix.determinant(analytic);
        historyArtifacts(run, imnn.history(), expectedDetF);
        FisherSummary stats = fit.statistics();
        SimulationSet shown = validation != null ? validation : training.next(0);
        double[][] validationSummaries = imnn.summaries(org.physlab.imnn.network.DenseNetwork.toRows(shown.data()));
        run.artifact(new Artifact.Scatter("validation-summaries",
                (validation != null ? "Validation" : "Fresh fiducial") + " simulations compressed by the network",
                "summary 1", "summary 2", false, List.of(new Artifact.Series("x = f(d)",
                        column(validationSummaries, 0), column(validationSummaries, Math.min(1, validationSummaries[0].length - 1))))));
        List<String> names = simulator.parameterNames();
        run.artifact(new Artifact.Matrix("fisher", "Fisher information F of the summaries (kept weights)", stats.fisher(), names, names));
        if (analytic != null) run.artifact(new Artifact.Matrix("fisher-analytic", "Analytic Fisher information of the data", analytic, names, names));

        // inference on a test data set
        run.progress(0.8, "inference");
        double[] target = new double[simulator.dataSize()];
        simulator.simulate(targetTheta, run.random("target"), target);
        Compressor network = imnn.compressor();
        double[] estimate = QuasiMaximumLikelihood.estimate(stats, network.summaries(target));
        double[] errors = QuasiMaximumLikelihood.standardErrors(stats);
        GaussianApproximation gaussian = GaussianApproximation.of(estimate, stats.inverseFisher(), prior, GRID);
        run.checkCancelled();
        AbcResult abc = RejectionAbc.run(simulator, network, stats, prior, target, p.getInt("abcDraws"),
                p.getDouble("abcAcceptFraction"), run.random("abc"));
        run.progress(0.9, "population Monte Carlo");
        run.checkCancelled();
        AbcResult pmc = PopulationMonteCarlo.run(simulator, network, stats, prior, target, p.getInt("pmcPopulation"),
                p.getDouble("pmcAcceptance"), run.random("pmc"));
        Map<String, AbcResult> samples = new LinkedHashMap<>();
        samples.put("rejection ABC", abc);
        samples.put("PMC", pmc);
        run.artifact(InferenceArtifacts.estimatesTable("estimates", "Parameters of the test data set", names, targetTheta,
                estimate, errors, samples));
        run.artifact(InferenceArtifacts.gaussianHeatmap("gaussian-posterior", "Gaussian approximation N(θ̂, F⁻¹) of the posterior",
                gaussian, names));
        run.artifact(InferenceArtifacts.sampleHeatmap("pmc-density", "Population Monte Carlo: posterior density of the final population",
                pmc, prior, GRID, names));
        InferenceArtifacts.marginals("marginal", gaussian, names, samples).forEach(run::artifact);
        run.artifact(InferenceArtifacts.posteriorScatter("abc-samples", "Rejection ABC: accepted samples", abc, names, targetTheta));
        run.artifact(InferenceArtifacts.posteriorScatter("pmc-samples", "Population Monte Carlo: final population", pmc, names, targetTheta));
        run.artifact(InferenceArtifacts.pmcProgress("pmc-progress", "Population Monte Carlo: ε and acceptance rate", pmc));
        run.log().info("rejection ABC: %d of %d accepted (ε = %.4g); PMC: %d particles from %d simulations (ε = %.4g)",
                abc.accepted(), abc.simulations(), abc.epsilon(), pmc.accepted(), pmc.simulations(), pmc.epsilon());
        run.progress(1, "done");

        Summary.Builder summary = Summary.builder();
        summary.put(validation != null ? "bestValidationDetF" : "bestTrainingDetF", fit.maxDetF());
        summary.put("bestIteration", fit.bestIteration());
        summary.put("stopIteration", fit.iterations());
        summary.put("finalDetC", SmallMatrix.determinant(stats.covariance()));
        summary.put("finalDetF", stats.detF());
        if (expectedDetF != null) summary.put("analyticDetF", expectedDetF);
        for (int k = 0; k < params; k++) summary.put("estimate" + capitalised(names.get(k)), estimate[k]);
        for (int k = 0; k < params; k++) summary.put("abcMean" + capitalised(names.get(k)), abc.mean()[k]);
        for (int k = 0; k < params; k++) summary.put("pmcMean" + capitalised(names.get(k)), pmc.mean()[k]);
        summary.put("fitSeconds", seconds);
        return summary.build();
    }

    private static void metrics(RunContext run, String prefix, int it, IterationStatistics s) {
        run.metric(key(prefix, "detF"), it, s.detF());
        run.metric(key(prefix, "detC"), it, s.detC());
        run.metric(key(prefix, "detInvC"), it, s.detInvC());
        run.metric(key(prefix, "lambda2"), it, s.lambda2());
        run.metric(key(prefix, "r"), it, s.r());
        if (prefix.isEmpty()) run.metric("loss", it, s.loss());
    }

    private static String key(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + capitalised(name);
    }

    private static String capitalised(String s) {
        String letters = s.replaceAll("[^A-Za-z0-9]", "");
        return letters.isEmpty() ? "" : Character.toUpperCase(letters.charAt(0)) + letters.substring(1);
    }

    /** The three panels of the imnn package's history plot (spec §5), as line charts. */
    static void historyArtifacts(RunContext run, History h, Double expectedDetF) {
        int n = h.size();
        double[] it = new double[n];
        for (int i = 0; i < n; i++) it[i] = i;
        boolean val = h.validation().size() == n && n > 0;
        List<Artifact.Series> detF = new ArrayList<>();
        detF.add(new Artifact.Series("training |F|", it, h.training(IterationStatistics::detF)));
        if (val) detF.add(new Artifact.Series("validation |F|", it, h.validation(IterationStatistics::detF)));
        if (expectedDetF != null) detF.add(new Artifact.Series("expected |F|", new double[] {0, Math.max(1, n - 1)},
                new double[] {expectedDetF, expectedDetF}));
        run.artifact(new Artifact.LineChart("history-detF", "Determinant of the Fisher information", "iteration", "|F|",
                false, false, detF));
        List<Artifact.Series> cov = new ArrayList<>();
        cov.add(new Artifact.Series("training |C|", it, h.training(IterationStatistics::detC)));
        cov.add(new Artifact.Series("training |C⁻¹|", it, h.training(IterationStatistics::detInvC)));
        if (val) {
            cov.add(new Artifact.Series("validation |C|", it, h.validation(IterationStatistics::detC)));
            cov.add(new Artifact.Series("validation |C⁻¹|", it, h.validation(IterationStatistics::detInvC)));
        }
        cov.add(new Artifact.Series("identity", new double[] {0, Math.max(1, n - 1)}, new double[] {1, 1}));
        run.artifact(new Artifact.LineChart("history-detC", "Determinants of the covariance and its inverse", "iteration",
                "|C| and |C⁻¹|", false, true, cov));
        List<Artifact.Series> reg = new ArrayList<>();
        reg.add(new Artifact.Series("training Λ₂", it, h.training(IterationStatistics::lambda2)));
        if (val) reg.add(new Artifact.Series("validation Λ₂", it, h.validation(IterationStatistics::lambda2)));
        reg.add(new Artifact.Series("training r", it, h.training(IterationStatistics::r)));
        if (val) reg.add(new Artifact.Series("validation r", it, h.validation(IterationStatistics::r)));
        run.artifact(new Artifact.LineChart("history-regularisation", "Covariance regulariser Λ₂ and its coupling r",
                "iteration", "Λ₂ and r", false, true, reg));
    }

    private static double[] column(double[][] m, int j) {
        double[] c = new double[m.length];
        for (int i = 0; i < m.length; i++) c[i] = m[i][j];
        return c;
    }
}
