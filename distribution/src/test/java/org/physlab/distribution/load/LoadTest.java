package org.physlab.distribution.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.physlab.distribution.ServerProcess;

/**
 * The load test of a Physlab server: starts the built distribution's {@code physlab serve} on a fresh
 * home with {@code physlab.runs.cpuSlots} slots, lets simulated users ({@link VirtualUser}) work at its
 * REST API for a while, launching small runs of the shipped plugins' real experiments so that every
 * slot stays busy, then waits for the last runs and checks that
 * <ul>
 *   <li>every request got the answer it should (2xx, or the 400/404 of a deliberate mistake);</li>
 *   <li>every run SUCCEEDED and stored exactly the metric series its experiment reported (the steps
 *       follow from its parameters, {@link Workload}), and every point a user read while the run was live
 *       is stored with the same value; no user saw a metric count go down;</li>
 *   <li>the server stops cleanly on SIGTERM with nothing on stderr but its home and "stopping";</li>
 * </ul>
 * and reports the response times per endpoint (p50, p95, p99, max). Loopback only; bounded in time
 * (the duration, at most 30 min, plus a bounded wait for the last runs) and in count (launches).
 *
 * <p>Run it with {@code distribution/loadtest.sh} (see its {@code --help}); {@code LoadIT} runs a
 * short version in {@code mvn verify}.
 */
public final class LoadTest {
    static final Duration MAX_DURATION = Duration.ofMinutes(30);

    /**
     * @param distribution the built distribution (its {@code bin/physlab})
     * @param home         a fresh home for the server (created)
     * @param logs         where the server's stdout and stderr go
     * @param duration     how long the users work (10 s … 30 min)
     * @param users        simulated users (1 … 200)
     * @param cpuSlots     the server's {@code physlab.runs.cpuSlots}: runs executing at once
     * @param queueDepth   queued runs the users keep waiting beyond the slots
     * @param thinkMillis  mean pause of a user between requests
     * @param maxLaunches  at most this many runs are launched
     * @param drainLimit   how long to wait for the last runs after the users stop
     * @param baseline     how long one user then works alone at the idle server, the baseline of the
     *                     latencies (0: none)
     * @param seed         the users' random choices
     */
    public record Settings(Path distribution, Path home, Path logs, Duration duration, int users, int cpuSlots, int queueDepth,
                           long thinkMillis, int maxLaunches, Duration drainLimit, Duration baseline, long seed) {
        public Settings {
            if (!Files.isExecutable(distribution.resolve("bin/physlab"))) {
                throw new IllegalArgumentException("no distribution at " + distribution + " (no executable bin/physlab): build it"
                        + " with mvn -B -q package -DskipTests");
            }
            if (duration.compareTo(Duration.ofSeconds(10)) < 0 || duration.compareTo(MAX_DURATION) > 0) {
                throw new IllegalArgumentException("the duration must be between 10 s and " + MAX_DURATION.toMinutes()
                        + " min, got " + duration.toSeconds() + " s");
            }
            requireRange("users", users, 1, 200);
            requireRange("cpu slots", cpuSlots, 1, 256);
            requireRange("queue depth", queueDepth, 0, 1000);
            requireRange("think time (ms)", thinkMillis, 0, 60_000);
            requireRange("launch limit", maxLaunches, 1, 100_000);
            if (drainLimit.isNegative() || drainLimit.compareTo(MAX_DURATION) > 0) {
                throw new IllegalArgumentException("the drain limit must be between 0 and 30 min, got " + drainLimit);
            }
            if (baseline.isNegative() || baseline.compareTo(Duration.ofMinutes(5)) > 0) {
                throw new IllegalArgumentException("the baseline must be between 0 and 5 min, got " + baseline);
            }
        }

        private static void requireRange(String what, long value, long min, long max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(what + " must be between " + min + " and " + max + ", got " + value);
            }
        }
    }

    /** What a load test measured and found. */
    public record Result(Settings settings, double loadSeconds, double drainSeconds, List<Latencies.Row> latencies,
                         int requests, int deliberateErrors, Map<Workload, Integer> launched, int succeeded,
                         int series, long pointsChecked, long livePointsChecked, int maxExecuting, double meanExecuting,
                         List<String> failures, List<String> problems, String loadBefore, String loadAfter,
                         List<Latencies.Row> baselineLatencies) {

        /** No request failed and nothing was lost or inconsistent. */
        public boolean passed() {
            return failures.isEmpty() && problems.isEmpty();
        }

        public int runs() {
            return launched.values().stream().mapToInt(Integer::intValue).sum();
        }

        public String report() {
            StringBuilder b = new StringBuilder();
            Settings s = settings;
            b.append(String.format(Locale.ROOT, "Physlab load test: %d users for %.0f s (then %.0f s until the last run ended),"
                    + " physlab.runs.cpuSlots=%d, think time %d ms%n", s.users(), loadSeconds, drainSeconds, s.cpuSlots(),
                    s.thinkMillis()));
            b.append("machine: ").append(machine()).append("; load average before ").append(loadBefore).append(", after ")
                    .append(loadAfter).append('\n');
            b.append(String.format(Locale.ROOT, "runs: %d launched (%s), %d SUCCEEDED; executing at once: max %d, mean %.1f"
                    + " (sampled by GET /api/queue)%n", runs(), launchedText(), succeeded, maxExecuting, meanExecuting));
            b.append(String.format(Locale.ROOT, "metrics: %d series, %d points checked against the experiments' steps; %d points"
                    + " read live re-checked%n", series, pointsChecked, livePointsChecked));
            b.append(String.format(Locale.ROOT, "requests: %d in %.0f s (%.1f/s); failed: %d; deliberate 400/404 answered as"
                    + " expected: %d%n", requests, loadSeconds, requests / Math.max(1e-9, loadSeconds), failures.size(),
                    deliberateErrors));
            if (!baselineLatencies.isEmpty()) {
                b.append(String.format(Locale.ROOT, "baseline: 1 user alone for %d s at the idle server afterwards (no run executing);"
                        + " x: p99 under load / p99 at the baseline%n", s.baseline().toSeconds()));
            }
            b.append(Latencies.table(latencies, baselineLatencies));
            int shown = 0;
            for (String f : failures) {
                if (shown++ == 20) {
                    b.append("… ").append(failures.size() - 20).append(" more failed requests\n");
                    break;
                }
                b.append("FAILED REQUEST ").append(f).append('\n');
            }
            shown = 0;
            for (String p : problems) {
                if (shown++ == 40) {
                    b.append("… ").append(problems.size() - 40).append(" more problems\n");
                    break;
                }
                b.append("PROBLEM ").append(p).append('\n');
            }
            b.append(passed() ? "PASSED: no failed request, no lost metric\n" : "FAILED\n");
            return b.toString();
        }

        private String launchedText() {
            List<String> parts = new ArrayList<>();
            launched.forEach((w, n) -> parts.add(w.experiment + " " + n));
            return String.join(", ", parts);
        }
    }

    private LoadTest() { }

    /** Runs a load test as set; progress lines go to {@code log}. */
    public static Result run(Settings s, PrintStream log) throws IOException, InterruptedException {
        String loadBefore = loadAverage();
        Files.createDirectories(s.home().resolve("conf"));
        Files.writeString(s.home().resolve("conf/physlab.properties"),
                "# written by the load test\nphyslab.runs.cpuSlots=" + s.cpuSlots() + "\n", StandardCharsets.UTF_8);
        log.println("starting physlab serve on " + s.home());
        ServerProcess server = ServerProcess.start(s.distribution(), s.home(), s.logs(), "serve");
        log.println("server at " + server.url() + " (pid " + server.pid() + ")");

        ApiClient.Tally tally = new ApiClient.Tally();
        ApiClient.Tally baselineTally = new ApiClient.Tally();
        RunLedger ledger = new RunLedger();
        List<String> problems = new ArrayList<>();
        ApiClient checker = new ApiClient(server.url(), tally, false);
        double loadSeconds = 0;
        double drainSeconds = 0;
        String loadAfter = "?";
        Stats executing = new Stats();
        long[] checked = new long[3];
        boolean stopped = false;
        try {
            JsonNode experiments = checker.get("GET /api/experiments", "/api/experiments");
            Set<String> offered = new HashSet<>();
            if (experiments != null) experiments.forEach(e -> offered.add(e.path("id").asText()));
            for (Workload w : Workload.values()) {
                if (!offered.contains(w.experiment)) {
                    throw new IllegalStateException("the server offers no " + w.experiment + " (plugins of " + s.distribution()
                            + "/plugins?); it offers " + offered);
                }
            }

            long start = System.nanoTime();
            long deadline = start + s.duration().toNanos();
            Shared shared = new Shared(ledger, s.cpuSlots() + s.queueDepth(), s.maxLaunches(), executing);
            ExecutorService users = Executors.newFixedThreadPool(s.users(), r -> {
                Thread t = new Thread(r, "load-user");
                t.setDaemon(true);
                return t;
            });
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "load-progress");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(() -> log.printf(Locale.ROOT, "%4.0f s: %d requests, %d failed, %d runs launched, %d"
                            + " active, executing max %d%n", (System.nanoTime() - start) / 1e9, tally.latencies.total(),
                    tally.failures.size(), ledger.all().size(), ledger.active(), executing.max()), 15, 15, TimeUnit.SECONDS);
            for (int i = 0; i < s.users(); i++) {
                String name = String.format(Locale.ROOT, "load-user-%02d", i + 1);
                users.execute(new VirtualUser(name, new ApiClient(server.url(), tally, true), shared, s.seed() * 1000 + i,
                        deadline, s.thinkMillis()));
            }
            users.shutdown();
            long patience = s.duration().toSeconds() + ApiClient.REQUEST_TIMEOUT.toSeconds() + 60;
            if (!users.awaitTermination(patience, TimeUnit.SECONDS)) {
                users.shutdownNow();
                problems.add("the users did not finish within " + patience + " s");
            }
            ticker.shutdownNow();
            loadSeconds = (System.nanoTime() - start) / 1e9;

            loadAfter = loadAverage();
            log.println("users done; waiting for " + ledger.active() + " runs to end");
            long drainStart = System.nanoTime();
            drain(checker, ledger, s.drainLimit(), problems);
            drainSeconds = (System.nanoTime() - drainStart) / 1e9;

            log.println("checking " + ledger.all().size() + " runs");
            for (RunLedger.Run run : ledger.all()) verify(checker, run, problems, checked);

            if (!s.baseline().isZero()) {
                log.println("baseline: one user alone for " + s.baseline().toSeconds() + " s");
                Thread alone = new Thread(new VirtualUser("load-user-baseline", new ApiClient(server.url(), baselineTally, true),
                        new Shared(ledger, 0, 0, new Stats()), s.seed() * 1000 + 999, System.nanoTime() + s.baseline().toNanos(),
                        s.thinkMillis()), "load-baseline");
                alone.start();
                alone.join(s.baseline().toMillis() + ApiClient.REQUEST_TIMEOUT.toMillis() + 10_000);
            }
        } finally {
            if (server.isAlive()) {
                int exit = server.stop();
                stopped = true;
                if (exit != 0) problems.add("physlab serve exited with " + exit + " on SIGTERM");
            }
            for (String line : server.unexpectedErrLines()) problems.add("server stderr: " + line);
        }
        if (!stopped) problems.add("physlab serve ended before the load test stopped it");

        problems.addAll(ledger.problems);
        Map<Workload, Integer> launched = new EnumMap<>(Workload.class);
        int succeeded = 0;
        for (RunLedger.Run run : ledger.all()) {
            launched.merge(run.workload, 1, Integer::sum);
            if (run.status.equals("SUCCEEDED")) succeeded++;
        }
        List<String> failures = java.util.stream.Stream.concat(tally.failures.stream(), baselineTally.failures.stream())
                .map(Object::toString).toList();
        return new Result(s, loadSeconds, drainSeconds, tally.latencies.rows(), tally.latencies.total(), tally.deliberate.get(),
                launched, succeeded, (int) checked[0], checked[1], checked[2], executing.max(), executing.mean(), failures,
                problems, loadBefore, loadAfter, baselineTally.latencies.total() == 0 ? List.of() : baselineTally.latencies.rows());
    }

    /** Polls the runs that have not ended until they do, or the limit passes. */
    private static void drain(ApiClient api, RunLedger ledger, Duration limit, List<String> problems) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            List<RunLedger.Run> open = ledger.all().stream().filter(r -> !r.ended()).toList();
            if (open.isEmpty()) return;
            for (RunLedger.Run run : open) ledger.observe("load-test", api.get("GET /api/runs/{id}", "/api/runs/" + run.id));
            if (System.nanoTime() > deadline) {
                for (RunLedger.Run run : open) {
                    if (!run.ended()) problems.add("run " + run.id + " (" + run.workload.experiment + ") still " + run.status
                            + " " + limit.toSeconds() + " s after the users stopped");
                }
                return;
            }
            Thread.sleep(500);
        }
    }

    /**
     * Checks one run against what its experiment reported: SUCCEEDED, exactly the expected series (keys,
     * counts, steps), every live-read point unchanged, its artifacts, and its closing log line.
     *
     * @param checked series, points and live points checked, added to
     */
    static void verify(ApiClient api, RunLedger.Run run, List<String> problems, long[] checked) {
        String where = "run " + run.id + " (" + run.workload.experiment + ")";
        JsonNode view = api.get("GET /api/runs/{id}", "/api/runs/" + run.id);
        if (view == null) return;
        run.status = view.path("status").asText();
        if (!run.status.equals("SUCCEEDED")) {
            problems.add(where + " ended " + run.status + ": " + view.path("error").asText());
            return;
        }
        Map<String, List<Long>> expected;
        try {
            expected = run.workload.expectedSteps(view.path("parameters"), view.path("summary"));
        } catch (RuntimeException e) {
            problems.add(where + ": " + e.getMessage());
            return;
        }
        JsonNode metrics = api.get("GET /api/runs/{id}/metrics", "/api/runs/" + run.id + "/metrics");
        if (metrics == null) return;
        Set<String> keys = new java.util.TreeSet<>();
        metrics.path("keys").forEach(k -> keys.add(k.asText()));
        if (!keys.equals(new java.util.TreeSet<>(expected.keySet()))) {
            problems.add(where + " stored the metrics " + keys + ", its experiment reported " + new java.util.TreeSet<>(expected.keySet()));
        }
        for (JsonNode stat : metrics.path("stats")) {
            List<Long> steps = expected.get(stat.path("key").asText());
            if (steps != null && stat.path("count").asLong() != steps.size()) {
                problems.add(where + ": metric '" + stat.path("key").asText() + "' counts " + stat.path("count").asLong()
                        + " points, the experiment reported " + steps.size());
            }
        }
        for (Map.Entry<String, List<Long>> e : expected.entrySet()) {
            if (!keys.contains(e.getKey())) continue;
            TreeMap<Long, Double> stored = readSeries(api, run.id, e.getKey());
            if (stored == null) return;
            checked[0]++;
            checked[1] += stored.size();
            List<Long> storedSteps = new ArrayList<>(stored.keySet());
            if (!storedSteps.equals(e.getValue())) {
                problems.add(where + ": metric '" + e.getKey() + "' has " + storedSteps.size() + " points, the experiment reported "
                        + e.getValue().size() + "; " + firstDifference(storedSteps, e.getValue()));
            }
            TreeMap<Long, Double> seen;
            synchronized (run.seen) {
                seen = new TreeMap<>(run.seen.getOrDefault(e.getKey(), new TreeMap<>()));
            }
            for (Map.Entry<Long, Double> p : seen.entrySet()) {
                checked[2]++;
                Double now = stored.get(p.getKey());
                if (now == null || Double.compare(now, p.getValue()) != 0) {
                    problems.add(where + ": metric '" + e.getKey() + "' step " + p.getKey() + " was read live as " + p.getValue()
                            + " and is stored as " + now);
                }
            }
        }
        JsonNode artifacts = api.get("GET /api/runs/{id}/artifacts", "/api/runs/" + run.id + "/artifacts");
        if (artifacts != null) {
            Set<String> names = new HashSet<>();
            artifacts.forEach(a -> names.add(a.path("name").asText()));
            for (String name : run.workload.artifacts) {
                if (!names.contains(name)) problems.add(where + " has no artifact '" + name + "' (it has " + names + ")");
            }
        }
        JsonNode logs = api.get("GET /api/runs/{id}/logs", "/api/runs/" + run.id + "/logs?limit=10000");
        if (logs != null) {
            JsonNode lines = logs.path("lines");
            String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1).path("message").asText();
            if (!last.equals("run ended SUCCEEDED")) problems.add(where + ": its last log line is '" + last + "'");
        }
    }

    /** A whole series, page by page. */
    private static TreeMap<Long, Double> readSeries(ApiClient api, String runId, String key) {
        TreeMap<Long, Double> points = new TreeMap<>();
        Long after = null;
        while (true) {
            JsonNode page = api.get("GET /api/runs/{id}/metrics/{key}?after=", "/api/runs/" + runId + "/metrics/" + key
                    + "?limit=100000" + (after == null ? "" : "&after=" + after));
            if (page == null) return null;
            JsonNode steps = page.path("steps");
            JsonNode values = page.path("values");
            for (int i = 0; i < steps.size(); i++) points.put(steps.get(i).asLong(), values.get(i).asDouble());
            if (!page.path("hasMore").asBoolean()) return points;
            after = page.path("nextAfter").asLong();
        }
    }

    private static String firstDifference(List<Long> stored, List<Long> expected) {
        for (int i = 0; i < Math.min(stored.size(), expected.size()); i++) {
            if (!stored.get(i).equals(expected.get(i))) {
                return "first difference at index " + i + ": stored step " + stored.get(i) + ", reported " + expected.get(i);
            }
        }
        return stored.size() < expected.size() ? "missing from step " + expected.get(stored.size())
                : "extra from step " + stored.get(expected.size());
    }

    /** Launch reservations and the executing-runs samples. */
    private static final class Shared implements VirtualUser.Shared {
        private final RunLedger ledger;
        private final int maxActive;
        private final int maxLaunches;
        private final Stats executing;
        private int reserved;
        private int turn;

        Shared(RunLedger ledger, int maxActive, int maxLaunches, Stats executing) {
            this.ledger = ledger;
            this.maxActive = maxActive;
            this.maxLaunches = maxLaunches;
            this.executing = executing;
        }

        @Override
        public RunLedger ledger() {
            return ledger;
        }

        @Override
        public synchronized Workload reserveLaunch() {
            if (ledger.active() + reserved >= maxActive || ledger.all().size() + reserved >= maxLaunches) return null;
            reserved++;
            return Workload.values()[turn++ % Workload.values().length];
        }

        @Override
        public synchronized void releaseLaunch() {
            reserved--;
        }

        @Override
        public void executing(int runs) {
            executing.add(runs);
        }
    }

    /** Count, sum and maximum of samples. */
    private static final class Stats {
        private final AtomicInteger max = new AtomicInteger();
        private final AtomicLong sum = new AtomicLong();
        private final AtomicLong count = new AtomicLong();

        void add(int v) {
            max.accumulateAndGet(v, Math::max);
            sum.addAndGet(v);
            count.incrementAndGet();
        }

        int max() {
            return max.get();
        }

        double mean() {
            return count.get() == 0 ? Double.NaN : sum.get() / (double) count.get();
        }
    }

    /** The 1, 5 and 15 minute load averages (other work on the machine shows in the latencies). */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /** The processor count and model, as the report names the machine. */
    static String machine() {
        String model = "";
        try {
            model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("");
        } catch (IOException | RuntimeException e) {
            // not Linux: the count alone
        }
        return Runtime.getRuntime().availableProcessors() + " cores" + (model.isEmpty() ? "" : " (" + model + ")") + ", Java "
                + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch");
    }

    // ---- command line ----------------------------------------------------------------------------------

    static final String USAGE = """
            usage: loadtest.sh [--duration SECONDS] [--users N] [--slots N] [--queue-depth N] [--think-ms MS]
                               [--max-runs N] [--drain-seconds S] [--baseline-seconds S] [--seed N]
                               [--distribution DIR] [--home DIR]
              Starts DIR/bin/physlab serve (default distribution/target/physlab) on a fresh home (default a new
              temporary folder, kept with the server's logs), lets N users (default 20) work at its REST API for
              the duration (default 300 s, at most 1800), launching small runs of the shipped experiments to keep
              --slots runs (physlab.runs.cpuSlots, default 8) executing and --queue-depth (default 4) waiting,
              then checks every answer and every run's metrics, lets one user work alone at the idle server
              for --baseline-seconds (default 30) and prints the latencies under load beside that baseline.
              Exit 0 if nothing failed.
            """;

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                System.out.print(USAGE);
                return;
            }
            if (!a.startsWith("--")) usage("unexpected argument '" + a + "'");
            String value;
            int eq = a.indexOf('=');
            if (eq > 0) {
                value = a.substring(eq + 1);
                a = a.substring(0, eq);
            } else {
                if (i + 1 == args.length) usage(a + " needs a value");
                value = args[++i];
            }
            o.put(a.substring(2), value);
        }
        Set<String> known = Set.of("duration", "users", "slots", "queue-depth", "think-ms", "max-runs", "drain-seconds", "baseline-seconds", "seed",
                "distribution", "home");
        for (String k : o.keySet()) if (!known.contains(k)) usage("unknown option --" + k);
        Settings settings;
        try {
            Path home = o.containsKey("home") ? Path.of(o.get("home")) : Files.createTempDirectory("physlab-load-");
            if (Files.exists(home.resolve("db"))) usage("the home " + home + " has a database already; give a fresh one");
            settings = new Settings(Path.of(o.getOrDefault("distribution", "distribution/target/physlab")).toAbsolutePath(),
                    home, home.resolve("logs"), Duration.ofSeconds(number(o, "duration", 300)), (int) number(o, "users", 20),
                    (int) number(o, "slots", 8), (int) number(o, "queue-depth", 4), number(o, "think-ms", 250),
                    (int) number(o, "max-runs", 5000), Duration.ofSeconds(number(o, "drain-seconds", 600)),
                    Duration.ofSeconds(number(o, "baseline-seconds", 30)),
                    number(o, "seed", 1));
        } catch (IllegalArgumentException e) {
            usage(e.getMessage());
            return;
        }
        Result result = run(settings, System.err);
        System.out.print(result.report());
        System.err.println("home and server logs: " + settings.home());
        System.exit(result.passed() ? 0 : 1);
    }

    private static long number(Map<String, String> o, String key, long fallback) {
        String v = o.get(key);
        if (v == null) return fallback;
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " needs a whole number, got '" + v + "'");
        }
    }

    private static void usage(String problem) {
        System.err.println("loadtest: " + problem);
        System.err.print(USAGE);
        System.exit(2);
    }
}
