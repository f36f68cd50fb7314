package org.physlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physlab.runtime.Physlab;
import org.physlab.runtime.PhyslabConfig;
import org.physlab.runtime.ProcessKind;
import org.physlab.testkit.TestBundles;
import org.physlab.testkit.experiments.sleep.SleepExperiment;

/** {@code GET /api/queue} and queue positions on run records, on a real server with one CPU slot. */
class QueueApiTest {
    @TempDir
    Path home;
    Physlab lab;
    PhyslabServer server;
    ApiClient api;

    @BeforeEach
    void start() throws Exception {
        TestBundles.plugin(home.resolve("plugins"), "testkit.demo", "1.2.3", SleepExperiment.class);
        lab = Physlab.start(PhyslabConfig.load(home, Map.of("physlab.runs.cpuSlots", "1", "physlab.user", "ada")),
                ProcessKind.SERVER);
        server = new PhyslabServer(lab, "127.0.0.1", 0);
        server.start();
        api = new ApiClient(server.uri());
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
        if (lab != null) lab.close();
    }

    private String launch(String body) throws Exception {
        ApiClient.Answer a = api.post("/api/runs", body);
        assertEquals(201, a.status(), a.toString());
        return a.json().get("id").asText();
    }

    @Test
    void theQueueShowsFairShareOrderWithPositionsAndWhyRunsWait() throws Exception {
        String running = launch("{\"experiment\": \"testkit.sleep\"}");
        api.awaitRun(running, "RUNNING");
        List<String> ada = new ArrayList<>();
        ada.add(launch("{\"experiment\": \"testkit.sleep\"}"));
        ada.add(launch("{\"experiment\": \"testkit.sleep\", \"priority\": 3}"));
        String bob = launch("{\"experiment\": \"testkit.sleep\", \"user\": \"bob\"}");

        JsonNode queue = api.get("/api/queue").json();
        assertEquals(1, queue.get("slots").get("cpu").asInt());
        assertEquals(lab.processId(), queue.get("processId").asText());
        assertEquals(running, queue.get("running").get(0).get("id").asText());
        assertEquals("testkit.sleep", queue.get("running").get(0).get("experiment").asText());
        List<String> order = new ArrayList<>();
        for (JsonNode w : queue.get("queued")) {
            order.add(w.get("id").asText());
            assertEquals(order.size(), w.get("position").asInt());
            assertEquals("a CPU slot", w.get("waitingFor").asText());
        }
        assertEquals(List.of(bob, ada.get(1), ada.get(0)), order, "bob first (ada is running), then ada's by priority");
        assertEquals("bob", queue.get("queued").get(0).get("user").asText());
        assertEquals(3, queue.get("queued").get(1).get("priority").asInt());

        assertEquals(1, api.get("/api/runs/" + bob).json().get("queuePosition").asInt());
        JsonNode listed = api.get("/api/runs?status=QUEUED").json().get("runs");
        for (JsonNode r : listed) assertEquals(order.indexOf(r.get("id").asText()) + 1, r.get("queuePosition").asInt());
        assertTrue(api.get("/api/runs/" + running).json().get("queuePosition").isNull(), "a running run has no position");

        assertEquals(400, api.post("/api/runs", "{\"experiment\": \"testkit.sleep\", \"priority\": 1.5}").status());
        assertEquals(405, api.post("/api/queue", "{}").status());
    }
}
