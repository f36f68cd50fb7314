package org.physlab.distribution.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The runs the simulated users launched, what they saw of them while they ran (statuses, metric counts,
 * the metric points read by tailing a series), and every inconsistency noticed on the way: a metric
 * count that went down, a point that changed its value, a tail page out of order.
 */
final class RunLedger {
    private static final Set<String> TERMINAL = Set.of("SUCCEEDED", "FAILED", "CANCELLED", "INTERRUPTED");

    /** One launched run. */
    static final class Run {
        final String id;
        final Workload workload;
        final String user;
        volatile String status;
        /** Points read while the run was live, by key and step. Guarded by itself. */
        final Map<String, TreeMap<Long, Double>> seen = new TreeMap<>();
        /** The last status each user saw. */
        final Map<String, String> statusSeenBy = new ConcurrentHashMap<>();
        /** The last point count of each key that each user saw in the run's metric statistics, by "user/key". */
        final Map<String, Long> counts = new ConcurrentHashMap<>();

        Run(String id, Workload workload, String user, String status) {
            this.id = id;
            this.workload = workload;
            this.user = user;
            this.status = status;
        }

        boolean ended() {
            return TERMINAL.contains(status);
        }

        /** The step after which a tail of {@code key} reads on (the last one seen), or null from the start. */
        Long tailAfter(String key) {
            synchronized (seen) {
                TreeMap<Long, Double> points = seen.get(key);
                return points == null || points.isEmpty() ? null : points.lastKey();
            }
        }

        int seenPoints() {
            synchronized (seen) {
                return seen.values().stream().mapToInt(TreeMap::size).sum();
            }
        }
    }

    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final List<Run> order = new ArrayList<>();
    final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();

    void launched(Run run) {
        runs.put(run.id, run);
        synchronized (order) {
            order.add(run);
        }
    }

    List<Run> all() {
        synchronized (order) {
            return List.copyOf(order);
        }
    }

    int active() {
        int n = 0;
        for (Run r : all()) if (!r.ended()) n++;
        return n;
    }

    /** A run still running or queued as far as the users know, or any run if none is, or null. */
    Run pickActive(SplittableRandom random) {
        List<Run> active = all().stream().filter(r -> !r.ended()).toList();
        if (!active.isEmpty()) return active.get(random.nextInt(active.size()));
        return pickAny(random);
    }

    /** One of the 50 newest runs, or null before the first launch. */
    Run pickAny(SplittableRandom random) {
        List<Run> all = all();
        if (all.isEmpty()) return null;
        int from = Math.max(0, all.size() - 50);
        return all.get(from + random.nextInt(all.size() - from));
    }

    /**
     * Notes the status of a run view from an answer to one user (a list page, one run). The run counts as
     * ended once anyone saw it end. A status must not go back from an end to RUNNING or QUEUED between two
     * reads of the same user (whose requests follow one another; two users' answers may arrive in either
     * order).
     */
    void observe(String user, JsonNode view) {
        if (view == null || !view.hasNonNull("id")) return;
        Run run = runs.get(view.get("id").asText());
        if (run == null) return;
        String status = view.path("status").asText();
        String before = run.statusSeenBy.put(user, status);
        if (before != null && TERMINAL.contains(before) && !status.equals(before)) {
            problems.add("run " + run.id + " was " + before + " and then " + status + " (read by " + user + ")");
        }
        synchronized (run) {
            if (!run.ended()) run.status = status;
        }
    }

    /**
     * Notes the metric statistics of a run as one user read them: a key's point count must never go down
     * between two reads of the same user (whose requests follow one another, so the second began after
     * the first was answered; two users' answers may arrive in either order).
     */
    void observeStats(String user, Run run, JsonNode stats) {
        if (stats == null) return;
        for (JsonNode s : stats) {
            String key = s.path("key").asText();
            long count = s.path("count").asLong();
            Long before = run.counts.put(user + "/" + key, count);
            if (before != null && before > count) {
                problems.add("run " + run.id + ": metric '" + key + "' had " + before + " points and then " + count
                        + " (read by " + user + ")");
            }
        }
    }

    /**
     * Notes a page of a series read by tail ({@code after}): steps must ascend past {@code after}, and a
     * point seen before must keep its value.
     */
    void observeTail(Run run, String key, Long after, JsonNode page) {
        if (page == null) return;
        JsonNode steps = page.path("steps");
        JsonNode values = page.path("values");
        long previous = after == null ? Long.MIN_VALUE : after;
        synchronized (run.seen) {
            TreeMap<Long, Double> points = run.seen.computeIfAbsent(key, k -> new TreeMap<>());
            for (int i = 0; i < steps.size(); i++) {
                long step = steps.get(i).asLong();
                double value = values.get(i).asDouble();
                if (step <= previous) {
                    problems.add("run " + run.id + ": metric '" + key + "' page after " + after + " has step " + step
                            + " after step " + previous);
                }
                previous = step;
                Double old = points.put(step, value);
                if (old != null && Double.compare(old, value) != 0) {
                    problems.add("run " + run.id + ": metric '" + key + "' step " + step + " was " + old + " and then " + value);
                }
            }
        }
    }
}
