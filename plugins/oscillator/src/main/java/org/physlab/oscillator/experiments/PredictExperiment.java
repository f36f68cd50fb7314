package org.physlab.oscillator.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.physlab.api.Artifact;
import org.physlab.api.Experiment;
import org.physlab.api.ExperimentDescriptor;
import org.physlab.api.Parameter;
import org.physlab.api.ParameterSchema;
import org.physlab.api.Parameters;
import org.physlab.api.RunContext;
import org.physlab.api.Summary;
import org.physlab.oscillator.data.ForceSweepImages;
import org.physlab.oscillator.data.ParameterPrior;
import org.physlab.oscillator.data.ResponseCsv;
import org.physlab.oscillator.duffing.DuffingBatch;
import org.physlab.oscillator.duffing.DuffingParameters;
import org.physlab.oscillator.duffing.DuffingSolver;
import org.physlab.oscillator.duffing.FrequencySweep;
import org.physlab.oscillator.nets.ModelCard;
import org.physlab.oscillator.nets.TrainedModel;
import org.physlab.oscillator.resize.JaxResize;

/**
 * {@code oscillator.predict}: reads (omega0, gamma, epsilon) off a user's measured response with a
 * network trained by an earlier run ({@code oscillator.curve-mlp}, {@code oscillator.overfitting} or
 * {@code oscillator.image-cnn}). The response is preprocessed exactly as that network's training data
 * (resize method, bins, coordinate channels, from the model card), and the oscillator with the
 * predicted parameters is simulated again so the fit can be judged by eye and by its RMS residual.
 */
public final class PredictExperiment implements Experiment {
    public static final String ID = "oscillator.predict";

    @Override
    public ExperimentDescriptor descriptor() {
        ParameterSchema schema = ParameterSchema.builder()
                .group("Model")
                .add(Parameter.text("modelRun").required().minLength(1)
                        .help("id of the run that trained the network"))
                .add(Parameter.text("modelArtifact").defaultValue(TrainedModel.ARTIFACT_NAME).minLength(1)
                        .help("name of the model artifact in that run"))
                .group("Measurement")
                .add(Parameter.text("curve").required().minLength(1).check(PredictExperiment::curveProblem)
                        .help("|z| over the sweep: inline numbers (1.2,1.3,...) or the path of a CSV file; "
                                + "one row for a curve network, one row per force for an image network"))
                .build();
        return ExperimentDescriptor.builder(ID)
                .title("Duffing oscillator: predict omega0, gamma, epsilon from a measured response")
                .description("Loads a trained network from an earlier run, preprocesses the uploaded response the way the "
                        + "network was trained (antialiased resize to its bins; coordinate channels for images), predicts "
                        + "(omega0, gamma, epsilon) and re-simulates the oscillator with them for comparison.")
                .reference(OscillatorParameters.LECTURE)
                .parameters(schema)
                .build();
    }

    private static String curveProblem(Object value) {
        try {
            double[][] rows = ResponseCsv.resolve((String) value);
            if (rows[0].length < 2) return "a response needs at least 2 samples per curve, got " + rows[0].length;
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    @Override
    public Summary run(RunContext run) {
        Parameters p = run.parameters();
        double[][] rows = ResponseCsv.resolve(p.getString("curve"));
        TrainedModel model = TrainedModel.fromArtifact(run.loadArtifact(p.getString("modelRun"), p.getString("modelArtifact")));
        ModelCard card = model.card();
        FrequencySweep sweep = card.sweep();
        int bins = card.integer("bins");
        JaxResize.Method method = JaxResize.Method.parse(card.string("resize.method"));
        int length = rows[0].length;
        if (length != sweep.steps()) {
            run.log().warn("the network was trained on sweeps of %d samples; this response has %d and is resized to %d bins "
                    + "all the same, assuming it covers the same sweep (%s to %s in t = %s)", sweep.steps(), length, bins,
                    sweep.omegaStart(), sweep.omegaStop(), sweep.tEnd());
        }
        JaxResize resize = JaxResize.of(length, bins, method);
        boolean image = ModelCard.KIND_IMAGE.equals(card.kind());
        double[] forces = image
                ? ForceSweepImages.linspace(card.number("force.low"), card.number("force.high"), card.integer("force.count"))
                : new double[] {card.number("force")};
        if (rows.length != forces.length) {
            throw new IllegalArgumentException(image
                    ? "this image network needs one response row per force: " + forces.length + " rows, got " + rows.length
                    : "this curve network reads one response curve, got " + rows.length + " rows");
        }

        double[] measured = new double[rows.length * bins];
        for (int r = 0; r < rows.length; r++) resize.apply(rows[r], 0, 1, measured, r * bins, 1);
        double[] omegas = ForceSweepImages.linspace(sweep.omegaStart(), sweep.omegaStop(), bins);
        double[] input = measured;
        if (image) {
            input = java.util.Arrays.copyOf(measured, 3 * measured.length);
            ForceSweepImages.fillCoordinateChannels(input, 0, omegas, forces);
        }
        double[] predicted = model.network().predict(input);
        run.log().info("model of run %s (%s, %s network): omega0=%.5g gamma=%.5g epsilon=%.5g", card.string("run"),
                card.string("experiment"), card.kind(), predicted[0], predicted[1], predicted[2]);

        List<List<Object>> table = new ArrayList<>();
        for (int q = 0; q < 3; q++) table.add(List.of(ParameterPrior.NAMES.get(q), predicted[q]));
        run.artifact(new Artifact.Table("prediction", "Predicted parameters", List.of("parameter", "predicted"), table));

        Summary.Builder summary = Summary.builder()
                .put("omega0", predicted[0])
                .put("gamma", predicted[1])
                .put("epsilon", predicted[2]);

        // re-simulate with the prediction (gamma cannot be negative) and compare in the network's input space
        double gamma = predicted[1];
        if (gamma < 0) {
            run.log().warn("predicted gamma %.4g is negative (outside any training range); re-simulating with gamma = 0", gamma);
            gamma = 0;
        }
        DuffingBatch batch = DuffingBatch.ofSize(forces.length);
        for (int r = 0; r < forces.length; r++) batch.set(r, new DuffingParameters(predicted[0], gamma, predicted[2], forces[r]));
        double[] simulated;
        try (DuffingSolver solver = new DuffingSolver(sweep, run.compute().javaThreads())) {
            double[] abs = solver.amplitudes(batch, card.number("z0.re"), card.number("z0.im"));
            simulated = new double[forces.length * bins];
            JaxResize.of(sweep.steps(), bins, method).applyRows(abs, forces.length, simulated);
        } catch (DuffingSolver.DivergenceException e) {
            run.log().warn("cannot re-simulate the predicted oscillator: %s", e.getMessage());
            return summary.build();
        }
        double sq = 0;
        for (int i = 0; i < measured.length; i++) sq += (measured[i] - simulated[i]) * (measured[i] - simulated[i]);
        summary.put("residualRms", Math.sqrt(sq / measured.length));

        String fitted = String.format(Locale.ROOT, "simulated with the prediction (ω₀=%.3f γ=%.3f ε=%.4f)", predicted[0], gamma, predicted[2]);
        int row = forces.length - 1;   // the strongest drive shows the nonlinearity best
        run.artifact(new Artifact.LineChart("fit", "Measured response and the response of the predicted oscillator"
                + (image ? String.format(Locale.ROOT, " (F = %.3g)", forces[row]) : ""), "drive frequency ω", "|z| (resized)",
                false, false, List.of(
                        new Artifact.Series("measured", omegas.clone(), java.util.Arrays.copyOfRange(measured, row * bins, (row + 1) * bins)),
                        new Artifact.Series(fitted, omegas.clone(), java.util.Arrays.copyOfRange(simulated, row * bins, (row + 1) * bins)))));
        if (image) {
            run.artifact(new Artifact.Heatmap("measured-image", "Measured |z| (resized)", matrix(measured, forces.length, bins),
                    omegas[0], omegas[bins - 1], forces[0], forces[forces.length - 1], "drive frequency ω", "force F", "|z|"));
            run.artifact(new Artifact.Heatmap("simulated-image", "|z| " + fitted, matrix(simulated, forces.length, bins),
                    omegas[0], omegas[bins - 1], forces[0], forces[forces.length - 1], "drive frequency ω", "force F", "|z|"));
        }
        return summary.build();
    }

    private static double[][] matrix(double[] values, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (int r = 0; r < rows; r++) System.arraycopy(values, r * cols, m[r], 0, cols);
        return m;
    }
}
