package org.physlab.testkit.experiments.count;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.physlab.api.Artifact;
import org.physlab.api.Experiment;
import org.physlab.api.ExperimentDescriptor;
import org.physlab.api.Parameter;
import org.physlab.api.ParameterSchema;
import org.physlab.api.RunContext;
import org.physlab.api.Summary;

/**
 * {@code testkit.count}: counts from 1 to {@code steps}, logging metrics {@code value} (= step),
 * {@code square} and {@code noise} (a draw from the run's random generator) at every step, reporting
 * progress, and storing one artifact of every kind. Returns {@code steps}, {@code sum} and {@code noiseSum},
 * so the same seed gives the same summary.
 */
public final class CountExperiment implements Experiment {

    public static final String ID = "testkit.count";

    /** The artifact names it stores, one per kind. */
    public static final List<String> ARTIFACTS = List.of("count-line", "count-scatter", "count-heatmap",
            "count-mesh", "count-matrix", "count-table", "count-file");

    @Override
    public ExperimentDescriptor descriptor() {
        return ExperimentDescriptor.builder(ID)
                .title("Count")
                .description("Counts from 1 to steps, logging a metric per step and storing one artifact of each kind.")
                .parameters(ParameterSchema.builder()
                        .add(Parameter.integer("steps").defaultValue(5).range(1, 1_000_000).help("how far to count"))
                        .add(Parameter.integer("delayMillis").defaultValue(0).range(0, 60_000).unit("ms")
                                .help("pause after each step"))
                        .build())
                .build();
    }

    @Override
    public Summary run(RunContext run) throws InterruptedException {
        int steps = run.parameters().getInt("steps");
        long delay = run.parameters().getLong("delayMillis");
        RandomGenerator random = run.random();
        double[] x = new double[steps];
        double[] y = new double[steps];
        double sum = 0;
        double noiseSum = 0;
        run.log().info("counting to %d", steps);
        for (int step = 1; step <= steps; step++) {
            run.checkCancelled();
            double noise = random.nextDouble();
            run.metric("value", step, step);
            run.metric("square", step, (double) step * step);
            run.metric("noise", step, noise);
            x[step - 1] = step;
            y[step - 1] = step;
            sum += step;
            noiseSum += noise;
            run.progress((double) step / steps, "step " + step + "/" + steps);
            if (delay > 0) {
                Thread.sleep(delay);
            }
        }
        storeArtifacts(run, steps, x, y);
        run.log().info("counted to %d, sum %.0f", steps, sum);
        return Summary.builder().put("steps", steps).put("sum", sum).put("noiseSum", noiseSum).build();
    }

    private static void storeArtifacts(RunContext run, int steps, double[] x, double[] y) {
        run.artifact(new Artifact.LineChart("count-line", "Value per step", "step", "value", false, false,
                List.of(new Artifact.Series("value", x, y))));
        run.artifact(Artifact.Scatter.predictedVsTrue("count-scatter", "Value against step", x, y));
        run.artifact(new Artifact.Heatmap("count-heatmap", "Products", new double[][] {{1, 2}, {2, 4}},
                0, 1, 0, 1, "i", "j", "i·j"));
        run.artifact(new Artifact.TriangleMesh("count-mesh", "One triangle", List.of(new Artifact.MeshLayer("start",
                new double[][] {{0, 0}, {1, 0}, {0, 1}}, new int[][] {{0, 1, 2}}, null, new double[] {steps})), "steps"));
        run.artifact(new Artifact.Matrix("count-matrix", "Identity", new double[][] {{1, 0}, {0, 1}},
                List.of("a", "b"), List.of("a", "b")));
        List<List<Object>> rows = new ArrayList<>();
        for (int step = 1; step <= Math.min(steps, 3); step++) {
            rows.add(List.of(step, "step " + step, step % 2 == 0));
        }
        run.artifact(new Artifact.Table("count-table", "First steps", List.of("step", "label", "even"), rows));
        StringBuilder csv = new StringBuilder("step,value\n");
        for (int step = 1; step <= steps; step++) {
            csv.append(step).append(',').append(step).append('\n');
        }
        run.artifact(new Artifact.FileArtifact("count-file", "Values as CSV", "text/csv", "count.csv",
                csv.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
