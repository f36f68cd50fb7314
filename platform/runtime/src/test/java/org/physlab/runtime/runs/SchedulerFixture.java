package org.physlab.runtime.runs;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.physlab.api.BackendInfo;
import org.physlab.api.ComputeService;
import org.physlab.store.RunQuery;
import org.physlab.store.RunRecord;
import org.physlab.store.RunStore;
import org.physlab.store.StoreConfig;

/**
 * A real H2 run store in a temporary home, a {@link TestCatalog}, and schedulers over them, closed
 * together. Waiting helpers use generous timeouts: they wait for a condition, they never time work.
 */
final class SchedulerFixture implements AutoCloseable {
    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final String HOST = "test-host";

    final RunStore store;
    final TestCatalog catalog = new TestCatalog();
    final String processId;
    private final List<RunScheduler> schedulers = new ArrayList<>();

    SchedulerFixture(Path home) {
        store = RunStore.open(StoreConfig.embedded(home));
        processId = store.registerProcess(HOST, ProcessHandle.current().pid(), "cli");
    }

    /** The backend a scheduler sees: CPU, or an accelerator (to test GPU slots without a GPU). */
    record FixedCompute(BackendInfo backend) implements ComputeService {
        static FixedCompute cpu() {
            return new FixedCompute(new BackendInfo("CPU", false, List.of("test CPU"), "none", 1, "FLOAT", "test"));
        }

        static FixedCompute accelerator() {
            return new FixedCompute(new BackendInfo("CUDA", true, List.of("test GPU"), "cuBLAS", 1, "FLOAT", "test"));
        }

        @Override
        public int javaThreads() {
            return 1;
        }
    }

    RunScheduler scheduler(int maxConcurrentRuns) {
        return scheduler(maxConcurrentRuns, 1, null, FixedCompute.cpu());
    }

    RunScheduler scheduler(int maxConcurrentRuns, int gpuSlots, Duration defaultTimeLimit, ComputeService compute) {
        RunScheduler s = new RunScheduler(store, catalog, compute, new RunScheduler.Settings(processId, HOST, "tester",
                maxConcurrentRuns, gpuSlots, defaultTimeLimit, null));
        schedulers.add(s);
        return s;
    }

    /** A scheduler with its own settings (owner process, slots, cap, whether its queue outlives it). */
    RunScheduler scheduler(RunScheduler.Settings settings, ComputeService compute) {
        RunScheduler s = new RunScheduler(store, catalog, compute, settings);
        schedulers.add(s);
        return s;
    }

    long storedRuns() {
        return store.count(RunQuery.all());
    }

    RunRecord record(String runId) {
        return store.find(runId).orElseThrow();
    }

    /** Waits (up to a minute) for a condition; fails the test with {@code what} if it never holds. */
    static void waitFor(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) fail("gave up waiting (" + PATIENCE.toSeconds() + " s) for: " + what);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting for: " + what);
            }
        }
    }

    @Override
    public void close() {
        for (RunScheduler s : schedulers) s.close();
        store.close();
    }
}
