package org.physlab.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.physlab.cli.format.Formats;
import org.physlab.cli.format.TextTable;
import org.physlab.server.json.Json;
import org.physlab.server.json.RunView;
import org.physlab.store.RunQuery;
import org.physlab.store.RunRecord;
import org.physlab.store.RunStatus;
import org.physlab.store.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code physlab runs}: the run history, newest first, optionally filtered. Reads only the run store. */
@Command(name = "runs", description = "List recorded runs, newest first.")
final class RunsCommand implements Callable<Integer> {
    @ParentCommand
    PhyslabCommand physlab;

    @Option(names = {"-e", "--experiment"}, paramLabel = "ID", description = "Only runs of this experiment.")
    String experiment;

    @Option(names = "--status", paramLabel = "STATUS",
            description = "Only runs in this state: ${COMPLETION-CANDIDATES}.")
    RunStatus status;

    @Option(names = {"-t", "--tag"}, paramLabel = "TAG", description = "Only runs with this tag.")
    String tag;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N runs (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print the runs as a JSON array.")
    boolean json;

    @Override
    public Integer call() {
        if (limit < 1) throw CliException.usage("--limit must be at least 1, got " + limit);
        Io io = physlab.io();
        try (RunStore store = physlab.openStore()) {
            RunQuery query = new RunQuery(experiment, status, tag, null, 0, limit);
            List<RunRecord> runs = store.list(query);
            if (json) {
                io.out().println(Json.pretty(runs.stream().map(RunView::of).toList()));
                return ExitCodes.OK;
            }
            if (runs.isEmpty()) {
                io.err().println("no runs" + (experiment != null || status != null || tag != null ? " match" : " yet"));
                return ExitCodes.OK;
            }
            io.out().print(table(runs));
            long total = store.count(query);
            if (total > runs.size()) io.err().println("(showing " + runs.size() + " of " + total + " runs; --limit shows more)");
        }
        return ExitCodes.OK;
    }

    /** One line per run: id, experiment, status, start, duration, seed, tags and headline metrics. */
    static String table(List<RunRecord> runs) {
        TextTable t = new TextTable("ID", "EXPERIMENT", "STATUS", "STARTED", "DURATION", "SEED", "TAGS", "SUMMARY");
        for (RunRecord r : runs) {
            t.row(r.id(), r.experimentId(), r.status(), Formats.time(r.startedAt()),
                    r.startedAt() == null ? "-" : Formats.duration(r.durationSeconds()), r.seed(),
                    String.join(",", r.tags()), summary(r.summary()));
        }
        return t.render();
    }

    private static String summary(Map<String, Double> summary) {
        String s = summary.entrySet().stream().limit(3)
                .map(e -> e.getKey() + "=" + Formats.number(e.getValue())).collect(Collectors.joining(" "));
        return summary.size() > 3 ? s + " ..." : s;
    }
}
