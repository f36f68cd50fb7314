package org.physlab.oscillator.experiments;

import java.util.List;
import java.util.random.RandomGenerator;
import org.physlab.api.Artifact;
import org.physlab.api.Experiment;
import org.physlab.api.ExperimentDescriptor;
import org.physlab.api.Parameter;
import org.physlab.api.ParameterSchema;
import org.physlab.api.Parameters;
import org.physlab.api.RunContext;
import org.physlab.api.Summary;
import org.physlab.oscillator.data.CurveBatch;
import org.physlab.oscillator.data.ForceSweepImages;
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
 * {@code oscillator.curve-mlp}: trains the lecture's MLP to read (omega0, gamma, epsilon) off one
 * response curve. Every batch is freshly simulated (z0 = 0, force 1), resized to {@code bins} with the
 * antialiased linear resize, and used for one Adam step; afterwards a fresh validation batch measures
 * the error per parameter. Plain Java or DL4J trains ({@code engine}); the plain network's weights are
 * drawn from {@code random("network")}.
 */
public final class CurveMlpExperiment implements Experiment {
    public static final String ID = "oscillator.curve-mlp";

    @Override
    public ExperimentDescriptor descriptor() {
        ParameterSchema.Builder schema = ParameterSchema.builder();
        OscillatorParameters.addPrior(schema);
        schema.group(OscillatorParameters.DATA)
                .add(Parameter.real("force").defaultValue(1.0).help("drive force of every training curve"))
                .add(OscillatorParameters.bins("length the |z| curve is resized to (antialiased linear, as jax.image.resize)"))
                .add(OscillatorParameters.noise(0.0, "each input value"));
        OscillatorParameters.addInitialAmplitude(schema, 0.0, 0.0, "the lecture's training curves start at 0");
        OscillatorParameters.addSweep(schema);
        schema.group(OscillatorParameters.NETWORK)
                .add(Parameter.integers("hidden").defaultValue("100").minLength(1).min(1)
                        .help("sizes of the tanh hidden layers, e.g. 100 or 100,100"));
        OscillatorParameters.addNetworkPrecision(schema);
        OscillatorParameters.addEngine(schema);
        schema.group(OscillatorParameters.TRAINING)
                .add(Parameter.integer("batches").defaultValue(100).range(1, 10_000_000).help("number of Adam steps, each on a fresh batch"))
                .add(Parameter.integer("batchSize").defaultValue(32).range(1, 100_000).help("curves per batch"))
                .add(OscillatorParameters.learningRate())
                .add(Parameter.integer("validationSamples").defaultValue(100).range(2, 1_000_000)
                        .help("fresh curves the trained network is judged on"));
        schema.constraint(p -> OscillatorParameters.memoryProblem("batchSize", p.getInt("batchSize"), p.getInt("steps")));
        schema.constraint(p -> OscillatorParameters.memoryProblem("validationSamples", p.getInt("validationSamples"), p.getInt("steps")));
        return Reports.correlationsImproveUpwards(ExperimentDescriptor.builder(ID))
                .title("Duffing oscillator: MLP reads omega0, gamma, epsilon off a response curve")
                .description("Trains the MLP [bins, hidden..., 3] (tanh, N(0,1)/sqrt(fan_in) init, squared error summed over "
                        + "the three parameters, Adam) on freshly simulated Duffing response curves, then judges it on a "
                        + "fresh validation batch: predicted against true scatter per parameter, MSE per parameter and "
                        + "in total. The trained network is kept as artifact 'model' for oscillator.predict.")
                .reference(OscillatorParameters.LECTURE)
                .parameters(schema.build())
                .build();
    }

    @Override
    public Summary run(RunContext run) {
        Parameters p = run.parameters();
        FrequencySweep sweep = OscillatorParameters.sweep(p);
        ParameterPrior prior = OscillatorParameters.prior(p);
        Precision precision = OscillatorParameters.precision(p);
        int bins = p.getInt("bins");
        int batches = p.getInt("batches");
        int batchSize = p.getInt("batchSize");
        int[] hidden = p.getInts("hidden");
        Engine engine = OscillatorParameters.engine(p);
        int threads = run.compute().javaThreads();
        boolean overlap = threads >= 2;

        NetworkTrainer network = CurveMlp.trainer(engine, bins, hidden, p.getDouble("learningRate"), 0.0, precision, run.seed(),
                run.random("network"));
        run.log().info("MLP %s, %d parameters, %s, engine %s, %d Java threads", layers(bins, hidden), network.parameterCount(),
                precision.label(), engine.label(), threads);

        FreshDataTraining.Result result;
        CurveBatch validation;
        try (DuffingSolver solver = new DuffingSolver(sweep, overlap ? threads - 1 : threads)) {
            ResponseCurves curves = new ResponseCurves(prior, p.getDouble("force"), solver, bins, p.getDouble("noise"),
                    p.getDouble("z0Re"), p.getDouble("z0Im"));
            RandomGenerator trainingData = run.random("training-data");
            result = FreshDataTraining.train(run, network, batches, overlap, i -> curves.next(trainingData, batchSize));
            validation = curves.next(run.random("validation"), p.getInt("validationSamples"));
        }
        run.log().info("simulation %.3f s%s, training %.3f s, waiting for data %.3f s, loop %.3f s",
                result.simulationSeconds(), overlap ? " (background thread)" : "", result.trainingSeconds(),
                result.waitSeconds(), result.wallSeconds());

        double[] predicted = network.predict(validation);
        Evaluation eval = Evaluation.of(predicted, validation.targets());

        run.artifact(Reports.lossChart("Training loss per batch", "batch",
                List.of(new Artifact.Series("training batch", Reports.steps(batches), result.losses()))));
        Reports.predictionScatters(run, List.of("validation"), List.of(predicted), List.of(validation.targets()));
        run.artifact(Reports.sampleCurves(validation, ForceSweepImages.linspace(sweep.omegaStart(), sweep.omegaStop(), bins), 5));
        run.artifact(Reports.evaluationTable("validation", "Validation on " + validation.size() + " fresh curves", eval));
        ModelCard card = ModelCards.curveNetwork(ID, run, sweep, bins, precision, engine)
                .put("trained.batches", batches)
                .build();
        run.artifact(new TrainedModel(network.toModel(), card).toArtifact("Trained MLP (DL4J) with its model card", "curve-mlp-model.zip"));

        return Reports.trainingSummary(result.losses(), eval, network.parameterCount());
    }

    static String layers(int bins, int[] hidden) {
        StringBuilder b = new StringBuilder("[").append(bins);
        for (int h : hidden) b.append(", ").append(h);
        return b.append(", 3]").toString();
    }
}
