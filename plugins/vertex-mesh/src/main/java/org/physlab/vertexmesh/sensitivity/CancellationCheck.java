package org.physlab.vertexmesh.sensitivity;

/**
 * Called every {@link UnrolledRelaxation#CHECK_INTERVAL} inner steps so a long differentiated relaxation
 * can be stopped: throw (e.g. {@code RunCancelledException} from {@code run::checkCancelled}) to stop it.
 */
@FunctionalInterface
public interface CancellationCheck {
    /** Never stops. */
    CancellationCheck NONE = () -> { };

    /** Throws if the computation should stop. */
    void check();
}
