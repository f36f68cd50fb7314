package org.physlab.imnn.fit;

import org.physlab.imnn.fisher.FisherSummary;

/**
 * The outcome of one {@link Imnn#fit}.
 *
 * @param iterations    iterations run (the stop iteration)
 * @param bestIteration iteration (0-based, within this fit) of the best early-stopping det F, or −1 if none improved
 * @param maxDetF       that det F
 * @param stoppedEarly  whether patience ran out before maxIterations
 * @param statistics    the statistics frozen with the kept weights (validation set if there is one)
 */
public record FitResult(int iterations, int bestIteration, double maxDetF, boolean stoppedEarly, FisherSummary statistics) { }
