package org.physlab.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.physlab.cli.format.RunComparison;
import org.physlab.server.json.Json;
import org.physlab.store.MetricStats;
import org.physlab.store.RunRecord;
import org.physlab.store.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code physlab compare RUN RUN…}: parameter differences and final metrics side by side. Reads only the run store. */
@Command(name = "compare", description = "Compare runs side by side: the parameters that differ, "
        + "the summaries and the last value of every metric.")
final class CompareCommand implements Callable<Integer> {
    @ParentCommand
    PhyslabCommand physlab;

    @Parameters(paramLabel = "RUN", arity = "2..*", description = "Two or more run ids (or unique prefixes).")
    List<String> runIds;

    @Option(names = "--all", description = "Also list the parameters all runs share.")
    boolean all;

    @Option(names = "--json", description = "Print the comparison as JSON.")
    boolean json;

    @Override
    public Integer call() {
        Io io = physlab.io();
        try (RunStore store = physlab.openStore()) {
            List<RunRecord> runs = new ArrayList<>();
            Map<String, Map<String, MetricStats>> stats = new LinkedHashMap<>();
            for (String id : runIds) {
                RunRecord r = RunLookup.find(store, id);
                runs.add(r);
                stats.put(r.id(), store.metricStats(r.id()));
            }
            RunComparison c = RunComparison.of(runs, stats);
            io.out().print(json ? Json.pretty(c) + "\n" : c.text(all));
        }
        return ExitCodes.OK;
    }
}
