package org.physlab.autoencoder.experiments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.physlab.api.Artifact;
import org.physlab.api.Experiment;
import org.physlab.api.ExperimentDescriptor;
import org.physlab.api.FieldError;
import org.physlab.api.MetricGoal;
import org.physlab.api.Parameter;
import org.physlab.api.ParameterSchema;
import org.physlab.api.Parameters;
import org.physlab.api.Reference;
import org.physlab.api.RunContext;
import org.physlab.api.Summary;
import org.physlab.autoencoder.images.ImageDatasets;
import org.physlab.autoencoder.images.ImageGrids;
import org.physlab.autoencoder.images.ImageSet;
import org.physlab.autoencoder.latent.LatentGrid;
import org.physlab.autoencoder.latent.LinearProbe;
import org.physlab.autoencoder.latent.Silhouette;
import org.physlab.autoencoder.nets.AutoencoderArchitecture;
import org.physlab.autoencoder.nets.AutoencoderKind;
import org.physlab.autoencoder.nets.AutoencoderTrainer;
import org.physlab.autoencoder.nets.Losses;
import org.physlab.autoencoder.nets.TrainedAutoencoder;
import org.physlab.autoencoder.nets.TrainingListener;
import org.physlab.autoencoder.nets.TrainingOptions;

/**
 * {@code autoencoder.mnist}: the talk's convolutional AE or VAE on MNIST (or Fashion-MNIST, or the user's
 * IDX files), optionally denoising. Reports the reconstruction loss against the mean-image baseline, how
 * well a linear probe reads the class off the latent code, and draws reconstructions, the latent plane
 * coloured by class and images decoded over that plane.
 */
public final class MnistExperiment implements Experiment {
    public static final String ID = "autoencoder.mnist";
    static final Reference TALK = new Reference(
            "R. Schneider, String Theory meets Machine Learning, session 4: (Variational) Autoencoder, Uppsala University 2020",
            "https://github.com/robin-schneider/STmML");
    static final Reference KINGMA_WELLING = new Reference(
            "D. P. Kingma and M. Welling, Auto-Encoding Variational Bayes, arXiv:1312.6114 (2013)", "https://arxiv.org/abs/1312.6114");
    static final Reference MNIST = new Reference(
            "Y. LeCun, L. Bottou, Y. Bengio and P. Haffner, Gradient-based learning applied to document recognition, Proc. IEEE 86 (1998) 2278; "
                    + "MNIST database by Y. LeCun, C. Cortes and C. J. C. Burges", "http://yann.lecun.com/exdb/mnist/");
    static final Reference FASHION = new Reference(
            "H. Xiao, K. Rasul and R. Vollgraf, Fashion-MNIST: a Novel Image Dataset for Benchmarking Machine Learning Algorithms, "
                    + "arXiv:1708.07747 (2017)", "https://arxiv.org/abs/1708.07747");
    static final List<String> FASHION_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
            "Sneaker", "Bag", "Ankle boot");
    static final String DATA = "Data";
    static final String NETWORK = "Network";
    static final String TRAINING = "Training";

    @Override
    public ExperimentDescriptor descriptor() {
        ParameterSchema.Builder schema = ParameterSchema.builder();
        schema.group(DATA)
                .add(Parameter.choice("dataset", "mnist", "fashion-mnist", "idx").defaultValue("mnist")
                        .help("mnist (inside the plugin), fashion-mnist (Debian package dataset-fashion-mnist) or idx (your own files)"))
                .add(Parameter.text("images").defaultValue("").help("dataset=idx: path of the IDX image file (28 x 28, .gz allowed)"))
                .add(Parameter.text("labels").defaultValue("").help("dataset=idx: path of the matching IDX label file"))
                .add(Parameter.integer("trainSize").defaultValue(60_000).range(10, 10_000_000).help("at most this many training images"))
                .add(Parameter.integer("testSize").defaultValue(10_000).range(10, 10_000_000).help("at most this many test images"));
        schema.group(NETWORK)
                .add(Parameter.choice("model", "ae", "vae").defaultValue("ae").help("plain (ae) or variational (vae) autoencoder"))
                .add(Parameter.integer("latent").defaultValue(2).range(1, 256).help("latent dimension"));
        schema.group(TRAINING)
                .add(Parameter.integer("epochs").defaultValue(5).range(1, 10_000).help("passes over the training images"))
                .add(Parameter.integer("batchSize").defaultValue(128).range(1, 10_000).help("images per Adam step"))
                .add(Parameter.real("learningRate").defaultValue(1e-3).range(1e-7, 1).help("Adam step size"))
                .add(Parameter.real("denoise").defaultValue(0.0).range(0, 2)
                        .help("noise level: train on clip(x + denoise * N(0,1), 0, 1) against the clean x; 0 = off"))
                .add(Parameter.real("klWeight").defaultValue(1.0).range(0, 1000)
                        .help("VAE: weight of KL(q(z|x) || N(0,1)) against the summed pixel cross-entropy"))
                .add(Parameter.integer("gridSize").defaultValue(15).range(2, 40).help("decoded images per side of the latent grid"));
        schema.constraint(p -> "idx".equals(p.getString("dataset")) && (p.getString("images").isBlank() || p.getString("labels").isBlank())
                ? FieldError.of("images", "dataset=idx needs both images and labels (paths of IDX files)") : null);
        schema.constraint(MnistExperiment::dataProblem);
        return ExperimentDescriptor.builder(ID)
                .title("Convolutional (variational) autoencoder on MNIST")
                .description("Trains the talk's network (encoder conv64 same - pool - conv64 valid - pool - conv64 valid - dense latent; "
                        + "decoder dense 3136 - 64x7x7 - three transposed convolutions; ReLU, sigmoid + binary cross-entropy, Adam) "
                        + "and shows reconstructions, the latent plane coloured by class, decoded images over that plane and a "
                        + "linear probe of the class on the latent code.")
                .reference(TALK)
                .reference(KINGMA_WELLING)
                .reference(MNIST)
                .reference(FASHION)
                .parameters(schema.build())
                .goal("testReconstructionLoss", MetricGoal.MINIMIZE)
                .goal("probeAccuracy", MetricGoal.MAXIMIZE)
                .goal("silhouette", MetricGoal.MAXIMIZE)
                .build();
    }

    @Override
    public Summary run(RunContext run) {
        Parameters p = run.parameters();
        ImageDatasets.Split data = load(p);
        ImageSet train = data.train();
        ImageSet test = data.test();
        if (train.rows() != 28 || train.columns() != 28) {
            throw new IllegalArgumentException(train.name() + " has " + train.rows() + " x " + train.columns()
                    + " images; the talk's convolutional network needs 28 x 28");
        }
        AutoencoderKind kind = AutoencoderKind.parse(p.getString("model"));
        int latent = p.getInt("latent");
        AutoencoderArchitecture architecture = AutoencoderArchitecture.mnistConv(kind, latent);
        TrainingOptions options = new TrainingOptions(p.getInt("epochs"), p.getInt("batchSize"), p.getDouble("learningRate"), 1.0,
                p.getDouble("klWeight"), p.getDouble("denoise"));
        run.log().info("%s: %d training and %d test images; %s", train.name(), train.size(), test.size(), architecture.describe());

        int batches = (train.size() + options.batchSize() - 1) / options.batchSize();
        long totalBatches = (long) batches * options.epochs();
        List<double[]> perBatch = new ArrayList<>();
        boolean variational = kind == AutoencoderKind.VAE;
        TrainingListener listener = new TrainingListener() {
            @Override
            public void batch(int epoch, int batch, int perEpoch, double reconstruction, double kl) {
                long step = (long) (epoch - 1) * perEpoch + batch;
                run.metric("reconstructionLoss", step, reconstruction);
                if (variational) run.metric("klLoss", step, kl);
                perBatch.add(new double[] {step, reconstruction, kl});
                run.progress(step / (double) totalBatches, String.format(Locale.ROOT, "epoch %d/%d, batch %d/%d, BCE %.1f%s",
                        epoch, options.epochs(), batch, perEpoch, reconstruction, variational ? String.format(Locale.ROOT, ", KL %.2f", kl) : ""));
            }

            @Override
            public void epoch(int epoch, double reconstruction, double kl) {
                run.log().info("epoch %d: reconstruction %.3f%s", epoch, reconstruction,
                        variational ? String.format(Locale.ROOT, ", KL %.3f", kl) : "");
            }
        };
        long t0 = System.nanoTime();
        TrainedAutoencoder model = AutoencoderTrainer.train(architecture, train.images(), options, run.seed(), run.random("training"),
                listener, run::checkCancelled);
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        run.log().info("training took %.1f s (%.1f s per epoch)", trainSeconds, trainSeconds / options.epochs());

        run.progress(1.0, "evaluating");
        TrainedAutoencoder.Evaluation eval = model.evaluate(test.images());
        double baseline = Losses.meanImageBaseline(train.images(), test.images());
        double[][] testCodes = model.encode(test.images());
        int probeTrain = Math.min(train.size(), 10_000);
        double[][] trainCodes = model.encode(Arrays.copyOf(train.images(), probeTrain));
        int classes = Math.max(train.classes(), test.classes());
        LinearProbe probe = LinearProbe.fit(trainCodes, Arrays.copyOf(train.labels(), probeTrain), classes);
        double probeAccuracy = probe.accuracy(testCodes, test.labels());
        double silhouette = Silhouette.score(testCodes, test.labels(), 2000, run.seed());
        run.log().info("test reconstruction %.2f vs mean-image baseline %.2f; linear probe on the codes %.1f %%; silhouette %.3f",
                eval.reconstructionLoss(), baseline, 100 * probeAccuracy, silhouette);

        List<String> names = classNames(p.getString("dataset"), classes);
        lossCharts(run, perBatch, variational);
        reconstructions(run, model, test, options.noise());
        latentScatter(run, testCodes, test.labels(), names);
        if (latent >= 2) decodedGrid(run, model, testCodes, p.getInt("gridSize"));
        run.progress(1.0, "done");

        Summary.Builder s = Summary.builder()
                .put("testReconstructionLoss", eval.reconstructionLoss())
                .put("baselineReconstructionLoss", baseline)
                .put("reconstructionVsBaseline", eval.reconstructionLoss() / baseline)
                .put("probeAccuracy", probeAccuracy)
                .put("silhouette", silhouette)
                .put("finalTrainReconstructionLoss", model.epochReconstructionLoss()[options.epochs() - 1])
                .put("encoderParameters", model.networks().encoderParameters())
                .put("decoderParameters", model.networks().decoderParameters())
                .put("secondsPerEpoch", trainSeconds / options.epochs());
        if (variational) s.put("testKl", eval.klLoss()).put("finalTrainKl", model.epochKl()[options.epochs() - 1]);
        return s.build();
    }

    /**
     * Bad data is refused before a run is recorded: a missing Fashion-MNIST package, or IDX files that do not
     * parse (bad magic number, truncation, counts that differ), hold too few images or are not 28 x 28.
     */
    static FieldError dataProblem(Parameters p) {
        String dataset = p.getString("dataset");
        if ("fashion-mnist".equals(dataset) && !java.nio.file.Files.isDirectory(Path.of(ImageDatasets.FASHION_MNIST_DIR))) {
            return FieldError.of("dataset", "Fashion-MNIST is not installed (" + ImageDatasets.FASHION_MNIST_DIR
                    + " is missing): install the Debian package dataset-fashion-mnist, or use dataset=idx with your own files");
        }
        if (!"idx".equals(dataset) || p.getString("images").isBlank() || p.getString("labels").isBlank()) return null;
        try {
            ImageSet train = load(p).train();
            if (train.rows() != 28 || train.columns() != 28) {
                return FieldError.of("images", train.name() + " has " + train.rows() + " x " + train.columns()
                        + " images; the talk's convolutional network needs 28 x 28");
            }
            return null;
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            return FieldError.of("images", e.getMessage());
        }
    }

    private static ImageDatasets.Split load(Parameters p) {
        int trainSize = p.getInt("trainSize");
        int testSize = p.getInt("testSize");
        return switch (ImageDatasets.Source.parse(p.getString("dataset"))) {
            case MNIST -> ImageDatasets.mnist(trainSize, testSize);
            case FASHION_MNIST -> ImageDatasets.fashionMnist(Path.of(ImageDatasets.FASHION_MNIST_DIR), trainSize, testSize);
            case IDX -> ImageDatasets.idx(Path.of(p.getString("images")), Path.of(p.getString("labels")), trainSize, testSize);
        };
    }

    static List<String> classNames(String dataset, int classes) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add("fashion-mnist".equals(dataset) && c < FASHION_CLASSES.size() ? FASHION_CLASSES.get(c)
                    : ("mnist".equals(dataset) ? "digit " : "class ") + c);
        }
        return names;
    }

    private static void lossCharts(RunContext run, List<double[]> perBatch, boolean variational) {
        double[] step = perBatch.stream().mapToDouble(r -> r[0]).toArray();
        double[] rec = perBatch.stream().mapToDouble(r -> r[1]).toArray();
        run.artifact(new Artifact.LineChart("reconstruction-loss", "Reconstruction loss per batch (BCE summed over 784 pixels)", "batch",
                "binary cross-entropy", false, true, List.of(new Artifact.Series("training batch", step, rec))));
        if (variational) {
            double[] kl = perBatch.stream().mapToDouble(r -> r[2]).toArray();
            run.artifact(new Artifact.LineChart("kl-loss", "KL(q(z|x) || N(0, 1)) per batch", "batch", "KL", false, false,
                    List.of(new Artifact.Series("training batch", step, kl))));
        }
    }

    /** Originals above reconstructions (and noisy inputs above their denoised versions) of the first 10 test images. */
    private static void reconstructions(RunContext run, TrainedAutoencoder model, ImageSet test, double noise) {
        int n = Math.min(10, test.size());
        float[][] originals = Arrays.copyOf(test.images(), n);
        float[][] rec = model.reconstruct(originals);
        float[][] grid = new float[2 * n][];
        System.arraycopy(originals, 0, grid, 0, n);
        System.arraycopy(rec, 0, grid, n, n);
        run.artifact(heatmap("reconstructions", "Test images (top) and their reconstructions (bottom)", grid, 2, n));
        if (noise > 0) {
            float[][] noisy = ImageGrids.addNoise(originals, noise, run.random("denoise-demo"));
            float[][] denoised = model.reconstruct(noisy);
            float[][] g = new float[3 * n][];
            System.arraycopy(originals, 0, g, 0, n);
            System.arraycopy(noisy, 0, g, n, n);
            System.arraycopy(denoised, 0, g, 2 * n, n);
            run.artifact(heatmap("denoising", String.format(Locale.ROOT,
                    "Clean (top), noisy with level %.2f (middle) and denoised (bottom) test images", noise), g, 3, n));
        }
    }

    private static Artifact.Heatmap heatmap(String name, String title, float[][] images, int gridRows, int gridColumns) {
        double[][] m = ImageGrids.flipVertically(ImageGrids.mosaic(images, 28, 28, gridRows, gridColumns, 0.5));
        return new Artifact.Heatmap(name, title, m, 0, m[0].length, 0, m.length, "pixel", "pixel", "grey level");
    }

    private static void latentScatter(RunContext run, double[][] codes, int[] labels, List<String> names) {
        int n = Math.min(codes.length, 5000);
        List<Artifact.Series> series = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            List<double[]> pts = new ArrayList<>();
            for (int i = 0; i < n; i++) if (labels[i] == c) pts.add(codes[i]);
            double[] x = pts.stream().mapToDouble(z -> z[0]).toArray();
            double[] y = pts.stream().mapToDouble(z -> z.length > 1 ? z[1] : 0).toArray();
            series.add(new Artifact.Series(names.get(c), x, y));
        }
        String dims = codes[0].length > 2 ? " (first two of " + codes[0].length + " latent dimensions)" : "";
        run.artifact(new Artifact.Scatter("latent-scatter", "Latent codes of " + n + " test images by class" + dims, "z1", "z2", false, series));
    }

    private static void decodedGrid(RunContext run, TrainedAutoencoder model, double[][] codes, int size) {
        LatentGrid grid = LatentGrid.over(codes, size);
        float[][] images = model.decode(grid.codes());
        double[][] m = ImageGrids.flipVertically(ImageGrids.mosaic(images, 28, 28, size, size, 0.5));
        run.artifact(new Artifact.Heatmap("latent-grid",
                "Images decoded on a " + size + " x " + size + " grid over the latent plane (1st to 99th percentile of the test codes)",
                m, grid.z1Range()[0], grid.z1Range()[1], grid.z2Range()[0], grid.z2Range()[1], "z1", "z2", "grey level"));
    }
}
