package org.physlab.store;

import java.util.List;

/**
 * Stands in for a CLI process that dies in the middle of a run: it registers, starts a run, logs a
 * metric, prints the run id and halts without closing anything. {@link OrphanRecoveryTest} runs it
 * in a JVM of its own.
 *
 * <p>Arguments: JDBC URL, user, password, host name.
 */
public final class CrashingRunner {
    private CrashingRunner() { }

    public static void main(String[] args) {
        RunStore store = RunStore.open(new StoreConfig(args[0], args[1], args[2]));
        String process = store.registerProcess(args[3], ProcessHandle.current().pid(), "cli");
        RunRecord run = store.create(Runs.oscillator("crash"), process);
        store.markRunning(run.id(), process);
        store.appendMetrics(run.id(), List.of(new MetricPoint("loss", 1, 0.9, System.currentTimeMillis())));
        System.out.println(run.id());
        System.out.flush();
        Runtime.getRuntime().halt(3); // like kill -9: no shutdown hooks, no close
    }
}
