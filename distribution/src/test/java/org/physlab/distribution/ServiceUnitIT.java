package org.physlab.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The systemd unit shipped in the distribution ({@code systemd/physlab.service}, docs/lab-server.md
 * "Installing as a service"), read from the release archive as an administrator gets it: it starts the
 * archive's real launcher as the dedicated user with the home under /var/lib/physlab, takes the
 * database password from an environment file, restarts on failure and is hardened; its command line,
 * run with the unit's environment against the built distribution, serves and stops cleanly on the
 * unit's kill signal; and {@code systemd-analyze verify} accepts it where systemd is installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceUnitIT {
    private static final Path DISTRIBUTION = Path.of(System.getProperty("physlab.distribution", "target/physlab"));
    /** Where the unit expects the distribution and the home. */
    private static final String INSTALL = "/opt/physlab";
    private static final String HOME = "/var/lib/physlab";

    @TempDir
    Path tmp;
    Path tarball;
    String root;
    List<String> entries;
    String unitText;
    Map<String, List<String>> service;

    @BeforeAll
    void readTheUnitFromTheArchive() throws Exception {
        try (Stream<Path> target = Files.list(DISTRIBUTION.toAbsolutePath().getParent())) {
            tarball = target.filter(p -> p.getFileName().toString().matches("physlab-.*\\.tar\\.gz")).findFirst()
                    .orElseThrow(() -> new AssertionError("no physlab-*.tar.gz beside " + DISTRIBUTION));
        }
        root = tarball.getFileName().toString().replace(".tar.gz", "") + "/";
        entries = tar("-tvzf", tarball.toString()).lines().toList();
        unitText = tar("-xzOf", tarball.toString(), root + "systemd/physlab.service");
        service = section(unitText, "Service");
    }

    @Test
    void theArchiveShipsTheUnitBesideTheLauncherItNames() {
        assertTrue(entry(root + "systemd/physlab.service").startsWith("-rw-r--r--"), entries.toString());
        String exec = one("ExecStart");
        String launcher = exec.split(" ")[0];
        assertTrue(launcher.startsWith(INSTALL + "/"), exec);
        String inArchive = root + launcher.substring(INSTALL.length() + 1);
        assertEquals(root + "bin/physlab", inArchive, "the unit starts the distribution's launcher");
        assertTrue(entry(inArchive).startsWith("-rwxr-xr-x"), "an executable entry: " + entry(inArchive));
        assertEquals(List.of("--home", HOME, "serve"), Arrays.asList(exec.split(" ")).subList(1, 4), exec);
        String docs = section(unitText, "Unit").get("Documentation").get(0);
        assertEquals("file:" + INSTALL + "/docs/lab-server.md", docs);
        assertTrue(entries.stream().anyMatch(e -> e.endsWith(" " + root + "docs/lab-server.md")), "the guide it names is shipped");
    }

    @Test
    void itRunsAsTheDedicatedUserWithTheHomeUnderVarLibAndThePasswordFromAnEnvironmentFile() {
        assertEquals("physlab", one("User"));
        assertEquals("physlab", one("Group"));
        assertEquals("physlab", one("StateDirectory"));
        assertTrue(service.get("Environment").contains("PHYSLAB_HOME=" + HOME), service.toString());
        assertEquals("-/etc/physlab/physlab.env", one("EnvironmentFile"));
        assertTrue(unitText.contains("PHYSLAB_DB_PASSWORD"), "the unit says what the environment file is for");
        assertEquals("on-failure", one("Restart"));
        assertEquals("SIGTERM", one("KillSignal"));
        assertEquals("multi-user.target", section(unitText, "Install").get("WantedBy").get(0));
    }

    @Test
    void itIsHardened() {
        assertEquals("yes", one("NoNewPrivileges"));
        assertEquals("strict", one("ProtectSystem"));
        assertEquals(List.of(HOME, "-/var/backups/physlab"), service.get("ReadWritePaths"),
                "the home, and the backups the server writes for physlab backup, are the only writable paths");
        assertEquals("yes", one("PrivateTmp"));
        assertEquals("yes", one("ProtectHome"));
        assertTrue(service.get("Environment").stream().anyMatch(e -> e.startsWith("JAVA_OPTS=") && e.contains(
                "-Dorg.bytedeco.javacpp.cachedir=" + HOME + "/")), "ND4J's natives are unpacked inside the home: " + service);
    }

    /** The unit's command and environment, with the built distribution for /opt/physlab and a fresh home for /var/lib/physlab. */
    @Test
    void itsCommandServesAndStopsCleanlyOnItsKillSignal() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("var-lib-physlab"));
        List<String> command = new ArrayList<>(Arrays.asList(localised(one("ExecStart"), home).split(" ")));
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile())
                .redirectOutput(tmp.resolve("unit.out").toFile()).redirectError(tmp.resolve("unit.err").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        pb.environment().remove("PHYSLAB_HOME");
        pb.environment().remove("JAVA_OPTS");
        for (String assignment : service.get("Environment")) {
            int eq = assignment.indexOf('=');
            pb.environment().put(assignment.substring(0, eq), localised(assignment.substring(eq + 1), home));
        }
        // Port 8080 may be taken on a build machine: any free port instead (the last -D wins).
        pb.environment().merge("JAVA_OPTS", "-Dphyslab.server.port=0", (a, b) -> a + " " + b);
        Process p = pb.start();
        try {
            String url = awaitUrl(p, tmp.resolve("unit.out"));
            assertTrue(url.startsWith("http://127.0.0.1:"), "loopback only: " + url);
            assertTrue(Files.isDirectory(home.resolve("db")), "the database lives in the home");
            assertTrue(Files.isDirectory(home.resolve("cache/javacpp")), "JavaCPP unpacked its natives into the home");
        } finally {
            p.destroy();     // SIGTERM, the unit's KillSignal
        }
        assertTrue(p.waitFor(Integer.parseInt(one("TimeoutStopSec")), TimeUnit.SECONDS), "stops within TimeoutStopSec");
        assertEquals(0, p.exitValue(), Files.readString(tmp.resolve("unit.err")));
    }

    @Test
    void systemdAnalyzeVerifiesIt() throws Exception {
        Path analyze = Stream.of("/usr/bin/systemd-analyze", "/bin/systemd-analyze").map(Path::of).filter(Files::isExecutable)
                .findFirst().orElse(null);
        Assumptions.assumeTrue(analyze != null, "systemd-analyze is not installed; the unit is checked without it");
        // The unit as installed, with the built distribution where it expects /opt/physlab (verify checks that it exists).
        Path unit = Files.createDirectories(tmp.resolve("units")).resolve("physlab.service");
        Files.writeString(unit, unitText.replace(INSTALL + "/bin/", DISTRIBUTION.toAbsolutePath() + "/bin/"));
        Process p = new ProcessBuilder(analyze.toString(), "verify", unit.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        assertEquals("", output.strip(), "no warnings");
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private String one(String key) {
        List<String> values = service.get(key);
        assertTrue(values != null && values.size() == 1, key + " once in [Service]: " + values);
        return values.get(0);
    }

    private String entry(String path) {
        return entries.stream().filter(e -> e.endsWith(" " + path)).findFirst()
                .orElseThrow(() -> new AssertionError(path + " is not in " + tarball));
    }

    private String localised(String value, Path home) {
        return value.replace(INSTALL, DISTRIBUTION.toAbsolutePath().toString()).replace(HOME, home.toString());
    }

    /** The settings of one section of a unit file, by key in file order; quotes around a value removed. */
    static Map<String, List<String>> section(String unit, String name) {
        Map<String, List<String>> settings = new LinkedHashMap<>();
        String current = null;
        for (String raw : unit.lines().toList()) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) continue;
            if (line.startsWith("[")) {
                current = line.substring(1, line.indexOf(']'));
                continue;
            }
            if (!name.equals(current)) continue;
            int eq = line.indexOf('=');
            String value = line.substring(eq + 1).strip();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) value = value.substring(1, value.length() - 1);
            settings.computeIfAbsent(line.substring(0, eq).strip(), k -> new ArrayList<>()).add(value);
        }
        return settings;
    }

    private static String tar(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tar"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "tar ended");
        assertEquals(0, p.exitValue(), command + ": " + out);
        return out;
    }

    private static String awaitUrl(Process p, Path out) throws Exception {
        Pattern url = Pattern.compile("Physlab serves (?:the web UI at )?(http://\\S+?)/?\\s");
        long deadline = System.nanoTime() + ServerProcess.START_PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = url.matcher(Files.readString(out));
            if (m.find()) return m.group(1);
            if (!p.isAlive()) throw new AssertionError("the unit's command ended with " + p.exitValue());
            Thread.sleep(100);
        }
        throw new AssertionError("the unit's command printed no URL within " + ServerProcess.START_PATIENCE);
    }
}
