package org.physlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physlab.cli.PhyslabCliTest.Outcome;
import org.physlab.server.json.Json;
import org.physlab.store.NewRun;
import org.physlab.store.RunStore;
import org.physlab.store.StoreConfig;

/** {@code physlab queue}: the stored queue in the scheduler's order, with this home's slots. */
class QueueCommandTest {
    @TempDir
    Path home;

    private Outcome physlab(String... args) {
        List<String> all = new ArrayList<>(List.of("--home", home.toString()));
        all.addAll(List.of(args));
        return PhyslabCliTest.execute(all.toArray(String[]::new));
    }

    private static String queue(RunStore store, String process, String user, int priority) {
        return store.create(new NewRun("oscillator.response", "physlab.oscillator", "1.0.0", Map.of(), 1L, "CPU", "lab1",
                user, List.of(), "", priority, null, true), process).id();
    }

    @Test
    void showsWaitingRunsInFairShareOrderWithPositionsAndReasons() throws Exception {
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/physlab.properties"), "physlab.runs.cpuSlots=3\nphyslab.runs.perUserCap=1\n");
        String running;
        List<String> ada = new ArrayList<>();
        String bob;
        try (RunStore store = RunStore.open(StoreConfig.embedded(home))) {
            String server = store.registerProcess("lab1", ProcessHandle.current().pid(), "server");
            running = queue(store, server, "ada", 0);
            store.markRunning(running, server);
            ada.add(queue(store, server, "ada", 0));
            ada.add(queue(store, server, "ada", 2));
            bob = queue(store, server, "bob", 0);
        }

        Outcome table = physlab("queue");
        assertEquals(0, table.exitCode(), table.err());
        List<String> lines = table.out().lines().toList();
        assertTrue(lines.get(0).startsWith("RUNNING"), table.out());
        assertTrue(lines.get(1).startsWith(running), table.out());
        int header = lines.indexOf(lines.stream().filter(l -> l.contains("POS")).findFirst().orElseThrow());
        assertTrue(lines.get(header + 1).matches("\\s*1  " + bob + ".*\\(starting\\)"), table.out());
        assertTrue(lines.get(header + 2).matches("\\s*2  " + ada.get(1) + ".*the per-user cap of 1"), table.out());
        assertTrue(lines.get(header + 3).matches("\\s*3  " + ada.get(0) + ".*the per-user cap of 1"), table.out());

        Outcome json = physlab("queue", "--json");
        assertEquals(0, json.exitCode(), json.err());
        JsonNode queue = Json.mapper().readTree(json.out()).get(0);
        assertEquals(3, queue.get("slots").get("cpu").asInt());
        assertEquals(1, queue.get("slots").get("perUserCap").asInt());
        assertEquals(running, queue.get("running").get(0).get("id").asText());
        List<String> order = new ArrayList<>();
        queue.get("queued").forEach(w -> order.add(w.get("id").asText()));
        assertEquals(List.of(bob, ada.get(1), ada.get(0)), order);
        assertEquals(2, queue.get("queued").get(1).get("priority").asInt());
    }

    @Test
    void anEmptyQueueSaysSo() {
        Outcome empty = physlab("queue");
        assertEquals(0, empty.exitCode());
        assertEquals("", empty.out());
        assertTrue(empty.err().contains("no runs are queued"), empty.err());
    }
}
