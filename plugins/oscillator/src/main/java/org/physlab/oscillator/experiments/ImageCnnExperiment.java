package org.physlab.oscillator.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import org.physlab.oscillator.data.ForceSweepImages;
import org.physlab.oscillator.data.ParameterPrior;
import org.physlab.oscillator.duffing.DuffingSolver;
import org.physlab.oscillator.duffing.FrequencySweep;
import org.physlab.oscillator.nets.Engine;
import org.physlab.oscillator.nets.Evaluation;
import org.physlab.oscillator.nets.ForceSweepCnn;
import org.physlab.oscillator.nets.ModelCard;
import org.physlab.oscillator.nets.NetworkTrainer;
import org.physlab.oscillator.nets.Precision;
import org.physlab.oscillator.nets.TrainedModel;

/**
 * {@code oscillator.image-cnn}: trains the lecture's CNN on 3-channel force-sweep images (noisy |z|
 * over time × force, plus frequency and force coordinate channels), each batch freshly simulated,
 * and judges it on a fresh validation batch. Plain Java or DL4J trains ({@code engine}); the plain
 * network's weights are drawn from {@code random("network")}.
 */
public final class ImageCnnExperiment implements Experiment {
    public static final String ID = "oscillator.image-cnn";

    @Override
    public ExperimentDescriptor descriptor() {
        ParameterSchema.Builder schema = ParameterSchema.builder();
        OscillatorParameters.addPrior(schema);
        schema.group(OscillatorParameters.DATA)
                .add(Parameter.reals("force").defaultValue("0.1,2.0").minLength(2).min(0)
                        .check(OscillatorParameters::intervalProblem)
                        .help("range low,high of the drive forces, one per image row"))
                .add(Parameter.integer("forceCount").defaultValue(50).range(1, 2000).help("number of forces = image rows"))
                .add(OscillatorParameters.bins("image columns: the time axis is resized to this (antialiased cubic)"))
                .add(OscillatorParameters.noise(0.5, "the |z| channel"));
        OscillatorParameters.addInitialAmplitude(schema, 0.0, 0.01, "the lecture's images start at 0.01i");
        OscillatorParameters.addSweep(schema);
        schema.group(OscillatorParameters.NETWORK)
                .add(Parameter.integers("channels").defaultValue("30,30,30,10").minLength(1).min(1)
                        .help("output channels of the 3x3 stride-2 convolutions (tanh after each)"))
                .add(Parameter.integers("dense").defaultValue("50").min(1).help("tanh dense layers after flattening"));
        OscillatorParameters.addNetworkPrecision(schema);
        OscillatorParameters.addEngine(schema);
        schema.group(OscillatorParameters.TRAINING)
                .add(Parameter.integer("batches").defaultValue(100).range(1, 10_000_000).help("number of Adam steps, each on a fresh batch"))
                .add(Parameter.integer("batchSize").defaultValue(16).range(1, 10_000).help("images per batch"))
                .add(OscillatorParameters.learningRate())
                .add(Parameter.integer("validationSamples").defaultValue(100).range(2, 100_000)
                        .help("fresh images the trained network is judged on"));
        schema.constraint(p -> {
            String problem = ForceSweepCnn.geometryProblem(p.getInt("forceCount"), p.getInt("bins"), p.getInts("channels").length);
            return problem == null ? null : FieldError.of("bins", problem + " (image rows = forceCount, columns = bins)");
        });
        schema.constraint(p -> OscillatorParameters.memoryProblem("batchSize",
                (long) p.getInt("batchSize") * p.getInt("forceCount"), p.getInt("steps")));
        schema.constraint(p -> OscillatorParameters.memoryProblem("validationSamples",
                (long) p.getInt("validationSamples") * p.getInt("forceCount"), p.getInt("steps")));
        return Reports.correlationsImproveUpwards(ExperimentDescriptor.builder(ID))
                .title("Duffing oscillator: CNN reads omega0, gamma, epsilon off a force-sweep image")
                .description("Simulates the sweep at forceCount forces per oscillator, resizes |z| along time with the "
                        + "antialiased cubic resize, adds noise, stacks frequency and force channels and trains the CNN "
                        + "(3x3 stride-2 VALID convolutions [3,30,30,30,10], tanh, dense [40,50,3]; 22,013 parameters) "
                        + "with squared error summed over the three parameters and Adam.")
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
        double[] force = p.getDoubles("force");
        int forceCount = p.getInt("forceCount");
        int bins = p.getInt("bins");
        int[] channels = p.getInts("channels");
        int[] dense = p.getInts("dense");
        int batches = p.getInt("batches");
        int batchSize = p.getInt("batchSize");
        Engine engine = OscillatorParameters.engine(p);
        int threads = run.compute().javaThreads();
        boolean overlap = threads >= 2;

        NetworkTrainer network = ForceSweepCnn.trainer(engine, forceCount, bins, channels, dense, p.getDouble("learningRate"),
                precision, run.seed(), run.random("network"));
        List<ForceSweepCnn.LayerCount> counts = ForceSweepCnn.parameterCounts(forceCount, bins, channels, dense);
        long counted = counts.stream().mapToLong(ForceSweepCnn.LayerCount::total).sum();
        if (counted != network.parameterCount()) {
            throw new IllegalStateException("parameter table (" + counted + ") disagrees with the network (" + network.parameterCount() + ")");
        }
        run.log().info("CNN on %dx%dx%d images, %d parameters, %s, engine %s, %d Java threads", 3, forceCount, bins,
                network.parameterCount(), precision.label(), engine.label(), threads);

        FreshDataTraining.Result result;
        CurveBatch validation;
        double[] forces;
        try (DuffingSolver solver = new DuffingSolver(sweep, overlap ? threads - 1 : threads)) {
            ForceSweepImages images = new ForceSweepImages(prior, force[0], force[1], forceCount, solver, bins,
                    p.getDouble("noise"), p.getDouble("z0Re"), p.getDouble("z0Im"));
            forces = images.forces();
            RandomGenerator trainingData = run.random("training-data");
            result = FreshDataTraining.train(run, network, batches, overlap, i -> images.next(trainingData, batchSize));
            validation = images.next(run.random("validation"), p.getInt("validationSamples"));
        }
        run.log().info("simulation %.3f s%s, training %.3f s, waiting for data %.3f s, loop %.3f s",
                result.simulationSeconds(), overlap ? " (background thread)" : "", result.trainingSeconds(),
                result.waitSeconds(), result.wallSeconds());

        double[] predicted = network.predict(validation);
        Evaluation eval = Evaluation.of(predicted, validation.targets());

        run.artifact(Reports.lossChart("Training loss per batch", "batch",
                List.of(new Artifact.Series("training batch", Reports.steps(batches), result.losses()))));
        Reports.predictionScatters(run, List.of("validation"), List.of(predicted), List.of(validation.targets()));
        run.artifact(Reports.evaluationTable("validation", "Validation on " + validation.size() + " fresh images", eval));
        imageArtifacts(run, validation, sweep, forces);
        run.artifact(parameterTable(counts));
        ModelCard card = ModelCards.trained(ModelCard.KIND_IMAGE, ID, run, sweep, precision, engine)
                .put("input.shape", new int[] {3, forceCount, bins})
                .put("bins", bins)
                .put("resize.method", "cubic")
                .put("resize.antialias", "true")
                .put("force.low", force[0])
                .put("force.high", force[1])
                .put("force.count", forceCount)
                .put("trained.batches", batches)
                .build();
        run.artifact(new TrainedModel(network.toModel(), card).toArtifact("Trained CNN (DL4J) with its model card", "image-cnn-model.zip"));

        return Reports.trainingSummary(result.losses(), eval, network.parameterCount());
    }

    /** Channel 0 of three validation images, and the two coordinate channels of the first. */
    private static void imageArtifacts(RunContext run, CurveBatch images, FrequencySweep sweep, double[] forces) {
        int rows = images.shape()[1];
        int cols = images.shape()[2];
        int plane = rows * cols;
        int per = 3 * plane;
        double w0 = sweep.omegaStart();
        double w1 = sweep.omegaStop();
        for (int s = 0; s < Math.min(3, images.size()); s++) {
            run.artifact(new Artifact.Heatmap("image-" + (s + 1),
                    "Input image " + (s + 1) + ", |z| channel (" + Reports.describe(images.targets(), s) + ")",
                    plane(images.inputs(), s * per, rows, cols), w0, w1, forces[0], forces[rows - 1],
                    "drive frequency ω", "force F", "|z| + noise"));
        }
        run.artifact(new Artifact.Heatmap("channel-frequency", "Input channel 1: drive frequency",
                plane(images.inputs(), plane, rows, cols), w0, w1, forces[0], forces[rows - 1], "drive frequency ω", "force F", "ω"));
        run.artifact(new Artifact.Heatmap("channel-force", "Input channel 2: force",
                plane(images.inputs(), 2 * plane, rows, cols), w0, w1, forces[0], forces[rows - 1], "drive frequency ω", "force F", "F"));
    }

    private static double[][] plane(double[] values, int offset, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (int r = 0; r < rows; r++) System.arraycopy(values, offset + r * cols, m[r], 0, cols);
        return m;
    }

    private static Artifact.Table parameterTable(List<ForceSweepCnn.LayerCount> counts) {
        List<List<Object>> rows = new ArrayList<>();
        long total = 0;
        for (ForceSweepCnn.LayerCount c : counts) {
            rows.add(List.of(c.layer(), c.description(), c.weights(), c.biases(), c.total()));
            total += c.total();
        }
        rows.add(List.of("total", "", "", "", total));
        return new Artifact.Table("parameter-counts", String.format(Locale.ROOT, "Trainable parameters (%,d)", total),
                List.of("layer", "shape", "weights", "biases", "total"), rows);
    }
}
