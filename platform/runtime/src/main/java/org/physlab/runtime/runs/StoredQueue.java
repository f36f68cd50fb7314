package org.physlab.runtime.runs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.physlab.store.QueueSnapshot;
import org.physlab.store.QueuedRun;

/**
 * The queue as the store holds it, ordered by {@link QueueOrder} the way each process's scheduler
 * orders it: what {@code physlab queue} shows without asking a server. Every process schedules its own
 * runs, so each gets its own plan, from its own queued and running runs; fair share counts when each
 * user last started a run, across all processes, as the schedulers do.
 */
public final class StoredQueue {

    private StoredQueue() { }

    /** Whether a run on this backend ("CPU", "CUDA", ...) uses a GPU slot: every run of an accelerator backend does. */
    public static boolean usesGpu(String backend) {
        return backend != null && !backend.isBlank() && !backend.equalsIgnoreCase("CPU");
    }

    /**
     * The plan of each process with queued runs, by process id (null for runs no process owns), in the
     * order of their first queued run.
     */
    public static Map<String, RunScheduler.QueueState> plans(QueueSnapshot snapshot, QueueOrder.Slots slots) {
        Map<String, List<QueueOrder.Waiting>> waiting = new LinkedHashMap<>();
        for (QueuedRun q : snapshot.queued()) {
            waiting.computeIfAbsent(q.processId(), p -> new ArrayList<>()).add(new QueueOrder.Waiting(q.runId(), q.user(),
                    q.priority(), q.queueOrder(), usesGpu(q.backend())));
        }
        Map<String, RunScheduler.QueueState> plans = new LinkedHashMap<>();
        for (Map.Entry<String, List<QueueOrder.Waiting>> e : waiting.entrySet()) {
            List<QueueOrder.Running> running = snapshot.running().stream()
                    .filter(r -> e.getKey() != null && e.getKey().equals(r.processId()))
                    .map(r -> new QueueOrder.Running(r.runId(), r.user(), usesGpu(r.backend()))).toList();
            plans.put(e.getKey(), new RunScheduler.QueueState(
                    QueueOrder.plan(e.getValue(), running, snapshot.lastStartByUser(), slots), running, slots));
        }
        return plans;
    }
}
