package org.physlab.api;

/** Thrown by {@link RunContext#checkCancelled()} when a run was asked to stop. Let it propagate. */
public class RunCancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RunCancelledException(String reason) {
        super(reason);
    }
}
