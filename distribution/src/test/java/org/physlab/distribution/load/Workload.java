package org.physlab.distribution.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * The runs the load test launches: small parameter sets of real experiments of the shipped plugins,
 * each lasting seconds on a loaded two-core machine, and for each the metric series the experiment
 * must have reported, derived from the parameters it ran with (and, for a fit that may stop early, the
 * iteration count in its summary). A stored series that differs from it in a single step is a lost
 * (or invented) metric point.
 */
enum Workload {
    /**
     * {@code vertex-mesh.relax} by gradient descent or Euler: {@code energy} at step 0, every
     * {@code recordEvery} steps, and at the last step.
     */
    RELAX("vertex-mesh.relax", List.of("energy", "mesh", "edge-lengths", "final-mesh.obj")) {
        @Override
        Map<String, Object> parameters(SplittableRandom random) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("solver", pick(random, "gd", "euler"));
            p.put("steps", pick(random, 6_000, 12_000, 19_999));
            p.put("recordEvery", pick(random, 7, 25, 100));
            p.put("noise", pick(random, 0.0, 0.005));
            return p;
        }

        @Override
        Map<String, List<Long>> expectedSteps(JsonNode parameters, JsonNode summary) {
            int steps = parameters.get("steps").asInt();
            int every = parameters.get("recordEvery").asInt();
            TreeSet<Long> recorded = new TreeSet<>();
            recorded.add(0L);
            for (long s = every; s <= steps; s += every) recorded.add(s);
            recorded.add((long) steps);
            return Map.of("energy", List.copyOf(recorded));
        }
    },

    /** {@code oscillator.curve-mlp}: one {@code loss} per Adam step, steps 1 … batches. */
    CURVE_MLP("oscillator.curve-mlp", List.of("loss", "sample-curves", "model")) {
        @Override
        Map<String, Object> parameters(SplittableRandom random) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("batches", pick(random, 60, 120, 200));
            p.put("batchSize", 16);
            p.put("hidden", List.of(32));
            p.put("validationSamples", 20);
            return p;
        }

        @Override
        Map<String, List<Long>> expectedSteps(JsonNode parameters, JsonNode summary) {
            return Map.of("loss", range(1, parameters.get("batches").asInt()));
        }
    },

    /**
     * {@code imnn.gaussian}, a small network fitted for a fixed number of iterations (minIterations =
     * maxIterations, so patience never stops it): six training and five validation statistics per
     * iteration 0 … stopIteration − 1.
     */
    IMNN("imnn.gaussian", List.of("history-detF", "fisher", "estimates")) {
        @Override
        Map<String, Object> parameters(SplittableRandom random) {
            int iterations = pick(random, 20, 30, 40);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("nSims", 100);
            p.put("hidden", List.of(16, 16));
            p.put("minIterations", iterations);
            p.put("maxIterations", iterations);
            p.put("abcDraws", 2000);
            p.put("pmcPopulation", 100);
            return p;
        }

        @Override
        Map<String, List<Long>> expectedSteps(JsonNode parameters, JsonNode summary) {
            int iterations = summary.path("stopIteration").asInt(-1);
            if (iterations != parameters.get("maxIterations").asInt()) {
                throw new IllegalStateException("stopIteration " + summary.path("stopIteration")
                        + " differs from the fixed iteration count " + parameters.get("maxIterations"));
            }
            Map<String, List<Long>> expected = new LinkedHashMap<>();
            for (String key : List.of("detF", "detC", "detInvC", "lambda2", "r", "loss", "valDetF", "valDetC", "valDetInvC",
                    "valLambda2", "valR")) {
                expected.put(key, range(0, iterations - 1));
            }
            return expected;
        }
    },

    /** {@code oscillator.response}: a sweep or a family of sweeps; no metric series, only charts and a CSV. */
    RESPONSE("oscillator.response", List.of("response", "response.csv")) {
        @Override
        Map<String, Object> parameters(SplittableRandom random) {
            Map<String, Object> p = new LinkedHashMap<>();
            if (random.nextBoolean()) {
                p.put("force", List.of(1.0, 3.0));
                p.put("forceCount", pick(random, 8, 16));
            } else {
                p.put("gamma", pick(random, 0.3, 0.5, 0.8));
            }
            return p;
        }

        @Override
        Map<String, List<Long>> expectedSteps(JsonNode parameters, JsonNode summary) {
            return Map.of();
        }
    };

    final String experiment;
    /** Artifacts every run of it stores (some store more). */
    final List<String> artifacts;

    Workload(String experiment, List<String> artifacts) {
        this.experiment = experiment;
        this.artifacts = artifacts;
    }

    /** A small parameter set, drawn from a few choices. */
    abstract Map<String, Object> parameters(SplittableRandom random);

    /**
     * The steps of every metric series a successful run must have stored, by key.
     *
     * @param parameters the run's parameters as stored (defaults filled in)
     * @param summary    the run's summary
     */
    abstract Map<String, List<Long>> expectedSteps(JsonNode parameters, JsonNode summary);

    static Workload of(String experiment) {
        for (Workload w : values()) if (w.experiment.equals(experiment)) return w;
        throw new IllegalArgumentException("no workload for " + experiment);
    }

    @SafeVarargs
    static <T> T pick(SplittableRandom random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    static List<Long> range(long first, long last) {
        List<Long> steps = new ArrayList<>();
        for (long s = first; s <= last; s++) steps.add(s);
        return steps;
    }
}
