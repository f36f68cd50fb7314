package org.physlab.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ThreadBudgetTest {

    @Test
    void sharesTheCoresAmongConcurrentRuns() {
        assertEquals(new ThreadBudget(4, 4, false), ThreadBudget.of(null, 16, 4));
        assertEquals(new ThreadBudget(2, 2, false), ThreadBudget.of(null, 5, 2));
    }

    @Test
    void givesEveryRunAtLeastOneThread() {
        assertEquals(new ThreadBudget(1, 1, false), ThreadBudget.of(null, 2, 8));
        assertEquals(new ThreadBudget(1, 1, false), ThreadBudget.of("", 0, 1));
    }

    @Test
    void ompNumThreadsDecidesTheNativeThreadsOnly() {
        assertEquals(new ThreadBudget(3, 4, true), ThreadBudget.of(" 3 ", 8, 2));
    }

    @Test
    void rejectsABadOmpNumThreads() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ThreadBudget.of("two", 8, 2));
        assertTrue(e.getMessage().contains("OMP_NUM_THREADS must be a positive whole number, got 'two'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ThreadBudget.of("0", 8, 2));
    }

    @Test
    void rejectsFewerThanOneConcurrentRun() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ThreadBudget.of(null, 8, 0));
        assertEquals("maxConcurrentRuns must be at least 1, got 0", e.getMessage());
    }
}
