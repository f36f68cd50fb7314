package org.physlab.autoencoder.experiments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.physlab.api.Artifact;
import org.physlab.api.Experiment;
import org.physlab.api.ExperimentDescriptor;
import org.physlab.api.FieldError;
import org.physlab.api.Parameter;
import org.physlab.api.ParameterSchema;
import org.physlab.api.Parameters;
import org.physlab.api.RunContext;
import org.physlab.api.Summary;
import org.physlab.autoencoder.cicy.CicyGeometry;
import org.physlab.autoencoder.cicy.Configuration;
import org.physlab.autoencoder.cicy.KnownCicys;
import org.physlab.autoencoder.slm.LineBundleSum;
import org.physlab.autoencoder.slm.ModelLists;
import org.physlab.autoencoder.slm.SlmGenerator;

/**
 * {@code autoencoder.slm-generate}: generates SU(5) line-bundle sums on a CICY that satisfy the topological
 * standard-like-model constraints for a freely acting symmetry of order |Gamma| ({@link SlmGenerator}), and
 * reports how many survive each constraint, the norm distribution and the models as a JSON download.
 */
public final class SlmGenerateExperiment implements Experiment {

    /** The id of this experiment. */
    public static final String ID = "autoencoder.slm-generate";

    @Override
    public ExperimentDescriptor descriptor() {
        return SlmReferences.cite(ExperimentDescriptor.builder(ID)
                .title("Generate heterotic standard-like models (line-bundle sums on a CICY)")
                .description("Enumerates line bundles O(k) with charges in [-maxCharge, maxCharge] whose slope can vanish and whose "
                        + "index lies in [-3|Gamma|, 0], combines five of them with c1(V) = 0 and keeps the sums with "
                        + "ind(V) = -3|Gamma|, pair indices <= 0, the anomaly and Bogomolov bounds and a common zero of all "
                        + "slopes inside the Kaehler cone (poly-stability), once per class under reordering and the "
                        + "configuration's permutation symmetries. These are the topological constraints; cohomology "
                        + "conditions (no anti-generations, Higgs doublets) are not checked."))
                .parameters(schema())
                .goal("models", org.physlab.api.MetricGoal.MAXIMIZE)
                .build();
    }

    static ParameterSchema schema() {
        return ParameterSchema.builder()
                .add(cicyParameter())
                .add(symmetryOrderParameter())
                .add(Parameter.integer("maxCharge").defaultValue(2).range(1, 10)
                        .help("Largest |charge| of a line bundle. The database models on 5302 reach 5, but most entries are 0 or ±1; "
                                + "2 gives models with the norms of the talk's data (about 4.5 to 7) in seconds.")
                        .group("Search"))
                .add(Parameter.integer("maxModels").defaultValue(500).range(0, 1_000_000)
                        .help("Stop after this many distinct models (0: no cap).").group("Search"))
                .add(Parameter.integer("searchBudget").defaultValue(20_000_000).range(1, 2_000_000_000)
                        .help("Triples (L1, L2, L3) to try; all of them (an exhaustive search) when there are fewer.").group("Search"))
                .constraint(SlmGenerateExperiment::chargeRangeProblem)
                .build();
    }

    static Parameter.Builder cicyParameter() {
        return Parameter.text("cicy").defaultValue("5302").minLength(1)
                .check(v -> problem(() -> KnownCicys.resolve((String) v)))
                .help("A CICY known by number (5302, 7862, 6770, 7447, 7487, 6777, 5256), quintic, bicubic, or a configuration "
                        + "matrix [[n_1, q_11, ...], ...] (one row per projective factor: its dimension, then the degrees).")
                .group("Manifold");
    }

    static Parameter.Builder symmetryOrderParameter() {
        return Parameter.integer("symmetryOrder").defaultValue(4).range(1, 100)
                .help("|Gamma|, the order of the freely acting symmetry: three families need ind(V) = -3|Gamma|.")
                .group("Manifold");
    }

    /** The (2q+1)^h11 charge vectors must fit the generator's table. */
    static FieldError chargeRangeProblem(Parameters p) {
        Configuration c = KnownCicys.resolve(p.getString("cicy"));
        double vectors = Math.pow(2 * p.getInt("maxCharge") + 1, c.factors());
        if (vectors > SlmGenerator.MAX_CHARGE_VECTORS) {
            return FieldError.of("maxCharge", String.format(Locale.ROOT, "%d on a CICY with h11 = %d means %.3g charge vectors, "
                    + "more than %d; lower it", p.getInt("maxCharge"), c.factors(), vectors, SlmGenerator.MAX_CHARGE_VECTORS));
        }
        return null;
    }

    static String problem(Runnable check) {
        try {
            check.run();
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    @Override
    public Summary run(RunContext run) {
        Parameters p = run.parameters();
        Configuration configuration = KnownCicys.resolve(p.getString("cicy"));
        CicyGeometry geometry = new CicyGeometry(configuration);
        int gamma = p.getInt("symmetryOrder");
        int maxCharge = p.getInt("maxCharge");
        run.log().info("%s, |Gamma| = %d, charges in [-%d, %d]", geometry, gamma, maxCharge, maxCharge);
        long start = System.nanoTime();
        SlmGenerator generator = new SlmGenerator(geometry, gamma, maxCharge);
        run.log().info("%d line bundles pass the slope-sign test and the index bounds", generator.lineBundleCount());
        SlmGenerator.Result result = generator.generate(p.getInt("maxModels"), p.getInt("searchBudget"), run.random("generator"),
                (fraction, candidates, models) -> {
                    run.checkCancelled();
                    run.progress(Math.min(1, fraction), String.format(Locale.ROOT, "%,d candidates, %d models", candidates, models));
                });
        double seconds = (System.nanoTime() - start) / 1e9;
        List<LineBundleSum> models = result.models();
        run.log().info("%d models from %,d candidate sums in %.1f s%s", models.size(), result.candidatesChecked(), seconds,
                result.exhaustive() ? " (exhaustive)" : "");

        List<List<Object>> rows = new ArrayList<>();
        long step = 0;
        for (Map.Entry<String, Long> e : result.stageCounts().entrySet()) {
            rows.add(List.of(e.getKey(), e.getValue()));
            run.metric("stageCount", step++, e.getValue());
        }
        run.artifact(new Artifact.Table("constraint-stages", "Survivors of each constraint stage", List.of("stage", "count"), rows));
        if (!models.isEmpty()) {
            run.artifact(normHistogram("norm-histogram", "Norm of V = sqrt(sum q^2) of the generated models", models));
            run.artifact(modelTable(geometry, models));
        } else {
            run.log().warn("no model satisfies the constraints within the search budget");
        }
        run.artifact(new Artifact.FileArtifact("models", "Generated models (JSON, a line bundle per row)", "application/json",
                "slm-models-" + (configuration.equals(KnownCicys.byNumber(5302)) ? "5302" : "cicy") + "-gamma" + gamma + ".json",
                ModelLists.writeJson(models)));

        double meanNorm = models.stream().mapToDouble(LineBundleSum::norm).average().orElse(0);
        return Summary.builder()
                .put("models", models.size())
                .put("candidatesChecked", result.candidatesChecked())
                .put("candidatesPerSecond", result.candidatesChecked() / Math.max(seconds, 1e-9))
                .put("lineBundles", generator.lineBundleCount())
                .put("meanNorm", meanNorm)
                .put("exhaustive", result.exhaustive() ? 1 : 0)
                .put("seconds", seconds)
                .build();
    }

    /** A histogram of the norms as a line chart (bins of width 0.25), one series per set. */
    static Artifact.LineChart normHistogram(String name, String title, List<LineBundleSum> models) {
        return normHistogram(name, title, Map.of("models", models));
    }

    static Artifact.LineChart normHistogram(String name, String title, Map<String, List<LineBundleSum>> sets) {
        double width = 0.25;
        double max = 0;
        for (List<LineBundleSum> set : sets.values()) for (LineBundleSum m : set) max = Math.max(max, m.norm());
        int bins = (int) Math.floor(max / width) + 1;
        List<Artifact.Series> series = new ArrayList<>();
        for (Map.Entry<String, List<LineBundleSum>> e : new java.util.TreeMap<>(sets).entrySet()) {
            double[] x = new double[bins], y = new double[bins];
            for (int b = 0; b < bins; b++) x[b] = (b + 0.5) * width;
            for (LineBundleSum m : e.getValue()) y[(int) Math.floor(m.norm() / width)]++;
            series.add(new Artifact.Series(e.getKey(), x, y));
        }
        return new Artifact.LineChart(name, title, "norm of V", "models", false, false, series);
    }

    private static Artifact.Table modelTable(CicyGeometry geometry, List<LineBundleSum> models) {
        List<List<Object>> rows = new ArrayList<>();
        for (LineBundleSum m : models.subList(0, Math.min(200, models.size()))) {
            rows.add(List.of(m.toString(), m.norm(), Arrays.toString(m.indices(geometry)), Arrays.toString(m.c2(geometry))));
        }
        return new Artifact.Table("models-table", "Generated models (first " + rows.size() + ")",
                List.of("V (a line bundle per row)", "norm", "ind(L_a)", "c2(V)"), rows);
    }
}
