package org.physlab.web.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physlab.api.Artifact;
import org.physlab.runtime.runs.ArtifactCodec;
import org.physlab.store.LogLine;
import org.physlab.store.MetricPoint;
import org.physlab.store.NewRun;
import org.physlab.store.RunStatus;
import org.physlab.store.RunStore;
import org.physlab.store.StoreConfig;

class RunFollowerTest {
    @TempDir
    Path home;
    RunStore store;
    String runId;

    @BeforeEach
    void openStore() {
        store = RunStore.open(StoreConfig.embedded(home));
        runId = store.create(new NewRun("demo.exp", "demo", "1.0.0", Map.of(), 1, "cpu", "host", "ada", List.of(), "")).id();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void eachReadBringsOnlyWhatIsNewAndKeepsEveryPoint() {
        RunFollower follower = new RunFollower(store, runId);
        RunFollower.Update first = follower.read().orElseThrow();
        assertEquals(RunStatus.QUEUED, first.run().status());
        assertTrue(first.changedKeys().isEmpty());

        store.appendMetrics(runId, points("loss", 0, 3));
        store.appendLogs(runId, List.of(new LogLine(1, Instant.now(), "INFO", "started")));
        RunFollower.Update second = follower.read().orElseThrow();
        assertEquals(List.of("loss"), List.copyOf(second.changedKeys()));
        assertEquals(3, follower.points("loss").size());
        assertEquals(1, second.newLogs().size());

        store.appendMetrics(runId, points("loss", 3, 2));
        store.appendMetrics(runId, points("accuracy", 0, 1));
        RunFollower.Update third = follower.read().orElseThrow();
        assertEquals(List.of("accuracy", "loss"), List.copyOf(third.changedKeys()));
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), follower.points("loss").stream().map(MetricPoint::step).toList());
        assertTrue(third.newLogs().isEmpty(), "log lines already read are not read again");

        RunFollower.Update idle = follower.read().orElseThrow();
        assertTrue(!idle.changedAnything());
    }

    @Test
    void longSeriesAreReadPageByPage() {
        store.appendMetrics(runId, points("loss", 0, RunFollower.PAGE * 2 + 7));
        RunFollower follower = new RunFollower(store, runId);
        follower.read();
        assertEquals(RunFollower.PAGE * 2 + 7, follower.points("loss").size());
    }

    @Test
    void artifactsAreReportedWhenNewAndAgainWhenReplaced() throws Exception {
        RunFollower follower = new RunFollower(store, runId);
        put(new Artifact.Table("t", "T", List.of("a"), List.of(List.of(1))));
        assertEquals(1, follower.read().orElseThrow().newArtifacts().size());
        assertTrue(follower.read().orElseThrow().newArtifacts().isEmpty());
        put(new Artifact.Table("t", "T", List.of("a"), List.of(List.of(1), List.of(22))));
        assertEquals("t", follower.read().orElseThrow().newArtifacts().get(0).name());
    }

    @Test
    void anUnknownRunReadsAsEmpty() {
        assertTrue(new RunFollower(store, "no-such-run").read().isEmpty());
    }

    private void put(Artifact a) {
        ArtifactCodec.Encoded e = ArtifactCodec.encode(runId, a);
        store.putArtifact(e.info(), e.data());
    }

    private static List<MetricPoint> points(String key, int from, int count) {
        List<MetricPoint> list = new ArrayList<>();
        for (int i = from; i < from + count; i++) list.add(new MetricPoint(key, i, 1.0 / (i + 1), System.currentTimeMillis()));
        return list;
    }
}
