package org.physlab.runtime.runs;

import java.time.Duration;
import java.util.List;
import org.physlab.store.RunRecord;

/** Queues, executes, cancels and records runs. */
public interface RunService {

    /**
     * Validates the parameters and queues the run.
     *
     * @throws UnknownExperimentException               if no plugin offers the experiment
     * @throws org.physlab.api.InvalidParametersException with every field error; nothing is stored
     */
    RunRecord submit(LaunchRequest request);

    /**
     * Asks a queued or running run to stop; it is recorded CANCELLED with the reason. A run that checks
     * for cancellation stops within a second.
     *
     * @return false if the run is unknown to this process or already ended
     */
    boolean cancel(String runId, String reason);

    /** Waits until the run ends or the timeout passes, and returns its latest record. */
    RunRecord await(String runId, Duration timeout) throws InterruptedException;

    /**
     * The queue of this process: waiting runs in the order {@link QueueOrder} starts them (position 1
     * next), with why each waits, and the runs executing now.
     */
    RunScheduler.QueueState queue();

    /** Ids of the runs this process has queued or is executing. */
    List<String> activeRunIds();

    void addListener(RunListener listener);

    void removeListener(RunListener listener);
}
