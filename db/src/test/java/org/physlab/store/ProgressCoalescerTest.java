package org.physlab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Progress reports: many in, only the latest per run out. */
class ProgressCoalescerTest {

    private static final long NEVER = 3_600_000; // background interval: the tests flush by hand

    @Test
    void onlyTheLatestReportOfEachRunIsWritten() {
        List<Map<String, ProgressCoalescer.Progress>> writes = new ArrayList<>();
        try (ProgressCoalescer progress = new ProgressCoalescer(writes::add, NEVER)) {
            for (int batch = 1; batch <= 1000; batch++) {
                progress.offer("run-a", new ProgressCoalescer.Progress(batch / 1000.0, "batch " + batch));
            }
            progress.offer("run-b", new ProgressCoalescer.Progress(0.5, "halfway"));

            progress.flush();
            progress.flush(); // nothing new: no write

            assertEquals(List.of(Map.of("run-a", new ProgressCoalescer.Progress(1.0, "batch 1000"),
                    "run-b", new ProgressCoalescer.Progress(0.5, "halfway"))), writes);
        }
    }

    @Test
    void reportsThatFailedToBeWrittenAreWrittenNextTimeUnlessNewerOnesCame() {
        List<Map<String, ProgressCoalescer.Progress>> writes = new ArrayList<>();
        boolean[] fail = {true};
        try (ProgressCoalescer progress = new ProgressCoalescer(latest -> {
            if (fail[0]) {
                throw new StoreException("writing progress failed: disk full", null);
            }
            writes.add(latest);
        }, NEVER)) {
            progress.offer("run-a", new ProgressCoalescer.Progress(0.1, "old"));
            progress.offer("run-b", new ProgressCoalescer.Progress(0.2, "kept"));
            assertThrows(StoreException.class, progress::flush);

            progress.offer("run-a", new ProgressCoalescer.Progress(0.3, "newer"));
            fail[0] = false;
            progress.flush();

            assertEquals(List.of(Map.of("run-a", new ProgressCoalescer.Progress(0.3, "newer"),
                    "run-b", new ProgressCoalescer.Progress(0.2, "kept"))), writes);
        }
    }

    @Test
    void aRunsPendingReportCanBeTakenToWriteItElsewhere() {
        List<Map<String, ProgressCoalescer.Progress>> writes = new ArrayList<>();
        try (ProgressCoalescer progress = new ProgressCoalescer(writes::add, NEVER)) {
            progress.offer("run-a", new ProgressCoalescer.Progress(0.9, "almost"));

            assertEquals(new ProgressCoalescer.Progress(0.9, "almost"), progress.take("run-a"));
            assertNull(progress.take("run-a"));
            progress.flush();
            assertEquals(List.of(), writes);
        }
    }

    @Test
    void closingWritesWhatIsPending() {
        List<Map<String, ProgressCoalescer.Progress>> writes = new ArrayList<>();
        ProgressCoalescer progress = new ProgressCoalescer(writes::add, NEVER);
        progress.offer("run-a", new ProgressCoalescer.Progress(0.4, "epoch 4"));

        progress.close();

        assertEquals(List.of(Map.of("run-a", new ProgressCoalescer.Progress(0.4, "epoch 4"))), writes);
    }
}
