package org.physlab.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.physlab.cli.format.ExperimentDescription;
import org.physlab.runtime.Physlab;
import org.physlab.runtime.plugins.CatalogEntry;
import org.physlab.runtime.runs.UnknownExperimentException;
import org.physlab.server.json.ExperimentView;
import org.physlab.server.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code physlab describe EXPERIMENT}: what an experiment does and the parameters it takes. */
@Command(name = "describe", description = "Show an experiment's description, references and parameters "
        + "(type, default, range, unit, help), by group.")
final class DescribeCommand implements Callable<Integer> {
    @ParentCommand
    PhyslabCommand physlab;

    @Parameters(paramLabel = "EXPERIMENT", description = "The experiment id, e.g. oscillator.response.")
    String experiment;

    @Option(names = "--json", description = "Print the experiment and its schema as JSON.")
    boolean json;

    @Override
    public Integer call() {
        Io io = physlab.io();
        try (Physlab lab = physlab.startLab(Map.of())) {
            CatalogEntry entry = lab.plugins().find(experiment).orElseThrow(() -> new UnknownExperimentException(
                    experiment, lab.plugins().experiments().stream().map(CatalogEntry::id).toList()));
            ExperimentView view = ExperimentView.of(entry);
            io.out().print(json ? Json.pretty(view) + "\n" : ExperimentDescription.render(view));
        }
        return ExitCodes.OK;
    }
}
