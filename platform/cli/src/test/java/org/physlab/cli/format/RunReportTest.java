package org.physlab.cli.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.physlab.server.json.ArtifactView;
import org.physlab.server.json.RunView;
import org.physlab.store.ArtifactInfo;
import org.physlab.store.LogLine;
import org.physlab.store.MetricStats;
import org.physlab.store.RunStatus;

class RunReportTest {

    @Test
    void theReportHasEverySection() {
        RunView run = RunView.of(RunResultTest.record("r-1", RunStatus.SUCCEEDED, Map.of("length", 2.0),
                Map.of("period", 2.8375), null));
        RunReport report = new RunReport(run,
                RunReport.sorted(Map.of("loss", new MetricStats("loss", 0.01, 99, 0.01, 3.5, 100),
                        "acc", new MetricStats("acc", 0.9, 99, 0.1, 0.9, 100))),
                List.of(ArtifactView.of(new ArtifactInfo("r-1", "curve", "line", "Loss curve", "application/json",
                        "curve.json", 2048, Instant.EPOCH))),
                List.of(new LogLine(1, Instant.EPOCH, "INFO", "started"), new LogLine(2, Instant.EPOCH, "WARN", "slow")));
        String text = report.text();
        for (String expected : List.of("run r-1", "experiment  pendulum.period", "plugin      physlab.pendulum 1.2.0",
                "status      SUCCEEDED", "seed        42", "Parameters", "length  2", "Summary", "period  2.8375",
                "Metrics", "Artifacts", "curve  line  2.0 KiB  Loss curve", "Log (last 2 lines)", "WARN  slow")) {
            assertTrue(text.contains(expected), expected + " missing from\n" + text);
        }
        assertTrue(text.indexOf("  acc ") < text.indexOf("  loss "), "metrics sorted by key");
    }

    @Test
    void sizesAreHumanReadable() {
        assertEquals("512 B", RunReport.bytes(512));
        assertEquals("1.5 KiB", RunReport.bytes(1536));
        assertEquals("3.0 MiB", RunReport.bytes(3L * 1024 * 1024));
    }
}
