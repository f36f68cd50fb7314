package org.physlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.physlab.api.FieldError;
import org.physlab.api.InvalidParametersException;
import org.physlab.runtime.runs.UnknownExperimentException;
import org.physlab.server.metrics.MetricsExport;
import org.physlab.store.RunStatus;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

class PhyslabCliTest {

    /** What a command line printed and returned. */
    record Outcome(int exitCode, String out, String err) { }

    static Outcome execute(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Io io = new Io(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);
        int code = PhyslabCli.execute(args, io, new Properties());
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static <T> T parse(Class<T> command, String... args) {
        PhyslabCommand top = new PhyslabCommand();
        ParseResult result = PhyslabCli.commandLine(top).parseArgs(args);
        return command.cast(result.subcommand().commandSpec().userObject());
    }

    @Test
    void runTakesSettingsSeedTagsAndATimeLimit() {
        RunCommand run = parse(RunCommand.class, "run", "oscillator.response", "--set", "gamma=0.5",
                "-s", "hidden=100,100", "--set", "label=a=b", "--seed", "42", "--tag", "sweep", "-t", "baseline",
                "--time-limit", "1.5", "--json");
        assertEquals("oscillator.response", run.experiment);
        assertEquals(Map.of("gamma", "0.5", "hidden", "100,100", "label", "a=b"), run.settings);
        assertEquals(List.of("gamma", "hidden", "label"), List.copyOf(run.settings.keySet()));
        assertEquals(42L, run.seed);
        assertEquals(List.of("sweep", "baseline"), run.tags);
        assertEquals(Duration.ofMillis(1500), run.timeLimit);
        assertTrue(run.json);
    }

    @Test
    void aRunWithoutSeedOrTimeLimitLeavesThemToThePlatform() {
        RunCommand run = parse(RunCommand.class, "run", "a.b");
        assertNull(run.seed);
        assertNull(run.timeLimit);
        assertTrue(run.settings.isEmpty());
    }

    @Test
    void homeAndVerboseAreAcceptedBeforeOrAfterTheCommand() {
        PhyslabCommand top = new PhyslabCommand();
        PhyslabCli.commandLine(top).parseArgs("runs", "--home", "/tmp/h1", "--verbose");
        assertEquals(Path.of("/tmp/h1"), top.home);
        assertTrue(top.verbose);

        PhyslabCommand top2 = new PhyslabCommand();
        PhyslabCli.commandLine(top2).parseArgs("--home", "/tmp/h2", "show", "abc");
        assertEquals(Path.of("/tmp/h2"), top2.home);
    }

    @Test
    void filtersAndFormatsAreParsedIgnoringCase() {
        RunsCommand runs = parse(RunsCommand.class, "runs", "--status", "succeeded", "-e", "a.b", "--tag", "x", "--json");
        assertEquals(RunStatus.SUCCEEDED, runs.status);
        assertEquals("a.b", runs.experiment);
        assertEquals(50, runs.limit);
        ExportCommand export = parse(ExportCommand.class, "export", "abc", "--format", "JSON", "-o", "out.json");
        assertEquals(MetricsExport.Format.JSON, export.format);
        assertEquals(Path.of("out.json"), export.output);
        assertEquals(MetricsExport.Format.CSV, parse(ExportCommand.class, "export", "abc").format);
        CompareCommand compare = parse(CompareCommand.class, "compare", "r1", "r2", "r3", "--all");
        assertEquals(List.of("r1", "r2", "r3"), compare.runIds);
        ServeCommand serve = parse(ServeCommand.class, "serve", "--host", "0.0.0.0", "-p", "0");
        assertEquals("0.0.0.0", serve.host);
        assertEquals(0, serve.port);
    }

    @Test
    void usageErrorsExitWithTwoAndOneLineOnStderr() {
        for (String[] args : List.of(
                new String[] {"run"},
                new String[] {"run", "a.b", "--set", "gamma"},
                new String[] {"run", "a.b", "--seed", "forty-two"},
                new String[] {"run", "a.b", "--time-limit", "-3"},
                new String[] {"runs", "--status", "happy"},
                new String[] {"compare", "only-one"},
                new String[] {"export", "abc", "--format", "xml"},
                new String[] {"fly"},
                new String[] {})) {
            Outcome o = execute(args);
            assertEquals(ExitCodes.USAGE, o.exitCode(), String.join(" ", args) + " -> " + o);
            assertEquals(1, o.err().lines().count(), String.join(" ", args) + " -> " + o.err());
            assertTrue(o.err().startsWith("physlab"), o.err());
            assertEquals("", o.out());
        }
    }

    @Test
    void helpAndVersionGoToStdoutAndSucceed() {
        Outcome help = execute("--help");
        assertEquals(0, help.exitCode());
        for (String cmd : List.of("plugins", "describe", "run", "runs", "show", "compare", "export", "serve")) {
            assertTrue(help.out().contains(cmd), cmd);
        }
        Outcome runHelp = execute("run", "--help");
        assertEquals(0, runHelp.exitCode());
        assertTrue(runHelp.out().contains("--set"));
        assertTrue(runHelp.out().contains("--time-limit"));
        Outcome version = execute("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("physlab "));
    }

    @Test
    void failuresMapToExitCodesWithOneLineReasons() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Io io = new Io(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8), false);
        assertEquals(2, PhyslabCli.failure(new InvalidParametersException(List.of(
                FieldError.of("steps", "must be at least 1, got 0"), FieldError.of("lr", "expected a number, got 'x'"))), io, false));
        assertEquals(3, PhyslabCli.failure(new UnknownExperimentException("a.b", List.of("c.d")), io, false));
        assertEquals(3, PhyslabCli.failure(CliException.notFound("unknown run 'zz'"), io, false));
        assertEquals(1, PhyslabCli.failure(new IllegalStateException("no backend\nat all"), io, false));
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(List.of(
                "physlab: invalid parameters: steps: must be at least 1, got 0; lr: expected a number, got 'x'",
                "physlab: unknown experiment 'a.b'; installed: c.d",
                "physlab: unknown run 'zz'",
                "physlab: no backend at all"), lines);
    }

    @Test
    void theCommandNamesMatchTheDocumentedOnes() {
        CommandLine cl = PhyslabCli.commandLine(new PhyslabCommand());
        assertEquals(List.of("plugins", "describe", "run", "runs", "show", "compare", "export", "serve", "queue", "backup", "restore",
                "users", "tokens"),
                List.copyOf(cl.getSubcommands().keySet()));
    }

    @Test
    void serveRefusesAnAddressBeyondThisMachineWithoutAuthenticationBeforeStartingAnything(@org.junit.jupiter.api.io.TempDir Path home) {
        Outcome o = execute("--home", home.toString(), "serve", "--host", "0.0.0.0", "--port", "0");
        assertEquals(ExitCodes.USAGE, o.exitCode(), o.toString());
        assertTrue(o.err().contains("refusing to listen on 0.0.0.0 without authentication"), o.err());
        assertTrue(o.err().contains("physlab.auth.enabled=true"), o.err());
        assertTrue(!java.nio.file.Files.exists(home.resolve("db")), "nothing was started, not even the store");
    }
}
