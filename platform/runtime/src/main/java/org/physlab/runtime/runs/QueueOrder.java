package org.physlab.runtime.runs;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The one function that orders the run queue: the scheduler starts runs by it, and the REST API, the
 * CLI and the web UI show positions from it.
 *
 * <p>Fair share between users, then priority, then first in first out. The next run comes from the
 * user with the fewest runs executing; of users with as many, the one served least recently (whose last
 * run started longest ago; never served first), then the one whose waiting run was queued first. Of
 * that user's runs, the highest priority goes first, and of equal priorities the oldest. Then the user
 * counts as running one more run and as served just now, and the next is chosen the same way. So one
 * user's fifty queued runs alternate with another user's single run instead of starving it, and a
 * priority reorders a user's own runs only, never another user's.
 *
 * <p>Slots decide which of the ordered runs start now: walking the order, a run starts if a CPU slot
 * is free, its user is below the per-user cap, and (a GPU run) a GPU slot is free; otherwise it waits
 * and the walk goes on, so a capped user's runs do not hold up others.
 */
public final class QueueOrder {

    private QueueOrder() { }

    /**
     * A queued run.
     *
     * @param queueOrder increases with the time the run was queued
     * @param gpu        whether the run needs a GPU slot
     */
    public record Waiting(String runId, String user, int priority, long queueOrder, boolean gpu) {
        public Waiting {
            Objects.requireNonNull(runId, "runId");
            user = user == null ? "" : user;
        }
    }

    /** An executing run: whose it is, and whether it holds a GPU slot. */
    public record Running(String runId, String user, boolean gpu) {
        public Running {
            Objects.requireNonNull(runId, "runId");
            user = user == null ? "" : user;
        }
    }

    /**
     * How many runs execute at once.
     *
     * @param cpuSlots   runs executing at once in all
     * @param gpuSlots   GPU runs executing at once
     * @param perUserCap runs of one user executing at once; 0 for no cap
     */
    public record Slots(int cpuSlots, int gpuSlots, int perUserCap) {
        public Slots {
            if (cpuSlots < 1) throw new IllegalArgumentException("cpuSlots must be at least 1, got " + cpuSlots);
            if (gpuSlots < 1) throw new IllegalArgumentException("gpuSlots must be at least 1, got " + gpuSlots);
            if (perUserCap < 0) throw new IllegalArgumentException("perUserCap must be 0 (no cap) or more, got " + perUserCap);
        }
    }

    /**
     * A queued run's place.
     *
     * @param position   1 for the next run to start
     * @param startsNow  whether the slots let it start now
     * @param waitingFor why it waits ("a CPU slot", "a GPU slot", "the per-user cap of 2"); null if it starts now
     */
    public record Place(Waiting run, int position, boolean startsNow, String waitingFor) { }

    /**
     * Orders the queued runs and says which of them start now.
     *
     * @param lastStart when each user's last run started; users absent were never served
     */
    public static List<Place> plan(Collection<Waiting> waiting, Collection<Running> running,
                                   Map<String, Instant> lastStart, Slots slots) {
        List<Waiting> order = order(waiting, running, lastStart);
        int busy = running.size();
        int busyGpu = (int) running.stream().filter(Running::gpu).count();
        Map<String, Integer> perUser = runningByUser(running);
        List<Place> places = new ArrayList<>(order.size());
        for (int i = 0; i < order.size(); i++) {
            Waiting w = order.get(i);
            String waitingFor = null;
            if (busy >= slots.cpuSlots()) {
                waitingFor = "a CPU slot";
            } else if (slots.perUserCap() > 0 && perUser.getOrDefault(w.user(), 0) >= slots.perUserCap()) {
                waitingFor = "the per-user cap of " + slots.perUserCap();
            } else if (w.gpu() && busyGpu >= slots.gpuSlots()) {
                waitingFor = "a GPU slot";
            }
            if (waitingFor == null) {
                busy++;
                if (w.gpu()) busyGpu++;
                perUser.merge(w.user(), 1, Integer::sum);
            }
            places.add(new Place(w, i + 1, waitingFor == null, waitingFor));
        }
        return places;
    }

    /** The queued runs in the order they start (fair share, then priority, then first in first out). */
    public static List<Waiting> order(Collection<Waiting> waiting, Collection<Running> running,
                                      Map<String, Instant> lastStart) {
        Comparator<Waiting> withinUser = Comparator.comparingInt(Waiting::priority).reversed()
                .thenComparingLong(Waiting::queueOrder).thenComparing(Waiting::runId);
        Map<String, Deque<Waiting>> byUser = new TreeMap<>();
        waiting.stream().sorted(withinUser).forEach(w -> byUser.computeIfAbsent(w.user(), u -> new ArrayDeque<>()).add(w));

        Map<String, Integer> runs = runningByUser(running);
        // Service times as ticks: users' real last starts in their order, then each simulated start one tick later.
        Map<String, Long> served = new HashMap<>();
        List<Map.Entry<String, Instant>> starts = new ArrayList<>(lastStart.entrySet());
        starts.removeIf(e -> e.getValue() == null);
        starts.sort(Map.Entry.comparingByValue());
        long tick = 0;
        Instant previous = null;
        for (Map.Entry<String, Instant> e : starts) {
            if (!e.getValue().equals(previous)) tick++;      // users started at the same instant tie
            served.put(e.getKey(), tick);
            previous = e.getValue();
        }
        Map<String, Long> firstQueued = new HashMap<>();
        for (Waiting w : waiting) firstQueued.merge(w.user(), w.queueOrder(), Math::min);

        List<Waiting> order = new ArrayList<>(waiting.size());
        while (!byUser.isEmpty()) {
            String next = null;
            for (String user : byUser.keySet()) {
                if (next == null || before(user, next, runs, served, firstQueued)) next = user;
            }
            Deque<Waiting> queue = byUser.get(next);
            order.add(queue.removeFirst());
            if (queue.isEmpty()) byUser.remove(next);
            runs.merge(next, 1, Integer::sum);
            served.put(next, ++tick);
        }
        return order;
    }

    /** Whether user {@code a} is served before {@code b}: fewer running, then served longer ago, then queued first. */
    private static boolean before(String a, String b, Map<String, Integer> runs, Map<String, Long> served,
                                  Map<String, Long> firstQueued) {
        int byRunning = Integer.compare(runs.getOrDefault(a, 0), runs.getOrDefault(b, 0));
        if (byRunning != 0) return byRunning < 0;
        int byService = Long.compare(served.getOrDefault(a, 0L), served.getOrDefault(b, 0L));
        if (byService != 0) return byService < 0;
        int byQueueing = Long.compare(firstQueued.get(a), firstQueued.get(b));
        if (byQueueing != 0) return byQueueing < 0;
        return a.compareTo(b) < 0;
    }

    private static Map<String, Integer> runningByUser(Collection<Running> running) {
        Map<String, Integer> perUser = new HashMap<>();
        for (Running r : running) perUser.merge(r.user(), 1, Integer::sum);
        return perUser;
    }
}
