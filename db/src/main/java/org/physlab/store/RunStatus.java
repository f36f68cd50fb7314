package org.physlab.store;

/** Life cycle of a run: QUEUED → RUNNING → one of the terminal states. */
public enum RunStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED, INTERRUPTED;

    /** Whether the run has ended and will never change status again. */
    public boolean terminal() {
        return this != QUEUED && this != RUNNING;
    }
}
