package org.physlab.oscillator.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.physlab.api.Artifact;
import org.physlab.api.ExperimentDescriptor;
import org.physlab.api.MetricGoal;
import org.physlab.api.RunContext;
import org.physlab.api.Summary;
import org.physlab.oscillator.data.CurveBatch;
import org.physlab.oscillator.data.ParameterPrior;
import org.physlab.oscillator.nets.Evaluation;

/** The plots, tables and summary entries the training experiments share. */
final class Reports {
    private Reports() { }

    static final String[] LABELS = {"ω₀", "γ", "ε"};
    static final String[] KEYS = {"Omega0", "Gamma", "Epsilon"};

    /** Loss per batch with a logarithmic y axis. */
    static Artifact.LineChart lossChart(String title, String xLabel, List<Artifact.Series> series) {
        return new Artifact.LineChart("loss", title, xLabel, "loss (sum of squared errors over ω₀, γ, ε)", false, true, series);
    }

    /** One predicted-against-true scatter per parameter, each with one series per named sample set. */
    static void predictionScatters(RunContext run, List<String> setNames, List<double[]> predicted, List<double[]> truth) {
        for (int p = 0; p < 3; p++) {
            List<Artifact.Series> series = new ArrayList<>();
            for (int s = 0; s < setNames.size(); s++) {
                series.add(new Artifact.Series(setNames.get(s), column(truth.get(s), p), column(predicted.get(s), p)));
            }
            run.artifact(new Artifact.Scatter("predicted-" + ParameterPrior.NAMES.get(p),
                    LABELS[p] + ": predicted against true", "true " + LABELS[p], "predicted " + LABELS[p], true, series));
        }
    }

    /** The per-parameter MSE and correlation as a table. */
    static Artifact.Table evaluationTable(String name, String title, Evaluation e) {
        List<List<Object>> rows = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            rows.add(List.of(ParameterPrior.NAMES.get(p), e.mse()[p], Double.isNaN(e.correlation()[p]) ? "n/a" : e.correlation()[p]));
        }
        rows.add(List.of("sum (lecture loss)", e.loss(), ""));
        return new Artifact.Table(name, title, List.of("parameter", "mean squared error", "correlation"), rows);
    }

    /** Adds {prefix}Mse{Param} and correlation{Param} entries (correlations only where defined). */
    /**
     * The summary of a run trained on fresh batches: the mean loss of the last 10 batches, the last batch's
     * loss, the validation errors and the network's size.
     */
    static Summary trainingSummary(double[] batchLosses, Evaluation validation, long parameterCount) {
        int batches = batchLosses.length;
        Summary.Builder summary = Summary.builder()
                .put("finalLoss", tailMean(batchLosses, batches, 10))
                .put("lastBatchLoss", batchLosses[batches - 1]);
        putEvaluation(summary, "validation", validation);
        summary.put("parameters", parameterCount);
        return summary.build();
    }

    /** Correlations of predicted with true parameters improve upwards (the losses and MSEs downwards, the default). */
    static ExperimentDescriptor.Builder correlationsImproveUpwards(ExperimentDescriptor.Builder descriptor) {
        for (String key : KEYS) descriptor.goal("correlation" + key, MetricGoal.MAXIMIZE);
        return descriptor;
    }

    static void putEvaluation(Summary.Builder summary, String prefix, Evaluation e) {
        summary.put(prefix + "Loss", e.loss());
        for (int p = 0; p < 3; p++) summary.put(prefix + "Mse" + KEYS[p], e.mse()[p]);
        for (int p = 0; p < 3; p++) {
            if (!Double.isNaN(e.correlation()[p])) summary.put("correlation" + KEYS[p], e.correlation()[p]);
        }
    }

    /** A few inputs of a curve batch plotted against drive frequency. */
    static Artifact.LineChart sampleCurves(CurveBatch batch, double[] binFrequencies, int count) {
        List<Artifact.Series> series = new ArrayList<>();
        int bins = batch.inputLength();
        for (int i = 0; i < Math.min(count, batch.size()); i++) {
            double[] y = java.util.Arrays.copyOfRange(batch.inputs(), i * bins, (i + 1) * bins);
            series.add(new Artifact.Series(describe(batch.targets(), i), binFrequencies.clone(), y));
        }
        return new Artifact.LineChart("sample-curves", "Sample network inputs (resized |z|)", "drive frequency ω", "|z|",
                false, false, series);
    }

    static String describe(double[] targets, int i) {
        return String.format(Locale.ROOT, "ω₀=%.3f γ=%.3f ε=%.4f", targets[i * 3], targets[i * 3 + 1], targets[i * 3 + 2]);
    }

    static double[] column(double[] rows3, int p) {
        double[] out = new double[rows3.length / 3];
        for (int i = 0; i < out.length; i++) out[i] = rows3[i * 3 + p];
        return out;
    }

    /** Mean of the last {@code n} values (all if fewer). */
    static double tailMean(double[] values, int count, int n) {
        int from = Math.max(0, count - n);
        double s = 0;
        for (int i = from; i < count; i++) s += values[i];
        return s / (count - from);
    }

    static double[] steps(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = i + 1;
        return x;
    }
}
