package org.physlab.imnn.inference;

/**
 * One population Monte Carlo iteration.
 *
 * @param iteration      0 for the initial draw from the prior, then 1, 2, …
 * @param epsilon        the distance threshold after this iteration (the largest kept distance)
 * @param acceptanceRate share of this iteration's proposals closer than the previous threshold (1 at iteration 0)
 * @param proposals      simulations made in this iteration
 * @param simulations    simulations made so far, this iteration included
 */
public record PmcIteration(int iteration, double epsilon, double acceptanceRate, int proposals, int simulations) { }
