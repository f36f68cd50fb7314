package org.physlab.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Properties;
import org.physlab.api.InvalidParametersException;
import org.physlab.cli.format.Formats;
import org.physlab.runtime.runs.UnknownExperimentException;
import org.physlab.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Parses a {@code physlab} command line, runs it and turns every outcome into an exit code
 * ({@link ExitCodes}) with, on failure, a one-line reason on stderr.
 */
public final class PhyslabCli {
    private PhyslabCli() { }

    /** Runs {@code args} with the process's streams and properties. */
    public static int execute(String[] args, Io io) {
        return execute(args, io, System.getProperties());
    }

    static int execute(String[] args, Io io, Properties systemProperties) {
        return execute(args, io, systemProperties, System.getenv());
    }

    static int execute(String[] args, Io io, Properties systemProperties, Map<String, String> environment) {
        PhyslabCommand top = new PhyslabCommand();
        top.io(io);
        top.systemProperties(systemProperties);
        top.environment(environment);
        CommandLine cl = commandLine(top);
        cl.setOut(new PrintWriter(io.out(), true));
        cl.setErr(new PrintWriter(io.err(), true));
        cl.setParameterExceptionHandler(PhyslabCli::usageError);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> failure(ex, io, top.verbose()));
        return cl.execute(args);
    }

    /** The command line of {@code top}, with its conventions (case-insensitive enum values). */
    static CommandLine commandLine(PhyslabCommand top) {
        CommandLine cl = new CommandLine(top);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        cl.getErr().println("physlab: " + Formats.oneLine(e.getMessage()) + " (see '"
                + cl.getCommandSpec().qualifiedName() + " --help')");
        return ExitCodes.USAGE;
    }

    static int failure(Exception ex, Io io, boolean verbose) {
        int code;
        String message;
        if (ex instanceof CliException c) {
            code = c.exitCode();
            message = c.getMessage();
        } else if (ex instanceof InvalidParametersException e) {
            code = ExitCodes.USAGE;
            message = "invalid parameters: " + e.getMessage();
        } else if (ex instanceof UnknownExperimentException e) {
            code = ExitCodes.NOT_FOUND;
            message = e.getMessage();
        } else if (ex instanceof StoreException e) {
            code = ExitCodes.FAILED;
            message = "the run store failed: " + e.getMessage() + causeOf(e);
        } else {
            code = ExitCodes.FAILED;
            message = (ex.getMessage() == null ? ex.toString() : ex.getMessage()) + causeOf(ex);
        }
        io.err().println("physlab: " + Formats.oneLine(message));
        if (verbose) ex.printStackTrace(io.err());
        return code;
    }

    private static String causeOf(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root == e || root.getMessage() == null || e.getMessage() != null && e.getMessage().contains(root.getMessage())
                ? "" : " (" + root.getMessage() + ")";
    }
}
