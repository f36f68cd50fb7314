package org.physlab.calabiyau.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import org.physlab.calabiyau.basis.MonomialBasis;
import org.physlab.calabiyau.net.Adam;
import org.physlab.calabiyau.net.HNet;
import org.physlab.calabiyau.net.HNetArtifact;
import org.physlab.calabiyau.net.LearningRateSchedule;
import org.physlab.calabiyau.net.ModuliBatch;
import org.physlab.calabiyau.net.PsiFeatures;
import org.physlab.calabiyau.net.SigmaGrid;

/**
 * {@code calabi-yau.moduli-net}: the cyjax tutorial's moduli-dependent metric network (spec §7.3, §9). A
 * network |ψ| → dense → sigmoid → dense → sigmoid → N² Cholesky parameters of H gives an algebraic metric
 * of degree k on every Dwork quintic X_ψ at once; it is trained with Adam on the η-variance loss (§8.1) of
 * fresh line-intersection samples at random ψ, |ψ| ≤ psiMax, with the closed-form H-gradient (§13.4)
 * back-propagated through the network. Every {@code evalEvery} steps (and at step 0) σ is measured on the
 * tutorial's grid of 5 radii × 10 angles and logged per radius (mean/min/max). Beyond the tutorial: any
 * number and width of hidden layers ({@code hidden}), the complex features Re ψ, Im ψ, |ψ| as input
 * ({@code features}), and a cosine or exponential learning-rate schedule ({@code schedule}, {@code decay}).
 */
public final class ModuliNetExperiment implements Experiment {
    public static final String ID = "calabi-yau.moduli-net";
    /** Most sigmoid layers a network may have. */
    static final int MAX_HIDDEN_LAYERS = 16;

    @Override
    public ExperimentDescriptor descriptor() {
        ParameterSchema schema = ParameterSchema.builder()
                .group("Metric")
                .add(Parameter.integer("degree").defaultValue(3).min(1).max(4)
                        .help("section degree k of the full monomial basis (k = 3: N = 35, 1225 H-parameters)"))
                .group("Network")
                .add(Parameter.integers("hidden").defaultValue("100,100").minLength(1).min(1).max(2000)
                        .check(v -> ((int[]) v).length <= MAX_HIDDEN_LAYERS ? null : "at most " + MAX_HIDDEN_LAYERS + " hidden layers")
                        .help("widths of the sigmoid hidden layers, input side first, any number of layers (tutorial: 100,100)"))
                .add(Parameter.choice("features", "abs", "complex").defaultValue("abs")
                        .help("network input: abs = |ψ| (tutorial; H then depends on |ψ| only), complex = Re ψ, Im ψ, |ψ|"))
                .group("Training")
                .add(Parameter.integer("steps").defaultValue(100).min(1).max(1_000_000).help("Adam steps"))
                .add(Parameter.integer("batch").defaultValue(4).min(1).max(1000).help("ψ values per step"))
                .add(Parameter.integer("points").defaultValue(100).min(1).max(1_000_000).help("sample points per ψ and step"))
                .add(Parameter.real("psiMax").defaultValue(10.0)
                        .help("training ψ are uniform in area on the disk |ψ| ≤ psiMax"))
                .add(Parameter.real("learningRate").defaultValue(1e-3).help("Adam learning rate (b1 = 0.9, b2 = 0.999, eps = 1e-8)"))
                .add(Parameter.choice("schedule", "constant", "cosine", "exponential").defaultValue("constant")
                        .help("learning rate per step: constant (tutorial), cosine (from learningRate to 0 over the steps), "
                                + "exponential (learningRate · decay^step)"))
                .add(Parameter.real("decay").defaultValue(0.99).range(0, 1)
                        .help("factor per step of the exponential schedule, in (0, 1]"))
                .group("Evaluation")
                .add(Parameter.integer("evalEvery").defaultValue(50).min(1).max(1_000_000)
                        .help("σ on the 5 × 10 grid of ψ every this many steps (and at step 0 and at the end)"))
                .add(Parameter.integer("evalPoints").defaultValue(500).min(1).max(1_000_000).help("sample points per grid ψ (tutorial: 500)"))
                .constraint(p -> positive(p, "psiMax"))
                .constraint(p -> positive(p, "learningRate"))
                .constraint(p -> p.getDouble("decay") > 0 ? null : FieldError.of("decay", "decay must be positive, got " + p.getDouble("decay")))
                .build();
        return ExperimentDescriptor.builder(ID)
                .title("Calabi-Yau: a network of metrics over the moduli ψ")
                .description("Trains the cyjax tutorial's network |ψ| → 100 → 100 → H (sigmoid) with Adam on the η-variance "
                        + "loss over random Dwork quintics |ψ| ≤ psiMax, and follows the σ accuracy of its metrics on the "
                        + "tutorial's grid |ψ| = 1 … 100 × 10 angles. After 100 steps σ rises near ψ = 0 (≈ 0.1 → 0.25) and "
                        + "falls for large |ψ| (≈ 1.18 → 0.85 at |ψ| = 100).")
                .reference("M. Gerdes, S. Krippendorf, CYJAX: a package for Calabi-Yau metrics with JAX, Mach. Learn.: Sci. Technol. 4 (2023) 025031",
                        "https://arxiv.org/abs/2211.12520")
                .reference("M. R. Douglas, R. L. Karp, S. Lukic, R. Reinbacher, Numerical Calabi-Yau metrics, J. Math. Phys. 49 (2008) 032302",
                        "https://arxiv.org/abs/hep-th/0612075")
                .reference("D. P. Kingma, J. Ba, Adam: a method for stochastic optimization, ICLR 2015", "https://arxiv.org/abs/1412.6980")
                .parameters(schema)
                .goal("loss", MetricGoal.MINIMIZE)
                .build();
    }

    @Override
    public Summary run(RunContext run) {
        Parameters p = run.parameters();
        int steps = p.getInt("steps"), batch = p.getInt("batch"), points = p.getInt("points"), evalEvery = p.getInt("evalEvery");
        double psiMax = p.getDouble("psiMax");
        MonomialBasis basis = MonomialBasis.full(p.getInt("degree"));
        PsiFeatures features = PsiFeatures.parse(p.getString("features"));
        HNet net = HNet.initial(features.size(), basis.size(), p.getInts("hidden"), 1e-3, run.random("init"));
        LearningRateSchedule schedule = schedule(p, steps);
        Adam adam = new Adam(net.parameters().length, schedule);
        RandomGenerator training = run.random("training");
        SigmaGrid grid = new SigmaGrid(basis, p.getInt("evalPoints"), run.random("evaluation").nextLong());
        run.log().info("%s, network %s of %s (%d parameters), %d steps of %d ψ × %d points, |ψ| ≤ %s, %s learning rate",
                basis, java.util.Arrays.toString(net.sizes()), features.description(), net.parameters().length, steps, batch, points,
                psiMax, schedule.kind().key());

        List<double[]> evaluations = new ArrayList<>();
        List<Long> evaluatedAt = new ArrayList<>();
        SigmaGrid.Row[] last = evaluate(run, grid, net, features, 0, evaluations, evaluatedAt);
        double loss = Double.NaN;
        int skipped = 0, singular = 0;
        for (int step = 1; step <= steps; step++) {
            run.checkCancelled();
            ModuliBatch b = ModuliBatch.draw(basis, batch, psiMax, points, training);
            ModuliBatch.Evaluation e = b.evaluate(net, features);
            loss = e.loss();
            skipped += e.skipped();
            singular += b.singularPoints();
            run.metric("loss", step, loss);   // the platform rejects a non-finite value
            run.metric("learningRate", step, schedule.rate(step - 1));
            adam.step(net.parameters(), e.gradient());
            if (step % evalEvery == 0 || step == steps) last = evaluate(run, grid, net, features, step, evaluations, evaluatedAt);
            run.progress(step / (double) steps, String.format(Locale.ROOT, "step %d/%d, loss %.4f", step, steps, loss));
        }
        if (skipped + singular > 0) {
            run.log().warn("%d singular sample points skipped, %d points with non-finite η left out of the loss", singular, skipped);
        }

        List<Artifact.Series> series = new ArrayList<>();
        double[] radii = SigmaGrid.RADII;
        for (int k = 0; k < evaluations.size(); k++) {
            double[] row = evaluations.get(k);
            double[] mean = new double[radii.length], min = new double[radii.length], max = new double[radii.length];
            for (int r = 0; r < radii.length; r++) {
                mean[r] = row[3 * r];
                min[r] = row[3 * r + 1];
                max[r] = row[3 * r + 2];
            }
            long at = evaluatedAt.get(k);
            if (k == 0 || k == evaluations.size() - 1) {
                series.add(new Artifact.Series("step " + at + " min", radii, min));
                series.add(new Artifact.Series("step " + at + " max", radii, max));
            }
            series.add(new Artifact.Series("step " + at + " mean", radii, mean));
        }
        run.artifact(new Artifact.LineChart("sigma-vs-psi", "σ over 10 angles versus |ψ| (mean, min, max), per evaluation",
                "|ψ|", "σ", false, false, series));
        List<List<Object>> rows = new ArrayList<>();
        for (SigmaGrid.Row r : last) rows.add(List.of(r.radius(), r.mean(), r.min(), r.max()));
        run.artifact(new Artifact.Table("sigma-final", "σ after " + steps + " steps, over 10 angles per |ψ|",
                List.of("|ψ|", "mean σ", "min σ", "max σ"), rows));
        run.artifact(HNetArtifact.of("hnet", "Trained network " + features.description() + " → H-parameters (" + basis + ")",
                net, features, basis));

        Summary.Builder summary = Summary.builder().put("loss", loss);
        for (SigmaGrid.Row r : last) summary.put("sigma_mean_psi" + radiusLabel(r.radius()), r.mean());
        return summary.build();
    }

    private static SigmaGrid.Row[] evaluate(RunContext run, SigmaGrid grid, HNet net, PsiFeatures features, long step,
                                            List<double[]> evaluations, List<Long> evaluatedAt) {
        SigmaGrid.Row[] rows = grid.evaluate(net, features);
        double[] flat = new double[3 * rows.length];
        for (int r = 0; r < rows.length; r++) {
            String label = radiusLabel(rows[r].radius());
            run.metric("sigma_mean_psi" + label, step, rows[r].mean());
            run.metric("sigma_min_psi" + label, step, rows[r].min());
            run.metric("sigma_max_psi" + label, step, rows[r].max());
            flat[3 * r] = rows[r].mean();
            flat[3 * r + 1] = rows[r].min();
            flat[3 * r + 2] = rows[r].max();
        }
        evaluations.add(flat);
        evaluatedAt.add(step);
        return rows;
    }

    private static LearningRateSchedule schedule(Parameters p, int steps) {
        double lr = p.getDouble("learningRate");
        return switch (p.getEnum("schedule", LearningRateSchedule.Kind.class)) {
            case CONSTANT -> LearningRateSchedule.constant(lr);
            case COSINE -> LearningRateSchedule.cosine(lr, steps);
            case EXPONENTIAL -> LearningRateSchedule.exponential(lr, p.getDouble("decay"));
        };
    }

    /** 1, 25.75, 50.5, … as metric-key suffixes. */
    static String radiusLabel(double radius) {
        return radius == Math.rint(radius) ? Long.toString((long) radius) : Double.toString(radius);
    }

    private static FieldError positive(Parameters p, String name) {
        double v = p.getDouble(name);
        return v > 0 && Double.isFinite(v) ? null : FieldError.of(name, name + " must be positive and finite, got " + v);
    }
}
