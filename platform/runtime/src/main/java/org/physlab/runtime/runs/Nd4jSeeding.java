package org.physlab.runtime.runs;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Seeds ND4J's random generator for the calling thread. ND4J keeps one generator per thread, so
 * seeding the run's thread with the run's seed makes {@code Nd4j.rand}, weight initialisation and
 * dropout in DL4J reproducible for code that runs on that thread. Threads the experiment starts itself
 * are not seeded: give them {@link org.physlab.api.RunContext#random(String)} streams.
 */
final class Nd4jSeeding {
    private Nd4jSeeding() { }

    static void seedCurrentThread(long seed) {
        Nd4j.getRandom().setSeed(seed);
    }
}
