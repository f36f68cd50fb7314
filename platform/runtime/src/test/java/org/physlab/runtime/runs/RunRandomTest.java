package org.physlab.runtime.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RunRandomTest {

    /**
     * The outputs of the reference SplitMix64 C code (Vigna, prng.di.unimi.it/splitmix64.c) for seed
     * 1234567. If a JVM ever changed SplittableRandom, runs would stop being reproducible across JVMs;
     * this test would say so.
     */
    @Test
    void theRunGeneratorIsSplitMix64SoTheSameSeedGivesTheSameNumbersOnEveryJvm() {
        RandomGenerator r = RunRandom.main(1234567);
        assertEquals("6457827717110365317", Long.toUnsignedString(r.nextLong()));
        assertEquals("3203168211198807973", Long.toUnsignedString(r.nextLong()));
        assertEquals("9817491932198370423", Long.toUnsignedString(r.nextLong()));
        assertEquals("4593380528125082431", Long.toUnsignedString(r.nextLong()));
        assertEquals("16408922859458223821", Long.toUnsignedString(r.nextLong()));
    }

    @Test
    void aNamedStreamDependsOnlyOnSeedAndName() {
        RandomGenerator a = RunRandom.stream(7, "validation");
        RandomGenerator b = RunRandom.stream(7, "validation");
        for (int i = 0; i < 100; i++) assertEquals(a.nextLong(), b.nextLong());
    }

    @Test
    void streamsDifferByNameAndBySeedAndFromTheMainGenerator() {
        long main = RunRandom.main(7).nextLong();
        long validation = RunRandom.stream(7, "validation").nextLong();
        long training = RunRandom.stream(7, "training").nextLong();
        long otherSeed = RunRandom.stream(8, "validation").nextLong();
        assertNotEquals(main, validation);
        assertNotEquals(validation, training);
        assertNotEquals(validation, otherSeed);
    }

    @Test
    void theNameHashIsFnv1a64() {
        // published FNV-1a 64-bit test vectors
        assertEquals(0xcbf29ce484222325L, RunRandom.fnv1a64(""));
        assertEquals(0xaf63dc4c8601ec8cL, RunRandom.fnv1a64("a"));
        assertEquals(0x85944171f73967e8L, RunRandom.fnv1a64("foobar"));
    }

    @Test
    void freshSeedsSurviveJsonBecauseTheyFitADouble() {
        for (int i = 0; i < 1000; i++) {
            long s = RunRandom.freshSeed();
            assertTrue(s >= 0 && s < (1L << 53), "seed " + s);
            assertEquals(s, (long) (double) s);
        }
    }

    @Test
    void aPluginsUnitTestDrawsWhatItsPlatformRunDraws() {
        TestExperiment any = TestExperiment.of("test.any", run -> org.physlab.api.Summary.empty());
        org.physlab.testkit.InMemoryRunContext unitTest = org.physlab.testkit.InMemoryRunContext.builder(any).seed(7).build();
        assertEquals(RunRandom.main(7).nextLong(), unitTest.random().nextLong());
        assertEquals(RunRandom.stream(7, "validation").nextLong(), unitTest.random("validation").nextLong());
        assertEquals(RunRandom.stream(7, "ω-sweep").nextDouble(), unitTest.random("ω-sweep").nextDouble());
    }
}
