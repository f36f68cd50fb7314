package org.physlab.autoencoder.experiments;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

import org.physlab.api.Artifact;
import org.physlab.api.Experiment;
import org.physlab.api.ExperimentDescriptor;
import org.physlab.api.FieldError;
import org.physlab.api.MetricGoal;
import org.physlab.api.Parameter;
import org.physlab.api.ParameterSchema;
import org.physlab.api.Parameters;
import org.physlab.api.RunContext;
import org.physlab.api.Summary;
import org.physlab.autoencoder.cicy.CicyGeometry;
import org.physlab.autoencoder.cicy.KnownCicys;
import org.physlab.autoencoder.latent.LinearProbe;
import org.physlab.autoencoder.latent.Silhouette;
import org.physlab.autoencoder.nets.AutoencoderArchitecture;
import org.physlab.autoencoder.nets.AutoencoderKind;
import org.physlab.autoencoder.nets.AutoencoderTrainer;
import org.physlab.autoencoder.nets.TrainedAutoencoder;
import org.physlab.autoencoder.nets.TrainingOptions;
import org.physlab.autoencoder.slm.LineBundleSum;
import org.physlab.autoencoder.slm.ModelLists;
import org.physlab.autoencoder.slm.OneHotEncoding;
import org.physlab.autoencoder.slm.RandomModels;
import org.physlab.autoencoder.slm.SlmGenerator;

/**
 * {@code autoencoder.slm}: the SLM part of Schneider's talk. Standard-like models (generated with
 * {@link SlmGenerator}, or imported) and as many random comparison models ({@link RandomModels}) are one-hot
 * encoded (30 x 11 = 330 inputs for h11 = 6) and compressed by the dense 330-32-16-8-4-latent network and its
 * mirror (leaky ReLU 0.2), an AE with the mean binary cross-entropy or a VAE with alpha * 330 * mean(BCE) + KL
 * averaged over the latent dimensions. The autoencoder never sees the labels; a linear probe on the codes of
 * held-out models and the silhouette score measure how far SLMs and random models separate in latent space.
 */
public final class SlmExperiment implements Experiment {

    /** The id of this experiment. */
    public static final String ID = "autoencoder.slm";

    /** The share of the models held out of training; the probe is scored on their codes. */
    static final double HELD_OUT = 0.2;

    @Override
    public ExperimentDescriptor descriptor() {
        return SlmReferences.cite(ExperimentDescriptor.builder(ID)
                .title("(Variational) autoencoder on heterotic standard-like models vs random models")
                .description("Generates line-bundle standard-like models on a CICY (or imports a list), draws as many random "
                        + "models with the same charge spread and c1 = 0, one-hot encodes both and trains a dense "
                        + "autoencoder (input-32-16-8-4-latent and mirror, leaky ReLU 0.2) without labels. The latent "
                        + "planes are coloured by SLM vs random and by the norm of V; a linear probe on the codes of "
                        + "held-out models and the silhouette score say how well the two classes separate."))
                .reference("D. P. Kingma, M. Welling, Auto-encoding variational Bayes, ICLR 2014", "https://arxiv.org/abs/1312.6114")
                .parameters(schema())
                .goal("probeAccuracy", MetricGoal.MAXIMIZE)
                .goal("silhouette", MetricGoal.MAXIMIZE)
                .goal("reconstructionLoss", MetricGoal.MINIMIZE)
                .build();
    }

    static ParameterSchema schema() {
        return ParameterSchema.builder()
                .add(Parameter.choice("model", "ae", "vae").defaultValue("ae")
                        .help("ae: plain autoencoder; vae: variational autoencoder (codes are the means of q(z|x)).").group("Network"))
                .add(Parameter.integer("latent").defaultValue(2).range(1, 16).help("Latent dimensions (the talk: 2).").group("Network"))
                .add(Parameter.integer("epochs").defaultValue(300).range(1, 100_000).help("Passes over the training models (the talk: 500).").group("Training"))
                .add(Parameter.integer("batchSize").defaultValue(512).range(1, 100_000).group("Training"))
                .add(Parameter.real("learningRate").defaultValue(1e-3).min(1e-7).max(1).help("Adam's step size.").group("Training"))
                .add(Parameter.real("alpha").defaultValue(0.2).min(1e-6).max(1e6)
                        .help("VAE only: loss = alpha * inputs * mean(BCE) + KL averaged over the latent dimensions (the talk: 0.2).")
                        .group("Training"))
                .add(SlmGenerateExperiment.cicyParameter())
                .add(SlmGenerateExperiment.symmetryOrderParameter())
                .add(Parameter.integer("maxCharge").defaultValue(2).range(1, 10)
                        .help("Largest |charge| of the generated line bundles.").group("Data"))
                .add(Parameter.integer("slmCount").defaultValue(1500).range(10, 1_000_000)
                        .help("Standard-like models to generate (at most; fewer if the search runs out); as many random models are drawn.")
                        .group("Data"))
                .add(Parameter.text("models").defaultValue("")
                        .help("Empty: generate the SLMs. Otherwise a path to a model list (JSON, JSON lines or CSV; 5 x h11 or "
                                + "h11 x 5 per model) used as the SLMs instead.").group("Data"))
                .add(Parameter.integer("encodingCharge").defaultValue(5).range(1, 20)
                        .help("One-hot range [-c, c] of every charge (the talk: 5, giving 30 x 11 = 330 inputs on 5302).").group("Data"))
                .constraint(SlmGenerateExperiment::chargeRangeProblem)
                .constraint(SlmExperiment::modelsProblem)
                .build();
    }

    /** An imported list must exist, parse, have the manifold's shape and fit the one-hot range. */
    static FieldError modelsProblem(Parameters p) {
        String path = p.getString("models").strip();
        if (path.isEmpty()) return null;
        if (!Files.isReadable(Path.of(path))) return FieldError.of("models", "cannot read file " + path);
        try {
            List<LineBundleSum> models = ModelLists.read(Path.of(path), new CicyGeometry(KnownCicys.resolve(p.getString("cicy"))));
            int c = p.getInt("encodingCharge");
            for (int m = 0; m < models.size(); m++) {
                if (models.get(m).maxAbsCharge() > c) {
                    return FieldError.of("models", "model " + (m + 1) + " has a charge " + models.get(m).maxAbsCharge()
                            + " outside the one-hot range [-" + c + ", " + c + "]; raise encodingCharge");
                }
            }
            if (models.size() < 10) return FieldError.of("models", "needs at least 10 models, the file holds " + models.size());
            return null;
        } catch (IllegalArgumentException e) {
            return FieldError.of("models", e.getMessage());
        }
    }

    @Override
    public Summary run(RunContext run) {
        Parameters p = run.parameters();
        CicyGeometry geometry = new CicyGeometry(KnownCicys.resolve(p.getString("cicy")));
        int encodingCharge = p.getInt("encodingCharge");
        OneHotEncoding encoding = new OneHotEncoding(geometry.h11(), encodingCharge);

        // 1. the SLMs and as many random models
        List<LineBundleSum> slms = standardLikeModels(run, p, geometry);
        List<LineBundleSum> random = randomModels(run, slms, encodingCharge);
        run.log().info("%d SLMs and %d random models, %d inputs per model", slms.size(), random.size(), encoding.length());
        run.artifact(SlmGenerateExperiment.normHistogram("norm-histograms", "Norm of V: SLMs and random models",
                Map.of("SLM", slms, "random", random)));

        // 2. labels (0 = SLM, 1 = random), a held-out split, one-hot inputs
        List<LineBundleSum> all = new ArrayList<>(slms);
        all.addAll(random);
        int n = all.size();
        int[] labels = new int[n];
        for (int i = slms.size(); i < n; i++) labels[i] = 1;
        int[] order = shuffledIndices(n, run.random("split"));
        int heldOut = Math.max(2, (int) Math.round(n * HELD_OUT));
        int train = n - heldOut;
        float[][] xTrain = new float[train][], xTest = new float[heldOut][];
        int[] yTrain = new int[train], yTest = new int[heldOut];
        for (int i = 0; i < n; i++) {
            int m = order[i];
            float[] x = encoding.encode(all.get(m));
            if (i < train) {
                xTrain[i] = x;
                yTrain[i] = labels[m];
            } else {
                xTest[i - train] = x;
                yTest[i - train] = labels[m];
            }
        }

        // 3. the autoencoder, trained without labels
        AutoencoderKind kind = AutoencoderKind.parse(p.getString("model"));
        int latent = p.getInt("latent");
        AutoencoderArchitecture architecture = AutoencoderArchitecture.dense(kind, encoding.length(), new int[] {32, 16, 8, 4}, latent);
        // AE: Keras' mean BCE over the inputs; VAE: alpha * inputs * mean(BCE) + KL averaged over latent dims
        TrainingOptions options = new TrainingOptions(p.getInt("epochs"), p.getInt("batchSize"), p.getDouble("learningRate"),
                kind == AutoencoderKind.VAE ? p.getDouble("alpha") : 1.0 / encoding.length(),
                kind == AutoencoderKind.VAE ? 1.0 / latent : 0.0, 0.0);
        run.log().info("%s, %d training and %d held-out models", architecture.describe(), train, heldOut);
        int epochs = options.epochs();
        TrainedAutoencoder net = AutoencoderTrainer.train(architecture, xTrain, options, run.seed(), run.random("training"),
                new org.physlab.autoencoder.nets.TrainingListener() {
                    @Override
                    public void batch(int epoch, int batch, int batches, double reconstruction, double kl) {
                        run.progress(((epoch - 1) + batch / (double) batches) / epochs * 0.95, "epoch " + epoch + "/" + epochs);
                    }

                    @Override
                    public void epoch(int epoch, double reconstruction, double kl) {
                        run.metric("reconstructionLoss", epoch, reconstruction);
                        if (kind == AutoencoderKind.VAE) run.metric("klLoss", epoch, kl);
                    }
                }, run::checkCancelled);
        run.artifact(lossCurves(net, kind));

        // 4. codes, probe on held-out codes, silhouette, pictures
        double[][] codesTrain = net.encode(xTrain), codesTest = net.encode(xTest);
        LinearProbe probe = LinearProbe.fit(codesTrain, yTrain, 2);
        double probeAccuracy = probe.accuracy(codesTest, yTest);
        double probeTrain = probe.accuracy(codesTrain, yTrain);
        double[][] codes = new double[n][];
        for (int i = 0; i < n; i++) codes[order[i]] = i < train ? codesTrain[i] : codesTest[i - train];
        double silhouette = Silhouette.score(codes, labels, 3000, run.seed());
        TrainedAutoencoder.Evaluation heldOutLoss = net.evaluate(xTest);
        run.log().info("linear probe on held-out codes: %.1f %% (train %.1f %%), silhouette %.3f", 100 * probeAccuracy, 100 * probeTrain, silhouette);

        Map<String, List<Integer>> classes = new LinkedHashMap<>();
        classes.put("SLM", indices(labels, 0));
        classes.put("random", indices(labels, 1));
        String kindLabel = kind.label().toUpperCase(Locale.ROOT);
        run.artifact(latentScatter("latent-slm-vs-random", "Latent codes (" + kindLabel + "): SLM vs random", codes, classes));
        run.artifact(latentScatter("latent-by-norm", "Latent codes (" + kindLabel + ") coloured by the norm of V", codes, normBins(all)));
        run.progress(1, "done");

        double[] rec = net.epochReconstructionLoss();
        Summary.Builder summary = Summary.builder()
                .put("probeAccuracy", probeAccuracy)
                .put("probeTrainAccuracy", probeTrain)
                .put("silhouette", silhouette)
                .put("reconstructionLoss", rec[rec.length - 1])
                .put("heldOutReconstructionLoss", heldOutLoss.reconstructionLoss());
        if (kind == AutoencoderKind.VAE) {
            double[] kl = net.epochKl();
            summary.put("klLoss", kl[kl.length - 1]).put("heldOutKlLoss", heldOutLoss.klLoss());
        }
        return summary.put("slmModels", slms.size()).put("randomModels", random.size()).build();
    }

    private static List<LineBundleSum> standardLikeModels(RunContext run, Parameters p, CicyGeometry geometry) {
        String path = p.getString("models").strip();
        if (!path.isEmpty()) {
            List<LineBundleSum> models = ModelLists.read(Path.of(path), geometry);
            run.log().info("imported %d models from %s", models.size(), path);
            return models;
        }
        SlmGenerator generator = new SlmGenerator(geometry, p.getInt("symmetryOrder"), p.getInt("maxCharge"));
        SlmGenerator.Result result = generator.generate(p.getInt("slmCount"), SlmGenerator.DEFAULT_TRIPLES, run.random("generator"),
                (fraction, candidates, models) -> {
                    run.checkCancelled();
                    run.progress(0.05 * Math.min(1, fraction), "generating: " + models + " models");
                });
        if (result.models().size() < 10) {
            throw new IllegalArgumentException("the generator found only " + result.models().size() + " models on " + geometry
                    + " with |Gamma| = " + p.getInt("symmetryOrder") + " and charges up to " + p.getInt("maxCharge")
                    + "; try another symmetry order or a larger maxCharge");
        }
        run.log().info("generated %d models from %,d candidate sums", result.models().size(), result.candidatesChecked());
        return result.models();
    }

    /** The talk's random models, redrawn when a charge falls outside the one-hot range (L5 can exceed it). */
    private static List<LineBundleSum> randomModels(RunContext run, List<LineBundleSum> slms, int encodingCharge) {
        RandomGenerator random = run.random("random-models");
        List<LineBundleSum> out = new ArrayList<>(slms.size());
        int redrawn = 0;
        while (out.size() < slms.size()) {
            for (LineBundleSum m : RandomModels.like(slms, slms.size() - out.size(), random)) {
                if (m.maxAbsCharge() <= encodingCharge) out.add(m);
                else redrawn++;
            }
        }
        if (redrawn > 0) run.log().info("redrew %d random models with a charge outside [-%d, %d]", redrawn, encodingCharge, encodingCharge);
        return out;
    }

    private static int[] shuffledIndices(int n, RandomGenerator random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private static Artifact.LineChart lossCurves(TrainedAutoencoder net, AutoencoderKind kind) {
        List<Artifact.Series> series = new ArrayList<>();
        double[] rec = net.epochReconstructionLoss();
        double[] x = new double[rec.length];
        for (int i = 0; i < x.length; i++) x[i] = i + 1;
        series.add(new Artifact.Series("reconstruction (BCE summed over inputs)", x, rec));
        if (kind == AutoencoderKind.VAE) series.add(new Artifact.Series("KL (summed over latent dimensions)", x, net.epochKl()));
        return new Artifact.LineChart("loss", "Training loss per epoch", "epoch", "loss per model", false, true, series);
    }

    private static List<Integer> indices(int[] labels, int label) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) if (labels[i] == label) out.add(i);
        return out;
    }

    /** Models by norm K of V in bins of width 1 (K < 4, 4-5, 5-6, 6-7, >= 7). */
    private static Map<String, List<Integer>> normBins(List<LineBundleSum> models) {
        Map<String, List<Integer>> bins = new LinkedHashMap<>();
        String[] names = {"K < 4", "4 <= K < 5", "5 <= K < 6", "6 <= K < 7", "K >= 7"};
        for (String name : names) bins.put(name, new ArrayList<>());
        for (int i = 0; i < models.size(); i++) {
            int b = (int) Math.min(4, Math.max(0, Math.floor(models.get(i).norm()) - 3));
            bins.get(names[b]).add(i);
        }
        bins.values().removeIf(List::isEmpty);
        return bins;
    }

    /** One series per colour class: (z1, z2), or (z1, 0) for a one-dimensional latent space. */
    private static Artifact.Scatter latentScatter(String name, String title, double[][] codes, Map<String, List<Integer>> classes) {
        List<Artifact.Series> series = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : classes.entrySet()) {
            List<Integer> idx = e.getValue();
            double[] x = new double[idx.size()], y = new double[idx.size()];
            for (int i = 0; i < x.length; i++) {
                double[] z = codes[idx.get(i)];
                x[i] = z[0];
                y[i] = z.length > 1 ? z[1] : 0;
            }
            series.add(new Artifact.Series(e.getKey(), x, y));
        }
        return new Artifact.Scatter(name, title + (codes[0].length > 2 ? " (first two of " + codes[0].length + " dimensions)" : ""),
                "z1", codes[0].length > 1 ? "z2" : "", false, series);
    }
}
