package org.physlab.vertexmesh.dynamics;

/** An autonomous ODE dy/dt = f(y) over a flat double[] state. */
@FunctionalInterface
public interface OdeSystem {
    /** Writes f(y) into dydt (same length as y; overwritten). Must not keep references to the arrays. */
    void derivative(double[] y, double[] dydt);
}
