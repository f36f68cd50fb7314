package org.physlab.cli;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import org.physlab.cli.format.RunReport;
import org.physlab.server.json.ArtifactView;
import org.physlab.server.json.Json;
import org.physlab.server.json.RunView;
import org.physlab.store.LogLine;
import org.physlab.store.RunRecord;
import org.physlab.store.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code physlab show RUN}: everything recorded about one run. Reads only the run store. */
@Command(name = "show", description = "Show a run: provenance, parameters, summary, metric statistics, "
        + "artifacts and the last log lines.")
final class ShowCommand implements Callable<Integer> {
    @ParentCommand
    PhyslabCommand physlab;

    @Parameters(paramLabel = "RUN", description = "The run id or a unique prefix of it.")
    String runId;

    @Option(names = "--logs", paramLabel = "N", defaultValue = "10", description = "How many last log lines (default ${DEFAULT-VALUE}).")
    int logLines;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Override
    public Integer call() {
        if (logLines < 0) throw CliException.usage("--logs must not be negative, got " + logLines);
        Io io = physlab.io();
        try (RunStore store = physlab.openStore()) {
            RunRecord run = RunLookup.find(store, runId);
            RunReport report = new RunReport(RunView.of(run), RunReport.sorted(store.metricStats(run.id())),
                    store.artifacts(run.id()).stream().map(ArtifactView::of).toList(), lastLogs(store, run.id(), logLines));
            io.out().print(json ? Json.pretty(report) + "\n" : report.text());
        }
        return ExitCodes.OK;
    }

    /** The last {@code n} log lines of a run, oldest first. */
    static List<LogLine> lastLogs(RunStore store, String runId, int n) {
        if (n == 0) return List.of();
        Deque<LogLine> last = new ArrayDeque<>(n);
        long after = Long.MIN_VALUE;
        while (true) {
            List<LogLine> page = store.logs(runId, after, 5000);
            for (LogLine l : page) {
                if (last.size() == n) last.removeFirst();
                last.addLast(l);
            }
            if (page.size() < 5000) return List.copyOf(last);
            after = page.get(page.size() - 1).seq();
        }
    }
}
