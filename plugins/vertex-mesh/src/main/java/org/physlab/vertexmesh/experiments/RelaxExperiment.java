package org.physlab.vertexmesh.experiments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.physlab.api.Artifact;
import org.physlab.api.Experiment;
import org.physlab.api.ExperimentDescriptor;
import org.physlab.api.MetricGoal;
import org.physlab.api.Parameter;
import org.physlab.api.ParameterSchema;
import org.physlab.api.Parameters;
import org.physlab.api.RunContext;
import org.physlab.api.Summary;
import org.physlab.vertexmesh.dynamics.Relaxation;
import org.physlab.vertexmesh.dynamics.Solver;
import org.physlab.vertexmesh.energy.TutorialEnergy;
import org.physlab.vertexmesh.geometry.Geometry;
import org.physlab.vertexmesh.mesh.Mesh;
import org.physlab.vertexmesh.mesh.MeshGenerators;
import org.physlab.vertexmesh.mesh.MeshSource;

/**
 * {@code vertex-mesh.relax}: relaxes a triangle mesh under the triangulax tutorial energy
 * E = mean_h (ℓ_h/ℓ₀ − 1)² + mean_f (A_f/a₀ − 1)² by gradient descent or an explicit ODE solver for
 * dV/dt = −∇E. Records the energy curve, the mesh before and after (faces coloured by A/a₀), the
 * edge-length histograms and the final mesh as OBJ.
 */
public final class RelaxExperiment implements Experiment {
    /** The experiment id (part of the contract). */
    public static final String ID = "vertex-mesh.relax";

    static final ParameterSchema SCHEMA = ParameterSchema.builder()
            .add(Parameter.text("mesh").defaultValue("tutorial-disk").minLength(1)
                    .help("the start mesh: tutorial-disk (triangulax tutorial 02, 131 vertices), disk:r=1,n=8 (disk of radius r"
                            + " with n rings), hex:rings=4,a=0.2 (hexagonal lattice patch, spacing a) or the path of an OBJ file")
                    .check(v -> problem(() -> MeshSource.parse((String) v))))
            .add(Parameter.real("ell0").defaultValue(0.5).min(1e-6).unit("length")
                    .help("rest length ℓ₀ of the edges; the target area is a₀ = (√3/4)ℓ₀² (tutorial: 0.5)"))
            .add(Parameter.integer("steps").defaultValue(19_999).range(0, 10_000_000)
                    .help("number of steps (the tutorial's 20,000-point scan makes 19,999 updates); for tsit5-adaptive the"
                            + " integration runs to t = steps·stepSize"))
            .add(Parameter.real("stepSize").defaultValue(0.02).min(1e-9).unit("time")
                    .help("time step dt (tutorial: 0.02 for gradient descent, 0.05 for Tsit5); too large a step blows up"))
            .add(Parameter.choice("solver", Solver.ids())
                    .help("gd: V ← V − dt∇E (the tutorial); euler, rk4, tsit5: fixed-step explicit solvers of dV/dt = −∇E;"
                            + " tsit5-adaptive: Tsit5 with error control"))
            .add(Parameter.real("noise").defaultValue(0.0).min(0).unit("length")
                    .help("σ of Gaussian noise added to every start coordinate (drawn from the run's seed); 0 = the mesh as is"))
            .add(Parameter.integer("recordEvery").defaultValue(100).min(1)
                    .help("record the energy every this many steps"))
            .add(Parameter.real("relativeTolerance").defaultValue(1e-6).min(1e-14).max(1).group("tsit5-adaptive")
                    .help("relative error tolerance of tsit5-adaptive"))
            .add(Parameter.real("absoluteTolerance").defaultValue(1e-9).min(0).max(1).group("tsit5-adaptive")
                    .help("absolute error tolerance of tsit5-adaptive"))
            .build();

    @Override
    public ExperimentDescriptor descriptor() {
        return ExperimentDescriptor.builder(ID)
                .title("Vertex mesh: energy relaxation")
                .description("Relaxes a planar triangle mesh under the tutorial energy mean_h (ℓ_h/ℓ₀ − 1)² + mean_f (A_f/a₀ − 1)²"
                        + " (edge lengths towards ℓ₀, signed areas towards the equilateral a₀) by gradient descent or an explicit"
                        + " ODE solver (Euler, RK4, Tsit5 fixed or adaptive).")
                .reference("N. Claussen, triangulax: differentiable triangular meshes in JAX, tutorial 02 'Mesh optimization'"
                        + " (Apache-2.0)", "https://github.com/nikolas-claussen/triangulax")
                .reference("Ch. Tsitouras, Runge–Kutta pairs of order 5(4) satisfying only the first column simplifying"
                        + " assumption, Comput. Math. Appl. 62(2):770–775 (2011)", "https://doi.org/10.1016/j.camwa.2011.06.002")
                .reference("P. Kidger, diffrax (Tsit5 tableau)", "https://github.com/patrick-kidger/diffrax")
                .parameters(SCHEMA)
                .goal("finalEnergy", MetricGoal.MINIMIZE)
                .build();
    }

    @Override
    public Summary run(RunContext run) {
        Parameters p = run.parameters();
        double ell0 = p.getDouble("ell0");
        int steps = p.getInt("steps");
        Solver solver = Solver.of(p.getString("solver"));
        Relaxation.Settings settings = new Relaxation.Settings(solver, ell0, steps, p.getDouble("stepSize"),
                p.getInt("recordEvery"), p.getDouble("relativeTolerance"), p.getDouble("absoluteTolerance"));
        MeshSource source = MeshSource.parse(p.getString("mesh"));
        run.progress(0, "loading " + source.spec());
        Mesh start = MeshGenerators.noisy(source.load(), run.random("noise"), p.getDouble("noise"));
        long flippedAtStart = Arrays.stream(Geometry.signedAreas(start)).filter(a -> a <= 0).count();
        if (flippedAtStart > 0) run.log().warn("%d faces are flipped after adding noise σ = %s", flippedAtStart, p.getDouble("noise"));
        run.log().info("%s from %s; ℓ₀ = %s, %s × %d steps of %s", start.topology(), source.spec(), ell0, solver.id(), steps,
                settings.stepSize());

        TutorialEnergy energy = new TutorialEnergy(start.topology());
        double[] v = start.verticesCopy();
        List<double[]> curve = new ArrayList<>();
        Relaxation.Outcome outcome = Relaxation.run(energy, v, settings, new Relaxation.Monitor() {
            @Override
            public void record(int step, double time, double e) {
                curve.add(new double[] {step, time, e});
                run.metric("energy", step, e);
            }

            @Override
            public void tick(int step, int total) {
                run.checkCancelled();
                run.progress(total == 0 ? 1 : (double) step / total, "step " + step + " of " + total);
            }
        });
        Mesh end = start.withVertices(v);

        double[] t = curve.stream().mapToDouble(c -> c[1]).toArray(), e = curve.stream().mapToDouble(c -> c[2]).toArray();
        run.artifact(new Artifact.LineChart("energy", "Energy during the relaxation (" + solver.id() + ")", "time t", "energy E",
                false, true, List.of(new Artifact.Series("E(V; ℓ₀ = " + ell0 + ")", t, e))));
        run.artifact(new Artifact.TriangleMesh("mesh", "Mesh before and after the relaxation (faces: A/a₀)",
                List.of(MeshArtifacts.layer("before", start, ell0), MeshArtifacts.layer("after", end, ell0)), "A/a₀"));
        run.artifact(MeshArtifacts.edgeLengthHistogram("edge-lengths", "Edge lengths before and after (ℓ₀ = " + ell0 + ")",
                List.of("before", "after"), List.of(start, end), 40));
        run.artifact(MeshArtifacts.obj("final-mesh.obj", "Relaxed mesh (OBJ)", end));

        double[] len = Arrays.copyOf(Geometry.halfEdgeLengths(end), end.topology().edgeCount());
        double mean = Arrays.stream(len).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(len).map(x -> (x - mean) * (x - mean)).sum() / len.length);
        double[] areas = Geometry.signedAreas(end);
        double a0 = Math.sqrt(3) / 4 * ell0 * ell0;
        run.progress(1, "relaxed: E = " + outcome.finalEnergy());
        return Summary.builder()
                .put("initialEnergy", e[0])
                .put("finalEnergy", outcome.finalEnergy())
                .put("edgeEnergy", energy.edgeEnergy(v, ell0))
                .put("meanEdgeLength", mean)
                .put("edgeLengthStd", sd)
                .put("minEdgeLength", Arrays.stream(len).min().orElseThrow())
                .put("maxEdgeLength", Arrays.stream(len).max().orElseThrow())
                .put("meanAreaRatio", Arrays.stream(areas).average().orElseThrow() / a0)
                .put("flippedFaces", Arrays.stream(areas).filter(a -> a <= 0).count())
                .put("acceptedSteps", outcome.acceptedSteps())
                .put("rejectedSteps", outcome.rejectedSteps())
                .put("time", outcome.time())
                .put("vertices", end.topology().vertexCount())
                .put("faces", end.topology().faceCount())
                .build();
    }

    private static String problem(Runnable check) {
        try {
            check.run();
            return null;
        } catch (IllegalArgumentException ex) {
            return ex.getMessage();
        }
    }
}
