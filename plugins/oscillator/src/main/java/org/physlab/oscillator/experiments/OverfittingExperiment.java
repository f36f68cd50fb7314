package org.physlab.oscillator.experiments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.physlab.api.Artifact;
import org.physlab.api.Experiment;
import org.physlab.api.ExperimentDescriptor;
import org.physlab.api.FieldError;
import org.physlab.api.Parameter;
import org.physlab.api.ParameterSchema;
import org.physlab.api.Parameters;
import org.physlab.api.RunContext;
import org.physlab.api.Summary;
import org.physlab.oscillator.data.CurveBatch;
import org.physlab.oscillator.data.ParameterPrior;
import org.physlab.oscillator.data.ResponseCurves;
import org.physlab.oscillator.duffing.DuffingSolver;
import org.physlab.oscillator.duffing.FrequencySweep;
import org.physlab.oscillator.nets.CurveMlp;
import org.physlab.oscillator.nets.Engine;
import org.physlab.oscillator.nets.Evaluation;
import org.physlab.oscillator.nets.ModelCard;
import org.physlab.oscillator.nets.NetworkTrainer;
import org.physlab.oscillator.nets.Precision;
import org.physlab.oscillator.nets.TrainedModel;

/**
 * {@code oscillator.overfitting}: the lecture's fixed-data-set study. The MLP trains for many epochs on
 * the same few curves (shuffled into minibatches each epoch); after every epoch its loss is measured on
 * the training set and on fresh curves it never sees. The training loss keeps falling while the fresh
 * loss stalls: the gap is overfitting. Optionally a validation split drives early stopping (the best
 * state is kept) and dropout regularises the hidden layers.
 */
public final class OverfittingExperiment implements Experiment {
    public static final String ID = "oscillator.overfitting";

    @Override
    public ExperimentDescriptor descriptor() {
        ParameterSchema.Builder schema = ParameterSchema.builder();
        OscillatorParameters.addPrior(schema);
        schema.group(OscillatorParameters.DATA)
                .add(Parameter.integer("samples").defaultValue(64).range(2, 1_000_000)
                        .help("size of the fixed data set (training plus validation split)"))
                .add(Parameter.integer("freshSamples").defaultValue(100).range(1, 1_000_000)
                        .help("fresh curves, never trained on, to measure generalisation each epoch"))
                .add(Parameter.real("force").defaultValue(1.0).help("drive force of every curve"))
                .add(OscillatorParameters.bins("length the |z| curve is resized to (antialiased linear)"))
                .add(OscillatorParameters.noise(0.0, "each input value (drawn once: the data set is fixed)"));
        OscillatorParameters.addInitialAmplitude(schema, 0.0, 0.0, "the lecture's training curves start at 0");
        OscillatorParameters.addSweep(schema);
        schema.group(OscillatorParameters.NETWORK)
                .add(Parameter.integers("hidden").defaultValue("100").minLength(1).min(1).help("sizes of the tanh hidden layers"))
                .add(Parameter.real("dropout").defaultValue(0.0).range(0, 0.9)
                        .help("probability of dropping a hidden unit while training (0: no dropout)"));
        OscillatorParameters.addNetworkPrecision(schema);
        OscillatorParameters.addEngine(schema);
        schema.group(OscillatorParameters.TRAINING)
                .add(Parameter.integer("epochs").defaultValue(1000).range(1, 10_000_000).help("passes over the training set"))
                .add(Parameter.integer("batchSize").defaultValue(16).range(1, 1_000_000).help("curves per minibatch"))
                .add(OscillatorParameters.learningRate())
                .add(Parameter.real("validationFraction").defaultValue(0.0).range(0, 0.9)
                        .help("share of the data set held out for validation (0: none)"))
                .add(Parameter.integer("patience").defaultValue(0).range(0, 10_000_000)
                        .help("stop after this many epochs without a better validation loss and keep the best state (0: never)"));
        schema.constraint(p -> p.getInt("patience") > 0 && p.getDouble("validationFraction") == 0
                ? FieldError.of("patience", "early stopping needs a validation split: set validationFraction above 0") : null);
        schema.constraint(p -> {
            int held = heldOut(p.getInt("samples"), p.getDouble("validationFraction"));
            if (p.getDouble("validationFraction") > 0 && held == 0) {
                return FieldError.of("validationFraction", "holds out no sample of " + p.getInt("samples") + "; raise it or samples");
            }
            return null;
        });
        schema.constraint(p -> OscillatorParameters.memoryProblem("samples", p.getInt("samples"), p.getInt("steps")));
        schema.constraint(p -> OscillatorParameters.memoryProblem("freshSamples", p.getInt("freshSamples"), p.getInt("steps")));
        return ExperimentDescriptor.builder(ID)
                .title("Duffing oscillator: overfitting on a fixed data set")
                .description("Trains the curve MLP for many epochs on a fixed set of simulated curves and records, per "
                        + "epoch, the loss on the training set and on fresh data; optional validation split with early "
                        + "stopping and dropout. The summary shows the generalisation gap.")
                .reference(OscillatorParameters.LECTURE)
                .parameters(schema.build())
                .build();
    }

    static int heldOut(int samples, double fraction) {
        return (int) Math.round(samples * fraction);
    }

    @Override
    public Summary run(RunContext run) {
        Parameters p = run.parameters();
        FrequencySweep sweep = OscillatorParameters.sweep(p);
        ParameterPrior prior = OscillatorParameters.prior(p);
        Precision precision = OscillatorParameters.precision(p);
        int bins = p.getInt("bins");
        int samples = p.getInt("samples");
        int epochs = p.getInt("epochs");
        int batchSize = p.getInt("batchSize");
        int patience = p.getInt("patience");
        int held = heldOut(samples, p.getDouble("validationFraction"));
        int[] hidden = p.getInts("hidden");

        CurveBatch all;
        CurveBatch fresh;
        long simStart = System.nanoTime();
        try (DuffingSolver solver = new DuffingSolver(sweep, run.compute().javaThreads())) {
            ResponseCurves curves = new ResponseCurves(prior, p.getDouble("force"), solver, bins, p.getDouble("noise"),
                    p.getDouble("z0Re"), p.getDouble("z0Im"));
            all = curves.next(run.random("data-set"), samples);
            fresh = curves.next(run.random("fresh"), p.getInt("freshSamples"));
        }
        double simSeconds = (System.nanoTime() - simStart) / 1e9;
        CurveBatch training = all.slice(0, samples - held);
        CurveBatch validation = held > 0 ? all.slice(samples - held, samples) : null;

        Engine engine = OscillatorParameters.engine(p);
        NetworkTrainer network = CurveMlp.trainer(engine, bins, hidden, p.getDouble("learningRate"), p.getDouble("dropout"),
                precision, run.seed(), run.random("network"));
        run.log().info("MLP %s, %d parameters, %s, engine %s; %d training, %d validation, %d fresh curves",
                CurveMlpExperiment.layers(bins, hidden), network.parameterCount(), precision.label(), engine.label(),
                training.size(), held, fresh.size());

        RandomGenerator shuffle = run.random("shuffle");
        int n = training.size();
        CurveBatch evaluation = CurveBatch.concat(validation == null ? List.of(training, fresh) : List.of(training, fresh, validation));
        int[] order = new int[n];
        double[] trainLoss = new double[epochs];
        double[] freshLoss = new double[epochs];
        double[] validationLoss = new double[epochs];
        double best = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        double[] bestParameters = null;
        int epochsRun = 0;
        long step = 0;
        long trainStart = System.nanoTime();
        for (int epoch = 1; epoch <= epochs; epoch++) {
            run.checkCancelled();
            // a new random permutation of the training set each epoch, cut into minibatches
            for (int i = 0; i < n; i++) order[i] = i;
            for (int i = n - 1; i > 0; i--) {
                int j = shuffle.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int from = 0; from < n; from += batchSize) {
                double loss = network.fit(training.select(Arrays.copyOfRange(order, from, Math.min(n, from + batchSize))));
                run.metric("batchLoss", ++step, loss);
            }
            // one forward pass over training set, fresh data and validation split together
            double[] predicted = network.predict(evaluation);
            trainLoss[epoch - 1] = loss(predicted, evaluation, 0, n);
            freshLoss[epoch - 1] = loss(predicted, evaluation, n, n + fresh.size());
            run.metric("trainLoss", epoch, trainLoss[epoch - 1]);
            run.metric("freshLoss", epoch, freshLoss[epoch - 1]);
            epochsRun = epoch;
            if (validation != null) {
                double v = loss(predicted, evaluation, n + fresh.size(), evaluation.size());
                validationLoss[epoch - 1] = v;
                run.metric("validationLoss", epoch, v);
                if (v < best) {
                    best = v;
                    bestEpoch = epoch;
                    if (patience > 0) bestParameters = network.parameters();
                } else if (patience > 0 && epoch - bestEpoch >= patience) {
                    run.log().info("early stop after epoch %d: no better validation loss since epoch %d (%.4g)", epoch, bestEpoch, best);
                    break;
                }
            }
            run.progress(epoch / (double) epochs, "epoch " + epoch + "/" + epochs);
        }
        double trainSeconds = (System.nanoTime() - trainStart) / 1e9;
        boolean stoppedEarly = epochsRun < epochs;
        if (bestParameters != null) network.setParameters(bestParameters);
        run.log().info("simulation %.3f s, training (with per-epoch evaluation) %.3f s for %d epochs", simSeconds, trainSeconds, epochsRun);

        double[] predictedTrain = network.predict(training);
        double[] predictedFresh = network.predict(fresh);
        Evaluation onTraining = Evaluation.of(predictedTrain, training.targets());
        Evaluation onFresh = Evaluation.of(predictedFresh, fresh.targets());

        double[] x = Reports.steps(epochsRun);
        List<Artifact.Series> series = new ArrayList<>();
        series.add(new Artifact.Series("training set", x, Arrays.copyOf(trainLoss, epochsRun)));
        series.add(new Artifact.Series("fresh data", x, Arrays.copyOf(freshLoss, epochsRun)));
        if (validation != null) series.add(new Artifact.Series("validation split", x, Arrays.copyOf(validationLoss, epochsRun)));
        run.artifact(Reports.lossChart("Loss per epoch: training set against fresh data", "epoch", series));
        Reports.predictionScatters(run, List.of("training set", "fresh data"), List.of(predictedTrain, predictedFresh),
                List.of(training.targets(), fresh.targets()));
        run.artifact(Reports.evaluationTable("fresh", "Final network on " + fresh.size() + " fresh curves", onFresh));
        run.artifact(Reports.evaluationTable("training", "Final network on its " + training.size() + " training curves", onTraining));
        ModelCard card = ModelCards.curveNetwork(ID, run, sweep, bins, precision, engine)
                .put("trained.epochs", epochsRun)
                .build();
        run.artifact(new TrainedModel(network.toModel(), card).toArtifact("Trained MLP (DL4J) with its model card", "overfitting-model.zip"));

        Summary.Builder summary = Summary.builder()
                .put("finalTrainLoss", onTraining.loss())
                .put("finalFreshLoss", onFresh.loss())
                .put("generalisationGap", onFresh.loss() - onTraining.loss());
        if (validation != null) {
            summary.put("bestValidationLoss", best).put("bestEpoch", bestEpoch);
        }
        summary.put("epochsRun", epochsRun).put("stoppedEarly", stoppedEarly ? 1 : 0);
        for (int q = 0; q < 3; q++) summary.put("freshMse" + Reports.KEYS[q], onFresh.mse()[q]);
        return summary.build();
    }

    /** The lecture's loss (squared error summed over the three parameters, mean over samples) of samples [from, to). */
    private static double loss(double[] predicted, CurveBatch data, int from, int to) {
        return Evaluation.of(java.util.Arrays.copyOfRange(predicted, from * 3, to * 3),
                java.util.Arrays.copyOfRange(data.targets(), from * 3, to * 3)).loss();
    }
}
