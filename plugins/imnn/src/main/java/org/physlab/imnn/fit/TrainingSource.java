package org.physlab.imnn.fit;

import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.buffer.DataType;
import org.physlab.imnn.simulators.Simulator;

/** Where each fitting iteration gets its training simulations. */
@FunctionalInterface
public interface TrainingSource {

    /** The simulations for iteration {@code iteration} of the current fit. */
    SimulationSet next(int iteration);

    /** The same simulations every iteration (gradient, numerical and aggregated variants). */
    static TrainingSource fixed(SimulationSet set) {
        return iteration -> set;
    }

    /** Fresh simulations with derivatives every iteration (the simulator variant). */
    static TrainingSource fresh(Simulator simulator, int n, RandomGenerator rng, DataType type) {
        double[] theta = simulator.fiducial();
        return iteration -> SimulationSet.withDerivatives(simulator, theta, n, rng, type);
    }
}
