package org.physlab.archetype;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs Maven in a separate process, the way a plugin author would from a shell, with its output in
 * a log file. Uses the Maven that runs this build ({@code maven.home}) or else {@code mvn} on the PATH.
 */
final class MavenLauncher {

    /** How a nested build ended. */
    record Result(List<String> command, int exitCode, Path log) {
        boolean succeeded() {
            return exitCode == 0;
        }

        /** The command, its exit code and the end of its log: what a failing assertion should show. */
        String describe() {
            List<String> lines;
            try {
                lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            } catch (IOException e) {
                lines = List.of("(cannot read " + log + ": " + e.getMessage() + ")");
            }
            return String.join(" ", command) + "\nexited with " + exitCode + "; last lines of " + log + ":\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        }
    }

    private static final boolean WINDOWS = System.getProperty("os.name", "").startsWith("Windows");
    private static final String EXECUTABLE = WINDOWS ? "mvn.cmd" : "mvn";

    private static final String FAST_START = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

    private final Path mvn;
    private final List<String> commonArguments;

    private MavenLauncher(Path mvn, List<String> commonArguments) {
        this.mvn = mvn;
        this.commonArguments = List.copyOf(commonArguments);
    }

    /** The Maven of {@code maven.home} if set and present, else the first {@code mvn} on the PATH, else empty. */
    static Optional<Path> locate() {
        String home = System.getProperty("maven.home", "");
        if (!home.isBlank()) {
            Path candidate = Path.of(home, "bin", EXECUTABLE);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (dir.isBlank()) continue;
            Path candidate = Path.of(dir, EXECUTABLE);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** A launcher that passes {@code commonArguments} (e.g. {@code -s settings.xml}) to every build. */
    static MavenLauncher of(Path mvn, List<String> commonArguments) {
        return new MavenLauncher(mvn, commonArguments);
    }

    /**
     * Runs {@code mvn -B -ntp <common arguments> <arguments>} in {@code workDir} on this JVM's Java
     * (with JIT settings for a quick start added to {@code MAVEN_OPTS}) and waits for it: ten minutes
     * at most, so a hung build fails instead of blocking the suite.
     */
    Result run(Path workDir, Path log, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(mvn.toString());
        command.add("-B");
        command.add("-ntp");
        command.addAll(commonArguments);
        command.addAll(List.of(arguments));
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        // A short-lived Maven spends most of its time compiling itself: C1 only halves the run here.
        builder.environment().merge("MAVEN_OPTS", FAST_START, (mine, fast) -> mine + " " + fast);
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            process.waitFor();
            return new Result(command, -1, log);
        }
        return new Result(command, process.exitValue(), log);
    }
}
