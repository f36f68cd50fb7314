package org.physlab.distribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real launcher of the built distribution ({@code target/physlab/bin/physlab}) against one
 * home, as a user would from a shell, capturing stdout and stderr in files.
 */
final class Launcher {
    /** Generous: a command starts a JVM with ND4J and Felix on a busy two-core machine. */
    static final Duration PATIENCE = Duration.ofSeconds(240);

    private final Path script;
    private final Path home;
    private final Path logs;
    private int count;

    Launcher(Path distribution, Path home, Path logs) {
        this.script = distribution.resolve("bin").resolve("physlab");
        this.home = home;
        this.logs = logs;
    }

    /** What a finished command printed and returned. */
    record Result(int exitCode, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** A command running in the background. */
    final class Running {
        final Process process;
        private final Path out;
        private final Path err;

        private Running(Process process, Path out, Path err) {
            this.process = process;
            this.out = out;
            this.err = err;
        }

        String out() throws IOException {
            return Files.readString(out, StandardCharsets.UTF_8);
        }

        String err() throws IOException {
            return Files.readString(err, StandardCharsets.UTF_8);
        }

        /** Waits (generously) for the command to end. */
        Result await() throws Exception {
            if (!process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("physlab did not end within " + PATIENCE + "\n--- stderr\n" + err());
            }
            return new Result(process.exitValue(), out(), err());
        }
    }

    /** Runs {@code physlab --home HOME args…} and waits for it. */
    Result run(String... args) throws Exception {
        return start(args).await();
    }

    /** Starts {@code physlab --home HOME args…} in the background. */
    Running start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(script.toString(), "--home", home.toString()));
        command.addAll(List.of(args));
        int n = ++count;
        Path out = logs.resolve(n + "-" + args[0] + ".out");
        Path err = logs.resolve(n + "-" + args[0] + ".err");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        pb.environment().remove("PHYSLAB_HOME");
        pb.environment().remove("JAVA_OPTS");
        return new Running(pb.start(), out, err);
    }

    /**
     * Sends SIGINT, as Ctrl-C in a terminal does; or SIGTERM, which physlab handles the same way,
     * where the process ignores SIGINT (as background jobs of non-interactive shells do, e.g. under
     * some CI runners).
     */
    static void interrupt(Process p) throws Exception {
        if (ignoresSigint(p.pid())) {
            p.destroy();
            return;
        }
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).inheritIO().start();
        kill.waitFor(30, TimeUnit.SECONDS);
    }

    /** Reads the ignored-signals mask of a Linux process (bit 1 is SIGINT). */
    static boolean ignoresSigint(long pid) throws IOException {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.isReadable(status)) return false;
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & 2L) != 0;
        }
        return false;
    }
}
