package org.physlab.runtime.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.physlab.api.NonFiniteMetricException;
import org.physlab.api.RunCancelledException;
import org.physlab.api.Summary;
import org.physlab.store.RunStatus;

class RunOutcomeTest {
    private static final Summary SUMMARY = Summary.builder().put("mse", 0.5).build();

    @Test
    void aReturnedSummarySucceeds() {
        RunOutcome o = RunOutcome.decide(SUMMARY, null, null, null);
        assertEquals(RunStatus.SUCCEEDED, o.status());
        assertNull(o.error());
        assertEquals(Map.of("mse", 0.5), o.summary());
    }

    @Test
    void aNullSummarySucceedsEmpty() {
        assertEquals(Map.of(), RunOutcome.decide(null, null, null, null).summary());
    }

    @Test
    void aStopWinsOverWhatTheExperimentDidAfterwards() {
        StopRequest stop = StopRequest.interrupted("plugin oscillator updated to 1.2.0");
        RunOutcome returned = RunOutcome.decide(SUMMARY, null, stop, null);
        RunOutcome threw = RunOutcome.decide(null, new IllegalStateException("interrupted I/O"), stop, null);
        for (RunOutcome o : new RunOutcome[] {returned, threw}) {
            assertEquals(RunStatus.INTERRUPTED, o.status());
            assertEquals("plugin oscillator updated to 1.2.0", o.error());
            assertEquals(Map.of(), o.summary());
        }
    }

    @Test
    void aSwallowedNonFiniteMetricStillFailsTheRun() {
        NonFiniteMetricException nan = new NonFiniteMetricException("loss", 12, Double.NaN);
        RunOutcome o = RunOutcome.decide(SUMMARY, null, null, nan);
        assertEquals(RunStatus.FAILED, o.status());
        assertEquals("metric 'loss' became NaN at step 12", o.error());
    }

    @Test
    void aNonFiniteMetricWrappedByThePluginKeepsItsMessage() {
        RuntimeException wrapped = new RuntimeException("training failed",
                new NonFiniteMetricException("loss", 3, Double.POSITIVE_INFINITY));
        RunOutcome o = RunOutcome.decide(null, wrapped, null, null);
        assertEquals("metric 'loss' became Infinity at step 3", o.error());
        assertSame(wrapped, o.failure());
    }

    @Test
    void anExceptionFailsWithItsClassAndMessage() {
        RunOutcome o = RunOutcome.decide(null, new IllegalStateException("the solver diverged"), null, null);
        assertEquals(RunStatus.FAILED, o.status());
        assertEquals("IllegalStateException: the solver diverged", o.error());
        assertEquals("StackOverflowError", RunOutcome.decide(null, new StackOverflowError(), null, null).error());
    }

    @Test
    void aRunCancelledExceptionOfThePluginsOwnCancels() {
        RunOutcome o = RunOutcome.decide(null, new RunCancelledException("nothing left to do"), null, null);
        assertEquals(RunStatus.CANCELLED, o.status());
        assertEquals("nothing left to do", o.error());
    }
}
