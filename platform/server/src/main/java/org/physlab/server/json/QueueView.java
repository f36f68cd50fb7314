package org.physlab.server.json;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.physlab.runtime.runs.QueueOrder;
import org.physlab.runtime.runs.RunScheduler;
import org.physlab.store.QueueSnapshot;
import org.physlab.store.QueuedRun;

/**
 * A process's run queue, as {@code GET /api/queue} and {@code physlab queue --json} write it: the slots,
 * the runs executing, and the waiting runs in the order they start ({@link QueueOrder}).
 *
 * @param processId the process whose queue it is (null for runs no process owns)
 */
public record QueueView(String processId, Slots slots, List<Executing> running, List<Waiting> queued) {

    /** CPU and GPU slots and the per-user cap (0: none). */
    public record Slots(int cpu, int gpu, int perUserCap) { }

    /** A run holding slots. */
    public record Executing(String id, String experiment, String user, int priority, boolean gpu, Instant startedAt) { }

    /**
     * A waiting run.
     *
     * @param position   1 for the next to start
     * @param waitingFor why it has not started ("a CPU slot", "a GPU slot", "the per-user cap of 2"), or null
     *                   if it starts at once
     */
    public record Waiting(int position, String id, String experiment, String user, int priority, boolean gpu,
                          Instant queuedAt, String waitingFor) { }

    /** The view of a plan, with experiment ids and times from {@code details} (read at about the same moment). */
    public static QueueView of(String processId, RunScheduler.QueueState state, QueueSnapshot details) {
        Map<String, QueuedRun> queued = new HashMap<>();
        for (QueuedRun q : details.queued()) queued.put(q.runId(), q);
        Map<String, QueueSnapshot.RunningRun> running = new HashMap<>();
        for (QueueSnapshot.RunningRun r : details.running()) running.put(r.runId(), r);
        QueueOrder.Slots s = state.slots();
        List<Executing> executing = state.executing().stream().map(r -> {
            QueueSnapshot.RunningRun d = running.get(r.runId());
            return new Executing(r.runId(), d == null ? null : d.experimentId(), r.user(), d == null ? 0 : d.priority(),
                    r.gpu(), d == null ? null : d.startedAt());
        }).toList();
        List<Waiting> waiting = state.places().stream().map(p -> {
            QueuedRun d = queued.get(p.run().runId());
            return new Waiting(p.position(), p.run().runId(), d == null ? null : d.experimentId(), p.run().user(),
                    p.run().priority(), p.run().gpu(), d == null ? null : d.createdAt(), p.waitingFor());
        }).toList();
        return new QueueView(processId, new Slots(s.cpuSlots(), s.gpuSlots(), s.perUserCap()), executing, waiting);
    }
}
