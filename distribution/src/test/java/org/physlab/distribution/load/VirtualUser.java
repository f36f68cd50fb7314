package org.physlab.distribution.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One simulated scientist at the REST API, doing what the web UI and scripts do, one request after the
 * other with a pause between them: browsing the run list, opening runs, following their metrics (the
 * keys and statistics, the live tail of a series, a chart's thinned series), their logs and
 * artifacts, looking at the queue, and launching small runs of real experiments, with now and then
 * a deliberate mistake (invalid parameters: 400; an unknown run: 404).
 */
final class VirtualUser implements Runnable {
    /** What the users share: where to launch, how many runs may wait, the record of everything. */
    interface Shared {
        RunLedger ledger();

        /**
         * Reserves a launch if fewer than slots + queue depth runs are active and the launch budget lasts.
         *
         * @return the workload to launch (in turn, so every experiment runs as often), or null for none now
         */
        Workload reserveLaunch();

        void releaseLaunch();

        /** Notes how many runs the server executes at once (from {@code GET /api/queue}). */
        void executing(int runs);
    }

    private final String name;
    private final ApiClient api;
    private final Shared shared;
    private final SplittableRandom random;
    private final long deadlineNanos;
    private final long thinkMillis;

    VirtualUser(String name, ApiClient api, Shared shared, long seed, long deadlineNanos, long thinkMillis) {
        this.name = name;
        this.api = api;
        this.shared = shared;
        this.random = new SplittableRandom(seed);
        this.deadlineNanos = deadlineNanos;
        this.thinkMillis = thinkMillis;
    }

    @Override
    public void run() {
        try {
            while (System.nanoTime() < deadlineNanos && !Thread.currentThread().isInterrupted()) {
                act(random.nextDouble());
                long pause = thinkMillis <= 0 ? 0 : Math.round(thinkMillis * (0.5 + random.nextDouble()));
                long left = (deadlineNanos - System.nanoTime()) / 1_000_000;
                if (pause > 0 && left > 0) Thread.sleep(Math.min(pause, left));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            shared.ledger().problems.add(name + " stopped on " + e);
        }
    }

    private void act(double x) {
        if ((x -= 0.10) < 0) launch();
        else if ((x -= 0.01) < 0) launchInvalid();
        else if ((x -= 0.01) < 0) unknownRun();
        else if ((x -= 0.20) < 0) listRuns();
        else if ((x -= 0.17) < 0) openRun();
        else if ((x -= 0.15) < 0) metricStats();
        else if ((x -= 0.12) < 0) tailMetric();
        else if ((x -= 0.08) < 0) chartMetric();
        else if ((x -= 0.08) < 0) queue();
        else if ((x -= 0.03) < 0) logs();
        else if ((x -= 0.03) < 0) artifacts();
        else experiments();
    }

    private void launch() {
        Workload workload = shared.reserveLaunch();
        if (workload == null) {
            listRuns();
            return;
        }
        try {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("experiment", workload.experiment);
            body.put("parameters", workload.parameters(random));
            body.put("seed", random.nextLong(1, 1L << 52));
            body.put("tags", List.of("load"));
            body.put("user", name);
            JsonNode run = api.post("POST /api/runs", "/api/runs", body, 201);
            if (run != null) {
                shared.ledger().launched(new RunLedger.Run(run.get("id").asText(), workload, name, run.get("status").asText()));
            }
        } finally {
            shared.releaseLaunch();
        }
    }

    private void launchInvalid() {
        Map<String, Object> body = Map.of("experiment", Workload.RELAX.experiment, "parameters", Map.of("steps", -5),
                "user", name);
        JsonNode answer;
        try {
            answer = api.deliberate("POST /api/runs (invalid: 400)", HttpRequest.newBuilder(api.uri("/api/runs"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(ApiClient.JSON.writeValueAsString(body))), 400);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        if (answer != null && !answer.toString().contains("steps")) {
            shared.ledger().problems.add("the 400 for steps=-5 does not name the parameter: " + answer);
        }
    }

    private void unknownRun() {
        api.deliberate("GET /api/runs/{unknown} (404)", HttpRequest.newBuilder(api.uri("/api/runs/nosuchrun-" + random.nextInt(1000)))
                .GET(), 404);
    }

    private void listRuns() {
        String query = switch (random.nextInt(4)) {
            case 0 -> "?limit=20";
            case 1 -> "?status=RUNNING&limit=20";
            case 2 -> "?experiment=" + Workload.values()[random.nextInt(Workload.values().length)].experiment + "&limit=20";
            default -> "?tag=load&offset=" + random.nextInt(3) * 20 + "&limit=20";
        };
        JsonNode page = api.get("GET /api/runs", "/api/runs" + query);
        if (page != null) page.path("runs").forEach(r -> shared.ledger().observe(name, r));
    }

    private void openRun() {
        RunLedger.Run run = shared.ledger().pickActive(random);
        if (run == null) {
            listRuns();
            return;
        }
        shared.ledger().observe(name, api.get("GET /api/runs/{id}", "/api/runs/" + run.id));
    }

    private JsonNode metricStats(RunLedger.Run run) {
        JsonNode m = api.get("GET /api/runs/{id}/metrics", "/api/runs/" + run.id + "/metrics");
        if (m != null) shared.ledger().observeStats(name, run, m.path("stats"));
        return m;
    }

    private void metricStats() {
        RunLedger.Run run = shared.ledger().pickActive(random);
        if (run == null) {
            listRuns();
            return;
        }
        metricStats(run);
    }

    /** Follows a series as a live chart does: the points after the last one seen. */
    private void tailMetric() {
        RunLedger.Run run = shared.ledger().pickActive(random);
        if (run == null) {
            listRuns();
            return;
        }
        JsonNode m = metricStats(run);
        if (m == null || m.path("keys").isEmpty()) return;
        List<String> keys = new ArrayList<>();
        m.path("keys").forEach(k -> keys.add(k.asText()));
        String key = keys.get(random.nextInt(keys.size()));
        Long after = run.tailAfter(key);
        JsonNode page = api.get("GET /api/runs/{id}/metrics/{key}?after=",
                "/api/runs/" + run.id + "/metrics/" + encode(key) + "?limit=1000" + (after == null ? "" : "&after=" + after));
        shared.ledger().observeTail(run, key, after, page);
    }

    /** A chart of a whole series, thinned to a few hundred points. */
    private void chartMetric() {
        RunLedger.Run run = shared.ledger().pickAny(random);
        if (run == null || run.workload == Workload.RESPONSE) {
            queue();
            return;
        }
        String key = switch (run.workload) {
            case RELAX -> "energy";
            case CURVE_MLP -> "loss";
            default -> random.nextBoolean() ? "detF" : "valDetF";
        };
        if (!run.ended() && run.counts.keySet().stream().noneMatch(k -> k.endsWith("/" + key))) {
            metricStats(run);   // its series may not exist yet: ask for the keys first, as the UI does
            return;
        }
        api.get("GET /api/runs/{id}/metrics/{key}?maxPoints=", "/api/runs/" + run.id + "/metrics/" + key + "?maxPoints=300");
    }

    private void queue() {
        JsonNode q = api.get("GET /api/queue", "/api/queue");
        if (q != null) shared.executing(q.path("running").size());
    }

    private void logs() {
        RunLedger.Run run = shared.ledger().pickAny(random);
        if (run == null) {
            queue();
            return;
        }
        api.get("GET /api/runs/{id}/logs", "/api/runs/" + run.id + "/logs");
    }

    private void artifacts() {
        RunLedger.Run run = shared.ledger().pickAny(random);
        if (run == null) {
            queue();
            return;
        }
        api.get("GET /api/runs/{id}/artifacts", "/api/runs/" + run.id + "/artifacts");
    }

    private void experiments() {
        api.get("GET /api/experiments", "/api/experiments");
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
