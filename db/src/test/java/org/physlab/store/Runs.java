package org.physlab.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Example runs for the tests. */
final class Runs {
    private Runs() { }

    /** A run of the harmonic oscillator experiment, tagged as given. */
    static NewRun oscillator(String... tags) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("epochs", 200L);
        parameters.put("learningRate", 0.001);
        parameters.put("hidden", new int[] {64, 64});
        parameters.put("activation", "tanh");
        parameters.put("useBias", true);
        return new NewRun("oscillator", "org.physlab.mechanics", "1.2.0", parameters, 42L, "cpu", "lab-1", "ada",
                List.of(tags), null);
    }

    static NewRun ofExperiment(String experimentId, String user) {
        return new NewRun(experimentId, "org.physlab.test", "1.0.0", Map.of("n", 1L), 7L, "cpu", "lab-1", user,
                List.of(), "");
    }
}
