package org.physlab.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.physlab.cli.format.Formats;
import org.physlab.cli.format.TextTable;
import org.physlab.runtime.PhyslabConfig;
import org.physlab.runtime.runs.RunScheduler;
import org.physlab.runtime.runs.StoredQueue;
import org.physlab.runtime.runs.QueueOrder;
import org.physlab.server.json.Json;
import org.physlab.server.json.QueueView;
import org.physlab.store.QueueSnapshot;
import org.physlab.store.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code physlab queue}: the runs waiting and executing, in the order they start, read from the run
 * store and ordered by the same function the scheduler uses ({@link QueueOrder}), with this home's slots.
 */
@Command(name = "queue", description = {"Show the run queue: waiting runs in the order they start, and the runs executing.",
        "Fair share between users first, then priority within a user, then first in, first out."})
final class QueueCommand implements Callable<Integer> {
    @ParentCommand
    PhyslabCommand physlab;

    @Option(names = "--json", description = "Print the queue (one object per process with queued runs) as a JSON array.")
    boolean json;

    @Override
    public Integer call() {
        Io io = physlab.io();
        PhyslabConfig config = physlab.config(Map.of());
        QueueOrder.Slots slots = new QueueOrder.Slots(config.maxConcurrentRuns(), config.gpuSlots(), config.perUserCap());
        try (RunStore store = RunStore.open(config.store())) {
            QueueSnapshot snapshot = store.queueSnapshot();
            Map<String, RunScheduler.QueueState> plans = StoredQueue.plans(snapshot, slots);
            List<QueueView> views = plans.entrySet().stream().map(e -> QueueView.of(e.getKey(), e.getValue(), snapshot)).toList();
            if (json) {
                io.out().println(Json.pretty(views));
                return ExitCodes.OK;
            }
            if (!snapshot.running().isEmpty()) {
                TextTable running = new TextTable("RUNNING", "EXPERIMENT", "USER", "PRIORITY", "STARTED", "PROCESS");
                for (QueueSnapshot.RunningRun r : snapshot.running()) {
                    running.row(r.runId(), r.experimentId(), r.user(), r.priority(), Formats.time(r.startedAt()), r.processId());
                }
                io.out().print(running.render());
            }
            if (views.isEmpty()) {
                io.err().println("no runs are queued");
                return ExitCodes.OK;
            }
            for (QueueView v : views) {
                if (!snapshot.running().isEmpty() || views.size() > 1) io.out().println();
                if (views.size() > 1) io.out().println("queue of process " + v.processId());
                io.out().print(table(v));
            }
        }
        return ExitCodes.OK;
    }

    /** One line per waiting run: position, id, experiment, owner, priority, when queued and why it waits. */
    static String table(QueueView view) {
        TextTable t = new TextTable("POS", "ID", "EXPERIMENT", "USER", "PRIORITY", "QUEUED", "WAITING FOR").alignRight(0).alignRight(4);
        for (QueueView.Waiting w : view.queued()) {
            t.row(w.position(), w.id(), w.experiment(), w.user(), w.priority(), Formats.time(w.queuedAt()),
                    w.waitingFor() == null ? "(starting)" : w.waitingFor());
        }
        return t.render();
    }
}
