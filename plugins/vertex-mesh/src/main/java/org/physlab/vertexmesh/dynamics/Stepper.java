package org.physlab.vertexmesh.dynamics;

/**
 * A fixed-step explicit integrator that advances a state in place. Instances keep scratch arrays
 * for one state size and are not thread-safe; use one per thread.
 */
public interface Stepper {
    /** y ← y(t + h) approximately. */
    void step(OdeSystem f, double[] y, double h);

    /** New evaluations of f per step (after the first). */
    int evaluationsPerStep();
}
