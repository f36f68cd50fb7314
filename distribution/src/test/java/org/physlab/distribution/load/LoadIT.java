package org.physlab.distribution.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load test in short (40 s, 8 users, 4 CPU slots) against the built distribution: no request may
 * fail and no metric point may be lost. It prints the latencies but asserts none (a CI machine's
 * timings say nothing); the full-size run with its numbers is {@code distribution/loadtest.sh}
 * (docs/lab-server.md, "Proof under load").
 */
class LoadIT {
    private static final Path DISTRIBUTION = Path.of(System.getProperty("physlab.distribution", "target/physlab"));

    @TempDir
    Path tmp;

    @Test
    void usersPollingAndLaunchingBesideFourBusySlotsGetNoErrorAndLoseNoMetric() throws Exception {
        int slots = 4;
        LoadTest.Settings settings = new LoadTest.Settings(DISTRIBUTION.toAbsolutePath(), tmp.resolve("home"), tmp.resolve("logs"),
                Duration.ofSeconds(40), 8, slots, 2, 200, 200, Duration.ofMinutes(5), Duration.ofSeconds(10), 7);
        LoadTest.Result result = LoadTest.run(settings, System.out);
        String report = result.report();
        System.out.print(report);

        assertTrue(result.passed(), report);
        assertEquals(result.runs(), result.succeeded(), report);
        for (Workload w : Workload.values()) {
            assertTrue(result.launched().getOrDefault(w, 0) >= 1, "every experiment ran at least once: " + report);
        }
        assertEquals(slots, result.maxExecuting(), "the users kept every slot busy at some point: " + report);
        assertTrue(result.pointsChecked() > 1000, "the runs stored metric series to check: " + report);
        assertTrue(result.livePointsChecked() > 0, "users read points of running runs: " + report);
        assertTrue(result.deliberateErrors() > 0, "the deliberate mistakes were made and answered as they should: " + report);
    }
}
