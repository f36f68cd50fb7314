package org.physlab.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;

/** What a run leaves besides metrics: artifacts (charts, meshes, files) and log lines. */
class ArtifactsAndLogsTest {

    private static final Instant NOON = Instant.parse("2026-11-23T12:00:00.123456Z");

    @OnEveryBackend
    void artifactsRoundTripWithTheirMetadata(Backend backend, @TempDir Path dir) throws Exception {
        try (TestDatabase db = backend.create(dir); RunStore store = db.open()) {
            String id = store.create(Runs.oscillator()).id();
            byte[] chart = "{\"series\":[{\"name\":\"loss\",\"x\":[0,1],\"y\":[1.0,0.5]}]}".getBytes(StandardCharsets.UTF_8);
            byte[] model = new byte[3 * 1024 * 1024];
            new Random(1).nextBytes(model);

            store.putArtifact(new ArtifactInfo(id, "loss-curve", "line", "Training loss", "application/json", null, 0,
                    NOON), chart);
            store.putArtifact(new ArtifactInfo(id, "model.zip", "file", "Trained network", "application/zip",
                    "oscillator-model.zip", 0, NOON.plusSeconds(60)), model);

            assertEquals(List.of(
                    new ArtifactInfo(id, "loss-curve", "line", "Training loss", "application/json", null, chart.length, NOON),
                    new ArtifactInfo(id, "model.zip", "file", "Trained network", "application/zip", "oscillator-model.zip",
                            model.length, NOON.plusSeconds(60))),
                    store.artifacts(id));
            assertArrayEquals(chart, store.artifactData(id, "loss-curve").orElseThrow());
            assertArrayEquals(model, store.artifactData(id, "model.zip").orElseThrow());
        }
    }

    @OnEveryBackend
    void anArtifactOfTheSameNameReplacesTheFirst(Backend backend, @TempDir Path dir) throws Exception {
        try (TestDatabase db = backend.create(dir); RunStore store = db.open()) {
            String id = store.create(Runs.oscillator()).id();
            store.putArtifact(new ArtifactInfo(id, "phase-space", "scatter", "Phase space, epoch 10", "application/json",
                    null, 0, NOON), "[1]".getBytes(StandardCharsets.UTF_8));
            store.putArtifact(new ArtifactInfo(id, "phase-space", "scatter", "Phase space, epoch 200", "application/json",
                    null, 0, null), "[1,2,3]".getBytes(StandardCharsets.UTF_8));

            List<ArtifactInfo> artifacts = store.artifacts(id);
            assertEquals(1, artifacts.size());
            assertEquals("Phase space, epoch 200", artifacts.get(0).title());
            assertEquals(7, artifacts.get(0).size());
            assertTrue(artifacts.get(0).createdAt().isAfter(NOON), "no time given: the database's now");
            assertArrayEquals("[1,2,3]".getBytes(StandardCharsets.UTF_8), store.artifactData(id, "phase-space").orElseThrow());
        }
    }

    @OnEveryBackend
    void missingArtifactsAreEmptyAndBadOnesRejected(Backend backend, @TempDir Path dir) throws Exception {
        try (TestDatabase db = backend.create(dir); RunStore store = db.open()) {
            String id = store.create(Runs.oscillator()).id();
            assertTrue(store.artifactData(id, "nothing").isEmpty());
            assertEquals(List.of(), store.artifacts(id));
            assertEquals(List.of(), store.artifacts("20000101-000000-0000"));

            assertThrows(IllegalArgumentException.class, () -> store.putArtifact(
                    new ArtifactInfo("20000101-000000-0000", "a", "file", "A", "text/plain", "a.txt", 1, NOON), new byte[1]));
            assertThrows(IllegalArgumentException.class, () -> store.putArtifact(
                    new ArtifactInfo(id, " ", "file", "A", "text/plain", "a.txt", 1, NOON), new byte[1]));
            assertThrows(IllegalArgumentException.class, () -> store.putArtifact(
                    new ArtifactInfo(id, "a", "file", "A", "text/plain", "a.txt", 1, NOON), null));
            assertEquals(List.of(), store.artifacts(id));
        }
    }

    @OnEveryBackend
    void logLinesAreKeptInOrderAndReadInPages(Backend backend, @TempDir Path dir) throws Exception {
        try (TestDatabase db = backend.create(dir); RunStore store = db.open()) {
            String id = store.create(Runs.oscillator()).id();
            List<LogLine> lines = new ArrayList<>();
            for (int seq = 1; seq <= 25; seq++) {
                lines.add(new LogLine(seq, NOON.plus(seq, ChronoUnit.MILLIS), seq % 10 == 0 ? "WARN" : "INFO",
                        "epoch " + seq + ": loss=" + (1.0 / seq)));
            }
            store.appendLogs(id, lines.subList(0, 20));
            store.appendLogs(id, lines.subList(20, 25));

            assertEquals(lines.subList(0, 10), store.logs(id, 0, 10));
            assertEquals(lines.subList(10, 20), store.logs(id, 10, 10));
            assertEquals(lines.subList(20, 25), store.logs(id, 20, 10));
            assertEquals(List.of(), store.logs(id, 25, 10));
            assertEquals(List.of(), store.logs("20000101-000000-0000", 0, 10));
        }
    }

    @OnEveryBackend
    void aFailedLogAppendLeavesEarlierLinesAndStoresNoneOfItsOwn(Backend backend, @TempDir Path dir) throws Exception {
        try (TestDatabase db = backend.create(dir); RunStore store = db.open()) {
            String id = store.create(Runs.oscillator()).id();
            List<LogLine> first = List.of(new LogLine(1, NOON, "INFO", "start"), new LogLine(2, NOON, "INFO", "epoch 1"));
            store.appendLogs(id, first);

            StoreException e = assertThrows(StoreException.class, () -> store.appendLogs(id, List.of(
                    new LogLine(3, NOON, "INFO", "epoch 2"), new LogLine(2, NOON, "INFO", "epoch 1 again"))));

            assertTrue(e.getMessage().startsWith("appending 2 log lines to run " + id + " failed: "), e.getMessage());
            assertTrue(e.getMessage().contains("SQL state 23505"), e.getMessage());
            assertEquals(first, store.logs(id, 0, 100));
            assertThrows(IllegalArgumentException.class,
                    () -> store.appendLogs(id, List.of(new LogLine(4, null, "INFO", "no time"))));
            assertThrows(IllegalArgumentException.class,
                    () -> store.appendLogs("20000101-000000-0000", List.of(new LogLine(1, NOON, "INFO", "x"))));
        }
    }
}
