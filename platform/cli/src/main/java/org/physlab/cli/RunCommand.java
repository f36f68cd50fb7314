package org.physlab.cli;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.physlab.api.InvalidParametersException;
import org.physlab.cli.format.Formats;
import org.physlab.cli.format.ProgressBar;
import org.physlab.cli.format.RunResult;
import org.physlab.runtime.Physlab;
import org.physlab.runtime.runs.LaunchRequest;
import org.physlab.runtime.runs.RunListener;
import org.physlab.runtime.runs.UnknownExperimentException;
import org.physlab.server.json.Json;
import org.physlab.store.RunRecord;
import org.physlab.store.RunStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code physlab run EXPERIMENT --set key=value …}: runs an experiment in this process, shows its
 * progress on a terminal and prints the result (with {@code --json}, exactly one JSON object).
 * Ctrl-C cancels the run, which is recorded CANCELLED.
 */
@Command(name = "run", description = {"Run an experiment here and now, and record it.",
        "Prints the result to stdout (with --json exactly one JSON object); progress goes to stderr on a terminal.",
        "Ctrl-C cancels the run (recorded CANCELLED); a second Ctrl-C quits at once."})
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    PhyslabCommand physlab;

    @Parameters(paramLabel = "EXPERIMENT", description = "The experiment id (see physlab describe).")
    String experiment;

    @Option(names = {"-s", "--set"}, paramLabel = "NAME=VALUE",
            description = "A parameter value, as typed (lists: 1,2,3). Repeat for more.")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--seed", paramLabel = "N", description = "The run's seed (default: a fresh random one, recorded).")
    Long seed;

    @Option(names = {"-t", "--tag"}, paramLabel = "TAG", description = "A tag for the run. Repeat for more.")
    List<String> tags = new ArrayList<>();

    @Option(names = "--notes", paramLabel = "TEXT", description = "Notes kept with the run.")
    String notes;

    @Option(names = "--time-limit", paramLabel = "SECONDS", converter = Seconds.class,
            description = "Stop the run after this many seconds.")
    Duration timeLimit;

    @Option(names = "--priority", paramLabel = "N", defaultValue = "0",
            description = "Higher runs first among your own queued runs (default ${DEFAULT-VALUE}).")
    int priority;

    @Option(names = "--json", description = "Print the result as exactly one JSON object on one line.")
    boolean json;

    @Override
    public Integer call() throws InterruptedException {
        Io io = physlab.io();
        for (String tag : tags) if (tag.isBlank()) throw CliException.usage("a tag must not be empty");
        try (Physlab lab = physlab.startLab(Map.of())) {
            RunRecord run = submit(lab);
            io.err().println("run " + run.id() + " (" + run.experimentId() + ", seed " + run.seed() + ")");
            RunRecord done = follow(lab, run, io);
            RunResult result = RunResult.of(done);
            io.out().print(json ? Json.compact(result) + "\n" : result.text());
            io.out().flush();
            return done.status() == RunStatus.SUCCEEDED ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }

    private RunRecord submit(Physlab lab) {
        LaunchRequest request = new LaunchRequest(experiment, settings, seed, tags, notes, lab.config().user(),
                timeLimit != null ? timeLimit : lab.config().defaultTimeLimit(), priority);
        try {
            return lab.runs().submit(request);
        } catch (InvalidParametersException e) {
            throw CliException.usage("invalid parameters for " + experiment + ": " + e.getMessage());
        } catch (UnknownExperimentException e) {
            throw CliException.notFound(e.getMessage());
        }
    }

    /** Waits for the run to end, drawing progress on a terminal and cancelling it on Ctrl-C. */
    private static RunRecord follow(Physlab lab, RunRecord run, Io io) throws InterruptedException {
        String id = run.id();
        ProgressBar bar = io.interactive() ? new ProgressBar(io.err(), ProgressBar.terminalWidth()) : null;
        RunListener listener = new RunListener() {
            @Override
            public void progress(String runId, double fraction, String message) {
                if (bar != null && runId.equals(id)) bar.update(fraction, message);
            }
        };
        lab.runs().addListener(listener);
        AtomicInteger interrupts = new AtomicInteger();
        try (Signals signals = Signals.handle(signal -> {
            if (interrupts.incrementAndGet() == 1) {
                if (bar != null) bar.clear();
                io.err().println("cancelling run " + id + " (press Ctrl-C again to quit at once)");
                lab.runs().cancel(id, signal.equals("INT") ? "cancelled by the user (Ctrl-C)"
                        : "cancelled: physlab run received SIG" + signal);
            } else {
                Runtime.getRuntime().halt(130);
            }
        })) {
            RunRecord now = run;
            while (!now.status().terminal()) now = lab.runs().await(id, Duration.ofSeconds(1));
            return now;
        } finally {
            lab.runs().removeListener(listener);
            if (bar != null) bar.clear();
        }
    }

    /** Parses a positive number of seconds, e.g. {@code 90} or {@code 0.5}. */
    static final class Seconds implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                BigDecimal s = new BigDecimal(value.trim());
                if (s.signum() <= 0) throw new TypeConversionException("must be a positive number of seconds, got '" + value + "'");
                return Duration.ofMillis(Math.max(1, s.movePointRight(3).longValue()));
            } catch (NumberFormatException | ArithmeticException e) {
                throw new TypeConversionException("must be a number of seconds, got '" + Formats.oneLine(value) + "'");
            }
        }
    }
}
