package org.physlab.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.physlab.runtime.runs.LaunchRequest;
import org.physlab.store.MetricStats;
import org.physlab.store.RunRecord;

/**
 * A second Physlab process for tests that need one (crash recovery, two live processes on one home):
 * it starts Physlab on a home, launches one run, waits until the store holds at least
 * {@code minPoints} points of {@code metric}, prints {@code READY <runId> <points stored>} and then
 * keeps running until it is killed.
 *
 * <pre>
 * java -cp … -Dphyslab.… org.physlab.runtime.LabProcess HOME EXPERIMENT METRIC MIN_POINTS [name=value …]
 * </pre>
 */
public final class LabProcess {
    private LabProcess() { }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        String experiment = args[1];
        String metric = args[2];
        long minPoints = Long.parseLong(args[3]);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 4; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            parameters.put(kv[0], kv[1]);
        }
        Physlab lab = Physlab.start(PhyslabConfig.load(home, Map.of()));
        RunRecord run = lab.runs().submit(LaunchRequest.of(experiment, parameters, 11L));
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        long stored = 0;
        while (stored < minPoints) {
            if (System.nanoTime() > deadline) {
                System.out.println("TIMEOUT " + lab.store().find(run.id()).map(RunRecord::status).orElse(null));
                System.exit(2);
            }
            Thread.sleep(20);
            MetricStats stats = lab.store().metricStats(run.id()).get(metric);
            stored = stats == null ? 0 : stats.count();
        }
        System.out.println("READY " + run.id() + " " + stored);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
