package org.physlab.distribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code physlab serve} of a built distribution, started through its real launcher on one home and
 * listening on a free loopback port, as the end-to-end, crash and load tests need it: its URL, its
 * pid (the JVM's own: the launcher {@code exec}s java), a clean stop with SIGTERM and a kill with
 * SIGKILL.
 */
public final class ServerProcess {
    /** Generous: the server starts a JVM with ND4J, Felix and Vaadin on a busy two-core machine. */
    static final Duration START_PATIENCE = Duration.ofSeconds(240);
    private static final Pattern URL = Pattern.compile("Physlab serves (?:the web UI at )?(http://\\S+?)/?\\s");

    private final Process process;
    private final Path out;
    private final Path err;
    private final String url;

    private ServerProcess(Process process, Path out, Path err, String url) {
        this.process = process;
        this.out = out;
        this.err = err;
        this.url = url;
    }

    /**
     * Starts {@code DISTRIBUTION/bin/physlab --home HOME serve --port 0} and waits until it prints its URL.
     *
     * @param logs  where its stdout and stderr go, as {@code NAME.out} and {@code NAME.err}
     * @param name  the file name stem of the logs
     */
    public static ServerProcess start(Path distribution, Path home, Path logs, String name) throws IOException, InterruptedException {
        Files.createDirectories(logs);
        Path out = logs.resolve(name + ".out");
        Path err = logs.resolve(name + ".err");
        List<String> command = new ArrayList<>(List.of(distribution.resolve("bin/physlab").toString(),
                "--home", home.toString(), "serve", "--port", "0"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        pb.environment().remove("PHYSLAB_HOME");
        pb.environment().remove("JAVA_OPTS");
        Process p = pb.start();
        long deadline = System.nanoTime() + START_PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = URL.matcher(Files.readString(out, StandardCharsets.UTF_8));
            if (m.find()) return new ServerProcess(p, out, err, m.group(1));
            if (!p.isAlive()) {
                throw new IllegalStateException("physlab serve ended (exit " + p.exitValue() + ") before printing its URL\n"
                        + "--- stdout\n" + Files.readString(out) + "--- stderr\n" + Files.readString(err));
            }
            Thread.sleep(100);
        }
        p.destroyForcibly();
        throw new IllegalStateException("physlab serve printed no URL within " + START_PATIENCE + "\n--- stderr\n"
                + Files.readString(err));
    }

    /** The base URL without a trailing slash, e.g. {@code http://127.0.0.1:41234}. */
    public String url() {
        return url;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String err() throws IOException {
        return Files.readString(err, StandardCharsets.UTF_8);
    }

    public String out() throws IOException {
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /**
     * Kills the server's JVM with SIGKILL, as the kernel's OOM killer or a power cut would end it: no
     * shutdown hook, no last flush. Checks first that the pid is the JVM itself (the launcher replaced its
     * shell with java), so no orphaned JVM goes on writing behind a killed wrapper.
     *
     * @return the exit status (137 on Linux)
     */
    public int kill() throws IOException, InterruptedException {
        Path cmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        String command = Files.isReadable(cmdline)
                ? new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).replace('\0', ' ') : "";
        if (!command.contains("org.physlab.cli.Main")) {
            throw new IllegalStateException("pid " + process.pid() + " is not the Physlab JVM: " + command);
        }
        process.destroyForcibly();         // SIGKILL on Linux
        if (!process.waitFor(60, TimeUnit.SECONDS)) throw new IllegalStateException("pid " + process.pid() + " survived SIGKILL");
        return process.exitValue();
    }

    /**
     * Stops the server with SIGTERM, as {@code systemctl stop} does, and waits for it.
     *
     * @return the exit status (0 after a clean stop)
     */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(60, TimeUnit.SECONDS);
            throw new IllegalStateException("physlab serve did not stop within 120 s of SIGTERM");
        }
        return process.exitValue();
    }

    /** Stderr lines other than the ones a healthy server prints (its home, "stopping"). */
    public List<String> unexpectedErrLines() throws IOException {
        return err().lines().filter(l -> !l.startsWith("physlab home: ") && !l.equals("stopping")).toList();
    }
}
