package org.physlab.vertexmesh.dynamics;

/** The relaxation blew up: positions or energy became NaN or infinite at a given step. */
public final class RelaxationDivergedException extends ArithmeticException {
    private static final long serialVersionUID = 1L;
    private final int step;

    public RelaxationDivergedException(String message, int step) {
        super(message);
        this.step = step;
    }

    /** The (1-based) step after which the state was no longer finite. */
    public int step() {
        return step;
    }
}
