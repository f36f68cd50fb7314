package org.physlab.imnn.inference;

import java.util.ArrayList;
import java.util.List;
import org.physlab.api.Artifact;

/**
 * Turns inference results into run artifacts: the posterior samples as a scatter, the Gaussian
 * approximation as a heatmap and marginal line charts (with ABC histograms on the same axes), the PMC
 * progress, and a table of the estimates.
 *
 * <pre>{@code
 * run.artifact(InferenceArtifacts.posteriorScatter("abc-samples", "Rejection ABC posterior", abc, names, truth));
 * run.artifact(InferenceArtifacts.gaussianHeatmap("gaussian-posterior", "Gaussian approximation", gauss, names));
 * }</pre>
 */
public final class InferenceArtifacts {

    private InferenceArtifacts() { }

    /**
     * Accepted samples θ₀ against θ₁, with the target's QML estimate and, if known, the true parameters
     * as one-point series.
     *
     * @param truth the parameters the target was simulated at, or {@code null} for observed data
     */
    public static Artifact.Scatter posteriorScatter(String name, String title, AbcResult result, List<String> names,
                                                    double[] truth) {
        requirePair(names);
        List<Artifact.Series> series = new ArrayList<>();
        series.add(new Artifact.Series("accepted samples", result.parameter(0), result.parameter(1)));
        double[] e = result.targetEstimate();
        series.add(new Artifact.Series("QML estimate", new double[] {e[0]}, new double[] {e[1]}));
        if (truth != null) series.add(new Artifact.Series("truth", new double[] {truth[0]}, new double[] {truth[1]}));
        return new Artifact.Scatter(name, title, names.get(0), names.get(1), false, series);
    }

    /** The 2-D density of the Gaussian approximation of (θ₀, θ₁) over the prior box. */
    public static Artifact.Heatmap gaussianHeatmap(String name, String title, GaussianApproximation gaussian,
                                                   List<String> names) {
        requirePair(names);
        double[] x = gaussian.range(0);
        double[] y = gaussian.range(1);
        return new Artifact.Heatmap(name, title, gaussian.joint(0, 1), x[0], x[x.length - 1], y[0], y[y.length - 1],
                names.get(0), names.get(1), "posterior density");
    }

    /**
     * The (weighted) 2-D histogram of accepted samples of (θ₀, θ₁) on the prior's grid: the sample-based
     * posterior next to {@link #gaussianHeatmap}.
     */
    public static Artifact.Heatmap sampleHeatmap(String name, String title, AbcResult result, UniformPrior prior,
                                                 int gridSize, List<String> names) {
        requirePair(names);
        double[] x = prior.grid(0, gridSize);
        double[] y = prior.grid(1, gridSize);
        return new Artifact.Heatmap(name, title, result.jointDensity(0, 1, x, y), x[0], x[x.length - 1], y[0],
                y[y.length - 1], names.get(0), names.get(1), "sample density");
    }

    /**
     * One line chart per parameter: the Gaussian approximation's marginal density and, for each given
     * ABC result, its normalised histogram on the same grid. Chart {@code i} is named
     * {@code namePrefix-i-name} with characters outside the artifact name alphabet replaced by '_'.
     *
     * @param samples label → result, e.g. "rejection ABC" → abc (may be empty)
     */
    public static List<Artifact.LineChart> marginals(String namePrefix, GaussianApproximation gaussian,
                                                     List<String> names, java.util.Map<String, AbcResult> samples) {
        if (names.size() != gaussian.dimension()) {
            throw new IllegalArgumentException(names.size() + " names for " + gaussian.dimension() + " parameters");
        }
        List<Artifact.LineChart> charts = new ArrayList<>();
        for (int i = 0; i < gaussian.dimension(); i++) {
            double[] grid = gaussian.range(i);
            List<Artifact.Series> series = new ArrayList<>();
            series.add(new Artifact.Series("Gaussian approximation", grid, gaussian.marginal(i)));
            for (var entry : samples.entrySet()) {
                series.add(new Artifact.Series(entry.getKey(), grid, entry.getValue().marginalDensity(i, grid)));
            }
            charts.add(new Artifact.LineChart(namePrefix + "-" + i + "-" + safe(names.get(i)), "Marginal posterior of " + names.get(i),
                    names.get(i), "density", false, false, series));
        }
        return charts;
    }

    /** ε and the acceptance rate per PMC iteration (log y: both shrink as the population tightens). */
    public static Artifact.LineChart pmcProgress(String name, String title, AbcResult pmc) {
        if (pmc.iterations().isEmpty()) throw new IllegalArgumentException("not a population Monte Carlo result");
        int n = pmc.iterations().size();
        double[] it = new double[n];
        double[] eps = new double[n];
        double[] acc = new double[n];
        for (int k = 0; k < n; k++) {
            PmcIteration p = pmc.iterations().get(k);
            it[k] = p.iteration();
            eps[k] = p.epsilon();
            acc[k] = p.acceptanceRate();
        }
        return new Artifact.LineChart(name, title, "iteration", "ε (Fisher distance) / acceptance rate", false, true,
                List.of(new Artifact.Series("ε", it, eps), new Artifact.Series("acceptance rate", it, acc)));
    }

    /**
     * One row per parameter: truth (if known), QML estimate ± √F⁻¹_ii, and the mean ± standard deviation
     * of each ABC result.
     */
    public static Artifact.Table estimatesTable(String name, String title, List<String> names, double[] truth,
                                                double[] estimate, double[] standardErrors,
                                                java.util.Map<String, AbcResult> samples) {
        List<String> columns = new ArrayList<>(List.of("parameter"));
        if (truth != null) columns.add("truth");
        columns.add("QML estimate");
        columns.add("σ (√F⁻¹)");
        for (String label : samples.keySet()) {
            columns.add(label + " mean");
            columns.add(label + " sd");
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            List<Object> row = new ArrayList<>();
            row.add(names.get(i));
            if (truth != null) row.add(truth[i]);
            row.add(estimate[i]);
            row.add(standardErrors[i]);
            for (AbcResult r : samples.values()) {
                row.add(r.mean()[i]);
                row.add(r.standardDeviations()[i]);
            }
            rows.add(row);
        }
        return new Artifact.Table(name, title, columns, rows);
    }

    private static void requirePair(List<String> names) {
        if (names.size() < 2) throw new IllegalArgumentException("a 2-D posterior plot needs two parameters, got " + names);
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
