package org.physlab.vertexmesh.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.physlab.api.Artifact;
import org.physlab.api.Experiment;
import org.physlab.api.ExperimentDescriptor;
import org.physlab.api.Parameter;
import org.physlab.api.ParameterSchema;
import org.physlab.api.Parameters;
import org.physlab.api.Reference;
import org.physlab.api.RunContext;
import org.physlab.api.Summary;
import org.physlab.vertexmesh.mesh.Mesh;
import org.physlab.vertexmesh.mesh.MeshGenerators;
import org.physlab.vertexmesh.mesh.MeshSource;
import org.physlab.vertexmesh.meta.BatchEvaluator;
import org.physlab.vertexmesh.meta.MetaTrainer;
import org.physlab.vertexmesh.meta.Optimizer;
import org.physlab.vertexmesh.sensitivity.AdjointSensitivity;
import org.physlab.vertexmesh.sensitivity.EnergyParameter;
import org.physlab.vertexmesh.sensitivity.EnergyParameters;
import org.physlab.vertexmesh.sensitivity.ForwardSensitivity;
import org.physlab.vertexmesh.sensitivity.SensitivityMethod;
import org.physlab.vertexmesh.sensitivity.UnrolledRelaxation;

/**
 * {@code vertex-mesh.meta-train}: learns the rest length ℓ₀ of the tutorial energy (optionally also the
 * area-term weight) so that meshes relaxed by N gradient-descent steps have edge lengths close to a target
 * (triangulax tutorial 02, "Backward pass"). Each outer step relaxes a batch of noisy copies of the mesh in
 * parallel, differentiates the mean meta-loss exactly through all N steps (forward-mode tangents or the
 * discrete adjoint, never finite differences) and updates the parameters by SGD or Adam. The defaults are
 * the tutorial's; with noise 0 they reproduce the spec's noise-free reference table.
 */
public final class MetaTrainExperiment implements Experiment {
    public static final String ID = "vertex-mesh.meta-train";

    static final String MESH_GROUP = "Mesh";
    static final String META_GROUP = "Meta-training";
    static final String INNER_GROUP = "Relaxation (inner loop)";
    static final Reference TRIANGULAX = new Reference(
            "N. Claussen, triangulax: differentiable triangle meshes in JAX, tutorial 02 \"Mesh optimization\" (Apache-2.0)",
            "https://github.com/nikolas-claussen/triangulax");

    /** Which parameters are learned, as in the {@code learn} parameter. */
    static final String LEARN_ELL0 = "ell0";
    static final String LEARN_BOTH = "ell0+areaWeight";

    @Override
    public ExperimentDescriptor descriptor() {
        ParameterSchema schema = ParameterSchema.builder()
                .group(MESH_GROUP)
                .add(Parameter.text("mesh").defaultValue("tutorial-disk").minLength(1).check(MetaTrainExperiment::meshProblem)
                        .help("the mesh to relax: " + MeshSource.SYNTAX))
                .add(Parameter.integer("batch").defaultValue(3).range(1, 64)
                        .help("number of noisy copies of the mesh relaxed (in parallel) at each outer step"))
                .add(Parameter.real("noise").defaultValue(0.02).range(0, 1)
                        .help("σ of the Gaussian noise added to every vertex coordinate of each copy (0: identical copies)"))
                .group(META_GROUP)
                .add(Parameter.real("targetEll0").defaultValue(0.4).check(MetaTrainExperiment::positive)
                        .help("target edge length m of the meta-loss (1/H)·Σ(ℓ_h/m − 1)²"))
                .add(Parameter.real("initialEll0").defaultValue(0.2).check(MetaTrainExperiment::positive)
                        .help("rest length ℓ₀ of the energy at the start of training"))
                .add(Parameter.choice("learn", LEARN_ELL0, LEARN_BOTH)
                        .help("the parameters learned: ℓ₀ alone (the tutorial) or also the weight of the area term"))
                .add(Parameter.real("initialAreaWeight").defaultValue(1.0).range(0, 1e6)
                        .help("weight w of the oriented-area term of the energy (1 in the tutorial)"))
                .add(Parameter.integer("outerSteps").defaultValue(20).range(1, 100_000)
                        .help("number of optimiser updates"))
                .add(Parameter.real("learningRate").defaultValue(1e-2).check(MetaTrainExperiment::positive)
                        .help("learning rate of the optimiser"))
                .add(Parameter.choice("optimizer", "sgd", "adam")
                        .help("sgd: θ ← θ − rate·∇L (the tutorial); adam: Adam with β₁ 0.9, β₂ 0.999"))
                .add(Parameter.choice("gradient", "forward", "adjoint")
                        .help("how dL/dθ is computed through all inner steps: forward-mode tangents, or the discrete "
                                + "adjoint with √N checkpoints (same numbers; the adjoint pays off for many parameters)"))
                .group(INNER_GROUP)
                .add(Parameter.integer("steps").defaultValue(20_000).range(1, 10_000_000)
                        .help("gradient-descent steps of each relaxation"))
                .add(Parameter.real("stepSize").defaultValue(0.01).check(MetaTrainExperiment::positive)
                        .help("gradient-descent step size dt; too large a step makes the relaxation blow up"))
                .build();
        return ExperimentDescriptor.builder(ID)
                .title("Vertex mesh: learn the rest length by differentiating through the relaxation")
                .description("Relaxes noisy copies of a triangle mesh under the energy (1/H)·Σ(ℓ_h/ℓ₀ − 1)² + "
                        + "w·(1/F)·Σ(A_f/a₀ − 1)² by N gradient-descent steps, and learns ℓ₀ (optionally also w) so "
                        + "that the relaxed edge lengths hit a target: the exact gradient of the meta-loss through "
                        + "all N steps comes from forward-mode sensitivities or the discrete adjoint. The defaults "
                        + "are triangulax's tutorial 02 (ℓ₀ 0.2 → target 0.4, 20 SGD steps of rate 0.01, 3 copies "
                        + "with noise 0.02, 20,000 steps of size 0.01).")
                .reference(TRIANGULAX)
                .parameters(schema)
                .build();
    }

    private static String positive(Object value) {
        double v = ((Number) value).doubleValue();
        return v > 0 && Double.isFinite(v) ? null : "must be positive, got " + v;
    }

    private static String meshProblem(Object value) {
        try {
            MeshSource.parse((String) value);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    @Override
    public Summary run(RunContext run) {
        Parameters p = run.parameters();
        Mesh mesh = MeshSource.parse(p.getString("mesh")).load().requirePositivelyOriented();
        List<EnergyParameter> learned = p.getString("learn").equals(LEARN_BOTH)
                ? List.of(EnergyParameter.ELL0, EnergyParameter.AREA_WEIGHT) : List.of(EnergyParameter.ELL0);
        int outerSteps = p.getInt("outerSteps");
        int steps = p.getInt("steps");
        UnrolledRelaxation relaxation = UnrolledRelaxation.of(mesh.topology(), p.getDouble("targetEll0"), steps,
                p.getDouble("stepSize"), learned);
        EnergyParameters initial = new EnergyParameters(p.getDouble("initialEll0"), p.getDouble("initialAreaWeight"));
        SensitivityMethod method = p.getString("gradient").equals("adjoint")
                ? AdjointSensitivity.withSqrtCheckpoints() : new ForwardSensitivity();
        Optimizer optimizer = Optimizer.named(p.getString("optimizer"), p.getDouble("learningRate"));

        int batchSize = p.getInt("batch");
        RandomGenerator noise = run.random("noise");
        List<double[]> batch = new ArrayList<>(batchSize);
        for (int i = 0; i < batchSize; i++) batch.add(MeshGenerators.noisy(mesh, noise, p.getDouble("noise")).vertices());

        run.log().info("%s: %d vertices, %d faces; batch of %d, %d outer × %d inner steps, %s gradient, %s",
                p.getString("mesh"), mesh.topology().vertexCount(), mesh.topology().faceCount(), batchSize, outerSteps,
                steps, method.name(), p.getString("optimizer"));
        run.progress(0, "outer step 0/" + outerSteps);
        long t0 = System.nanoTime();
        MetaTrainer.Result result;
        try (BatchEvaluator evaluator = BatchEvaluator.forBatch(batchSize)) {
            MetaTrainer trainer = new MetaTrainer(relaxation, outerSteps);
            result = trainer.train(batch, initial, optimizer, method, evaluator, step -> {
                report(run, learned, step);
                run.progress((step.step() + 1.0) / (outerSteps + 1),
                        String.format(Locale.ROOT, "outer step %d/%d: loss %.6g, ℓ₀ %.6g",
                                step.step() + 1, outerSteps, step.loss(), step.after().ell0()));
            }, run::checkCancelled);
        }
        run.log().info("meta-training took %.2f s", (System.nanoTime() - t0) / 1e9);

        // the clean mesh relaxed with the learned parameters
        run.progress((double) outerSteps / (outerSteps + 1), "relaxing the mesh with the learned parameters");
        double[] relaxed = relaxation.relax(mesh.vertices(), result.learned(), run::checkCancelled);
        Mesh relaxedMesh = mesh.withVertices(relaxed);
        double relaxedLoss = relaxation.loss().value(relaxed);
        double meanLength = relaxation.loss().meanEdgeLength(relaxed);

        run.artifact(lossCurve(result));
        run.artifact(ell0Curve(result, relaxation.loss().target()));
        if (learned.contains(EnergyParameter.AREA_WEIGHT)) run.artifact(areaWeightCurve(result));
        run.artifact(meshes(mesh, relaxedMesh, result.learned()));
        run.artifact(MeshArtifacts.edgeLengthHistogram("edge-lengths", "Edge lengths before and after relaxing with the learned ℓ₀",
                List.of("input", "relaxed"), List.of(mesh, relaxedMesh), 30));
        run.artifact(MeshArtifacts.obj("relaxed-mesh.obj", "Mesh relaxed with the learned parameters (OBJ)", relaxedMesh));
        run.artifact(history(result, learned));
        run.progress(1, "done");

        MetaTrainer.OuterStep first = result.steps().get(0);
        MetaTrainer.OuterStep last = result.last();
        Summary.Builder summary = Summary.builder()
                .put("finalLoss", last.loss())
                .put("finalEll0", result.learned().ell0())
                .put("finalGradient", last.gradient()[0])
                .put("initialLoss", first.loss())
                .put("relaxedLoss", relaxedLoss)
                .put("relaxedMeanEdgeLength", meanLength);
        if (learned.contains(EnergyParameter.AREA_WEIGHT)) summary.put("finalAreaWeight", result.learned().areaWeight());
        return summary.build();
    }

    private static void report(RunContext run, List<EnergyParameter> learned, MetaTrainer.OuterStep step) {
        run.metric("metaLoss", step.step(), step.loss());
        run.metric("ell0", step.step(), step.after().ell0());
        run.metric("gradient", step.step(), step.derivative(learned, EnergyParameter.ELL0));
        if (learned.contains(EnergyParameter.AREA_WEIGHT)) {
            run.metric("areaWeight", step.step(), step.after().areaWeight());
            run.metric("gradientAreaWeight", step.step(), step.derivative(learned, EnergyParameter.AREA_WEIGHT));
        }
        run.log().info("outer step %d: loss %.8f, dL/dℓ₀ %.8f, ℓ₀ → %.8f", step.step(), step.loss(),
                step.derivative(learned, EnergyParameter.ELL0), step.after().ell0());
    }

    private static Artifact.LineChart lossCurve(MetaTrainer.Result result) {
        int n = result.steps().size();
        double[] x = new double[n];
        double[] loss = new double[n];
        for (int s = 0; s < n; s++) {
            x[s] = s;
            loss[s] = result.steps().get(s).loss();
        }
        return new Artifact.LineChart("meta-loss", "Meta-loss per outer step (before its update)", "outer step",
                "meta-loss", false, true, List.of(new Artifact.Series("batch mean", x, loss)));
    }

    /** ℓ₀ before each outer step and after the last, with the meta-loss's target for reference. */
    private static Artifact.LineChart ell0Curve(MetaTrainer.Result result, double target) {
        int n = result.steps().size();
        double[] x = new double[n + 1];
        double[] ell = new double[n + 1];
        double[] goal = new double[n + 1];
        for (int s = 0; s <= n; s++) {
            x[s] = s;
            ell[s] = s < n ? result.steps().get(s).before().ell0() : result.learned().ell0();
            goal[s] = target;
        }
        return new Artifact.LineChart("ell0", "Rest length ℓ₀ per outer step", "outer step", "ℓ₀", false, false,
                List.of(new Artifact.Series("ℓ₀", x, ell), new Artifact.Series("target edge length", x, goal)));
    }

    private static Artifact.LineChart areaWeightCurve(MetaTrainer.Result result) {
        int n = result.steps().size();
        double[] x = new double[n + 1];
        double[] w = new double[n + 1];
        for (int s = 0; s <= n; s++) {
            x[s] = s;
            w[s] = s < n ? result.steps().get(s).before().areaWeight() : result.learned().areaWeight();
        }
        return new Artifact.LineChart("area-weight", "Area-term weight w per outer step", "outer step", "w", false, false,
                List.of(new Artifact.Series("w", x, w)));
    }

    private static Artifact.TriangleMesh meshes(Mesh input, Mesh relaxed, EnergyParameters learned) {
        return new Artifact.TriangleMesh("relaxed-mesh", "Input mesh and the mesh relaxed with the learned parameters",
                List.of(MeshArtifacts.layer("input", input, learned.ell0()),
                        MeshArtifacts.layer("relaxed (learned ℓ₀)", relaxed, learned.ell0())), "A/a₀");
    }

    private static Artifact.Table history(MetaTrainer.Result result, List<EnergyParameter> learned) {
        List<String> columns = new ArrayList<>(List.of("step", "loss", "dL/dℓ₀", "ℓ₀ after"));
        boolean weight = learned.contains(EnergyParameter.AREA_WEIGHT);
        if (weight) columns.addAll(List.of("dL/dw", "w after"));
        List<List<Object>> rows = new ArrayList<>();
        for (MetaTrainer.OuterStep s : result.steps()) {
            List<Object> row = new ArrayList<>(List.of(s.step(), s.loss(), s.derivative(learned, EnergyParameter.ELL0),
                    s.after().ell0()));
            if (weight) {
                row.add(s.derivative(learned, EnergyParameter.AREA_WEIGHT));
                row.add(s.after().areaWeight());
            }
            rows.add(row);
        }
        return new Artifact.Table("history", "Meta-training history (loss before, parameters after each update)",
                columns, rows);
    }
}
