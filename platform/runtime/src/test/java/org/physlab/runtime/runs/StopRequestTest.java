package org.physlab.runtime.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.physlab.store.RunStatus;

class StopRequestTest {

    @Test
    void aTimeLimitIsReportedInSeconds() {
        assertEquals("time limit of 30 s exceeded", StopRequest.timeLimitExceeded(Duration.ofSeconds(30)).reason());
        assertEquals("time limit of 1.5 s exceeded", StopRequest.timeLimitExceeded(Duration.ofMillis(1500)).reason());
        assertEquals("time limit of 0.25 s exceeded", StopRequest.timeLimitExceeded(Duration.ofMillis(250)).reason());
        assertEquals("time limit of 3600 s exceeded", StopRequest.timeLimitExceeded(Duration.ofHours(1)).reason());
        assertEquals(RunStatus.CANCELLED, StopRequest.timeLimitExceeded(Duration.ofSeconds(1)).status());
    }

    @Test
    void aCancelWithoutReasonSaysCancelled() {
        assertEquals("cancelled", StopRequest.cancelled(null).reason());
        assertEquals("cancelled", StopRequest.cancelled("  ").reason());
        assertEquals("wrong grid", StopRequest.cancelled("wrong grid").reason());
    }

    @Test
    void onlyStoppedStatusesAreStopRequests() {
        assertThrows(IllegalArgumentException.class, () -> new StopRequest(RunStatus.FAILED, "x"));
    }
}
