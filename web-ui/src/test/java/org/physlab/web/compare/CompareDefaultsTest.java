package org.physlab.web.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.physlab.store.ArtifactInfo;

class CompareDefaultsTest {

    private static ArtifactInfo artifact(String name, String kind) {
        return new ArtifactInfo("run", name, kind, name, "application/json", null, 10, Instant.EPOCH);
    }

    @Test
    void prefersACommonMetricNamedLikeLoss() {
        assertEquals(Optional.of("loss"), CompareDefaults.metric(List.of(List.of("accuracy", "loss"), List.of("loss", "lr"))));
        assertEquals(Optional.of("trainLoss"), CompareDefaults.metric(List.of(List.of("accuracy", "trainLoss"), List.of("accuracy", "trainLoss"))));
        assertEquals(Optional.of("accuracy"), CompareDefaults.metric(List.of(List.of("accuracy", "r2"), List.of("accuracy", "loss"))));
    }

    @Test
    void withoutACommonMetricAnyKeyWillDo() {
        assertEquals(Optional.of("batchLoss"), CompareDefaults.metric(List.of(List.of("accuracy"), List.of("batchLoss"))));
        assertEquals(Optional.empty(), CompareDefaults.metric(List.of(List.of(), List.of())));
    }

    @Test
    void artifactNamesAreTheUnionInFirstSeenOrder() {
        assertEquals(List.of("loss", "model", "extra"), CompareDefaults.artifactNames(List.of(
                List.of(artifact("loss", "line"), artifact("model", "file")),
                List.of(artifact("model", "file"), artifact("extra", "table")))));
    }

    @Test
    void firstArtifactIsOneMostRunsHaveOfTheMostTellingKind() {
        assertEquals(Optional.of("predicted-omega0"), CompareDefaults.artifact(List.of(
                List.of(artifact("loss", "line"), artifact("predicted-omega0", "scatter"), artifact("model", "file")),
                List.of(artifact("loss", "line"), artifact("predicted-omega0", "scatter"), artifact("model", "file")))));
        assertEquals(Optional.of("loss"), CompareDefaults.artifact(List.of(
                List.of(artifact("loss", "line"), artifact("predicted-omega0", "scatter")),
                List.of(artifact("loss", "line")))));
        assertEquals(Optional.empty(), CompareDefaults.artifact(List.of(List.of(), List.of())));
    }
}
