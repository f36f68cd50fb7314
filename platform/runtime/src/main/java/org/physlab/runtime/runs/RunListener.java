package org.physlab.runtime.runs;

import org.physlab.store.RunRecord;

/** Hears runs of this process change (for live views and progress bars). Called on the run's thread: return quickly. */
public interface RunListener {
    default void statusChanged(RunRecord run) { }

    default void progress(String runId, double fraction, String message) { }

    default void metric(String runId, String key, long step, double value) { }
}
