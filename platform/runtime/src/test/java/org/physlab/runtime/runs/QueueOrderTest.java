package org.physlab.runtime.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The queue's order and who starts now, case by case. A queued run is written {@code user:name} or
 * {@code user:name:priority}, queued in the order listed, with a {@code !} at the end for a GPU run;
 * a running run {@code user} (CPU) or {@code user!} (GPU); last starts as {@code user@second}.
 */
class QueueOrderTest {

    static Stream<Arguments> orders() {
        return Stream.of(
                Arguments.of("one user: first in, first out",
                        "ada:a1 ada:a2 ada:a3", "", "", "a1 a2 a3"),
                Arguments.of("50 runs of one user do not starve another's single run",
                        many("ada", 50) + " bob:b1", "", "", "a1 b1 " + names("a", 2, 50)),
                Arguments.of("users alternate, each in their own order",
                        "ada:a1 ada:a2 ada:a3 bob:b1 bob:b2", "", "", "a1 b1 a2 b2 a3"),
                Arguments.of("the user with fewer running runs goes first",
                        "ada:a1 bob:b1", "ada", "", "b1 a1"),
                Arguments.of("equally busy: the user served longer ago goes first",
                        "ada:a1 bob:b1", "", "ada@20 bob@10", "b1 a1"),
                Arguments.of("a user never served goes before one served",
                        "ada:a1 cy:c1", "", "ada@5", "c1 a1"),
                Arguments.of("fewer running beats served longer ago",
                        "ada:a1 bob:b1", "bob", "ada@50 bob@10", "a1 b1"),
                Arguments.of("priority reorders a user's own runs",
                        "ada:a1 ada:a2:5 ada:a3:-1 ada:a4:5", "", "", "a2 a4 a1 a3"),
                Arguments.of("priority never jumps over another user's turn",
                        "bob:b1 ada:a1 ada:a2:100", "", "", "b1 a2 a1"),
                Arguments.of("three users share round robin after running ones are counted",
                        "ada:a1 ada:a2 bob:b1 bob:b2 cy:c1", "ada ada", "", "b1 c1 b2 a1 a2"),
                Arguments.of("empty queue", "", "ada", "ada@1", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("orders")
    void ordersFairlyThenByPriorityThenFirstInFirstOut(String rule, String queued, String running, String lastStarts,
                                                      String expected) {
        List<String> order = QueueOrder.order(waiting(queued), running(running), lastStarts(lastStarts)).stream()
                .map(QueueOrder.Waiting::runId).toList();
        assertEquals(words(expected), order, rule);
    }

    static Stream<Arguments> starts() {
        QueueOrder.Slots two = new QueueOrder.Slots(2, 1, 0);
        return Stream.of(
                Arguments.of("free CPU slots start the first runs", "ada:a1 bob:b1 ada:a2", "", two,
                        "a1 b1", "a2=a CPU slot"),
                Arguments.of("no slot free: everyone waits for a CPU slot", "ada:a1 bob:b1", "cy cy", two,
                        "", "a1=a CPU slot, b1=a CPU slot"),
                Arguments.of("a user at the cap waits; the next user starts in their place",
                        "ada:a1 ada:a2 bob:b1", "ada", new QueueOrder.Slots(3, 1, 1),
                        "b1", "a1=the per-user cap of 1, a2=the per-user cap of 1"),
                Arguments.of("the cap counts runs started in the same pass", "ada:a1 ada:a2 ada:a3", "",
                        new QueueOrder.Slots(4, 1, 2), "a1 a2", "a3=the per-user cap of 2"),
                Arguments.of("one GPU slot: GPU runs go one at a time", "ada:a1! bob:b1! ada:a2!", "",
                        new QueueOrder.Slots(4, 1, 0), "a1", "b1=a GPU slot, a2=a GPU slot"),
                Arguments.of("a busy GPU does not hold up CPU runs", "ada:a1! bob:b1", "cy!",
                        new QueueOrder.Slots(4, 1, 0), "b1", "a1=a GPU slot"),
                Arguments.of("two GPU slots", "ada:a1! bob:b1! cy:c1!", "",
                        new QueueOrder.Slots(4, 2, 0), "a1 b1", "c1=a GPU slot"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("starts")
    void slotsAndTheCapDecideWhoStartsNow(String rule, String queued, String running, QueueOrder.Slots slots,
                                         String startNow, String waitingFor) {
        List<QueueOrder.Place> plan = QueueOrder.plan(waiting(queued), running(running), Map.of(), slots);
        assertEquals(words(startNow), plan.stream().filter(QueueOrder.Place::startsNow).map(p -> p.run().runId()).toList(), rule);
        assertEquals(waitingFor, plan.stream().filter(p -> !p.startsNow())
                .map(p -> p.run().runId() + "=" + p.waitingFor()).collect(Collectors.joining(", ")), rule);
        for (int i = 0; i < plan.size(); i++) assertEquals(i + 1, plan.get(i).position(), "positions count from 1");
    }

    @Test
    void theSameInputGivesTheSameOrderWhateverOrderTheRunsAreListedIn() {
        List<QueueOrder.Waiting> runs = waiting(many("ada", 5) + " bob:b1:2 bob:b2 cy:c1 cy:c2:1");
        List<String> expected = QueueOrder.order(runs, List.of(), Map.of()).stream().map(QueueOrder.Waiting::runId).toList();
        List<QueueOrder.Waiting> reversed = new ArrayList<>(runs);
        java.util.Collections.reverse(reversed);
        assertEquals(expected, QueueOrder.order(reversed, List.of(), Map.of()).stream().map(QueueOrder.Waiting::runId).toList());
    }

    @Test
    void slotsMustMakeSense() {
        assertThrows(IllegalArgumentException.class, () -> new QueueOrder.Slots(0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new QueueOrder.Slots(1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new QueueOrder.Slots(1, 1, -1));
    }

    // ---- the little language of the cases ----

    private static List<QueueOrder.Waiting> waiting(String spec) {
        List<QueueOrder.Waiting> runs = new ArrayList<>();
        long order = 0;
        for (String w : words(spec)) {
            String[] p = w.replace("!", "").split(":");
            runs.add(new QueueOrder.Waiting(p[1], p[0], p.length > 2 ? Integer.parseInt(p[2]) : 0, ++order, w.endsWith("!")));
        }
        return runs;
    }

    private static List<QueueOrder.Running> running(String spec) {
        List<QueueOrder.Running> runs = new ArrayList<>();
        int n = 0;
        for (String w : words(spec)) runs.add(new QueueOrder.Running("r" + ++n, w.replace("!", ""), w.endsWith("!")));
        return runs;
    }

    private static Map<String, Instant> lastStarts(String spec) {
        Map<String, Instant> starts = new HashMap<>();
        for (String w : words(spec)) {
            String[] p = w.split("@");
            starts.put(p[0], Instant.ofEpochSecond(Long.parseLong(p[1])));
        }
        return starts;
    }

    private static String many(String user, int n) {
        return names(user + ":" + user.charAt(0), 1, n);
    }

    private static String names(String prefix, int from, int to) {
        StringBuilder s = new StringBuilder();
        for (int i = from; i <= to; i++) s.append(i > from ? " " : "").append(prefix).append(i);
        return s.toString();
    }

    private static List<String> words(String s) {
        return s.isBlank() ? List.of() : List.of(s.trim().split("\\s+"));
    }
}
