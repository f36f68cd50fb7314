package org.physlab.runtime.runs;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.physlab.store.RunRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registered {@link RunListener}s, told about every change. A listener that throws is reported in
 * the platform log (once per listener) and never disturbs the run or the other listeners.
 */
final class RunListeners {
    private static final Logger LOG = LoggerFactory.getLogger(RunListeners.class);

    private final List<RunListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<RunListener> reported = ConcurrentHashMap.newKeySet();

    void add(RunListener listener) {
        listeners.add(java.util.Objects.requireNonNull(listener, "listener"));
    }

    void remove(RunListener listener) {
        listeners.remove(listener);
    }

    void statusChanged(RunRecord run) {
        for (RunListener l : listeners) {
            try {
                l.statusChanged(run);
            } catch (RuntimeException e) {
                report(l, e);
            }
        }
    }

    void progress(String runId, double fraction, String message) {
        for (RunListener l : listeners) {
            try {
                l.progress(runId, fraction, message);
            } catch (RuntimeException e) {
                report(l, e);
            }
        }
    }

    void metric(String runId, String key, long step, double value) {
        for (RunListener l : listeners) {
            try {
                l.metric(runId, key, step, value);
            } catch (RuntimeException e) {
                report(l, e);
            }
        }
    }

    private void report(RunListener l, RuntimeException e) {
        if (reported.add(l)) LOG.warn("run listener {} failed (further failures of it are not logged)", l, e);
    }
}
