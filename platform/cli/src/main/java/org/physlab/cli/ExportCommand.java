package org.physlab.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.physlab.server.metrics.MetricsExport;
import org.physlab.server.metrics.MetricsExport.Format;
import org.physlab.store.RunRecord;
import org.physlab.store.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code physlab export RUN --format csv|json}: every metric point of a run. Reads only the run store. */
@Command(name = "export", description = {"Export every metric point of a run.",
        "csv: columns run,key,step,value,time (ISO-8601). json: {\"run\": {...}, \"metrics\": {key: {steps, values, timesMillis}}}."})
final class ExportCommand implements Callable<Integer> {
    @ParentCommand
    PhyslabCommand physlab;

    @Parameters(paramLabel = "RUN", description = "The run id or a unique prefix of it.")
    String runId;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "csv",
            description = "csv or json (default ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    Path output;

    @Override
    public Integer call() throws IOException {
        Io io = physlab.io();
        try (RunStore store = physlab.openStore()) {
            RunRecord run = RunLookup.find(store, runId);
            if (output == null) {
                MetricsExport.write(format, store, run, io.out());
                io.out().flush();
            } else {
                Path parent = output.toAbsolutePath().getParent();
                if (parent != null) Files.createDirectories(parent);
                try (OutputStream out = Files.newOutputStream(output)) {
                    MetricsExport.write(format, store, run, out);
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
                io.err().println("wrote " + output + " (" + Files.size(output) + " bytes)");
            }
        }
        return ExitCodes.OK;
    }
}
