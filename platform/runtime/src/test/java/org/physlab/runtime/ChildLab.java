package org.physlab.runtime;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@link LabProcess} in a JVM of its own (java from {@code java.home}, the test's class path),
 * started and waited for until it prints READY. {@link #kill()} sends SIGKILL, as a crash would.
 */
final class ChildLab implements AutoCloseable {
    final Process process;
    final String runId;
    /** Points of the watched metric the store held when the child said READY. */
    final long storedPoints;
    private final Path log;

    private ChildLab(Process process, String runId, long storedPoints, Path log) {
        this.process = process;
        this.runId = runId;
        this.storedPoints = storedPoints;
        this.log = log;
    }

    static ChildLab start(Path home, String experiment, String metric, long minPoints, String... parameters) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path")));
        for (Map.Entry<String, String> e : TestHomes.FAST.entrySet()) command.add("-D" + e.getKey() + "=" + e.getValue());
        command.addAll(List.of(LabProcess.class.getName(), home.toString(), experiment, metric, Long.toString(minPoints)));
        command.addAll(List.of(parameters));
        Path log = Files.createTempFile(home.getParent(), "child-", ".log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(log.toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.startsWith("READY ") || line.startsWith("TIMEOUT")) return line;
                }
                return "EXITED";
            } catch (IOException e) {
                return "EXITED " + e;
            }
        });
        String line;
        try {
            line = ready.get(TestHomes.PATIENCE.toSeconds() * 2, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            line = "NO ANSWER";
        }
        if (!line.startsWith("READY ")) {
            p.destroyForcibly().waitFor();
            fail("the child lab did not get ready (" + line + "); its log:\n" + Files.readString(log));
        }
        String[] parts = line.split(" ");
        return new ChildLab(p, parts[1], Long.parseLong(parts[2]), log);
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or closed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(60, TimeUnit.SECONDS);
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) kill();
    }
}
