package org.physlab.runtime;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Physlab homes for tests: quick plugin polling and heartbeats, and a patient wait. */
final class TestHomes {
    static final Duration PATIENCE = Duration.ofSeconds(60);

    /** The settings every test lab uses, as {@code -D} flags for a child JVM. */
    static final Map<String, String> FAST = Map.of(
            "physlab.runs.maxConcurrent", "2",
            "physlab.plugins.pollMillis", "200",
            "physlab.heartbeat.seconds", "1",
            "physlab.recovery.staleSeconds", "4",
            "physlab.user", "tester");

    private TestHomes() { }

    static PhyslabConfig config(Path home) {
        return config(home, Map.of());
    }

    static PhyslabConfig config(Path home, Map<String, String> more) {
        Map<String, String> all = new HashMap<>(FAST);
        all.putAll(more);
        return PhyslabConfig.load(home, all);
    }

    static Path plugins(Path home) {
        return home.resolve("plugins");
    }

    static void waitFor(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) fail("gave up waiting (" + PATIENCE.toSeconds() + " s) for: " + what);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting for: " + what);
            }
        }
    }
}
