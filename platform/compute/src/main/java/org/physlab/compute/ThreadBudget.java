package org.physlab.compute;

/**
 * How the machine's cores are shared among runs that execute at once.
 *
 * <p>ND4J's native thread pool, OpenMP and OpenBLAS each default to one thread per core. When
 * several runs execute at once, each run's operations would then fight for every core; on a small
 * machine that makes a 1000x128 by 128x128 {@code mmul} about ten times slower than one thread.
 * So each run gets an equal share: {@code max(1, cores / maxConcurrentRuns)}, unless the operator
 * chose a number with the {@code OMP_NUM_THREADS} environment variable.
 *
 * @param nativeThreads threads one ND4J operation may use (OpenMP, OpenBLAS, ND4J's own pool)
 * @param javaThreads   plain Java threads one run may use for work outside ND4J
 * @param fromEnvironment whether {@code nativeThreads} came from {@code OMP_NUM_THREADS}
 */
record ThreadBudget(int nativeThreads, int javaThreads, boolean fromEnvironment) {

    /** The environment variable that OpenMP, OpenBLAS and ND4J read at load time. */
    static final String OMP_NUM_THREADS = "OMP_NUM_THREADS";

    ThreadBudget {
        if (nativeThreads < 1 || javaThreads < 1) {
            throw new IllegalArgumentException("thread counts must be at least 1");
        }
    }

    /**
     * @param ompNumThreads     the value of {@code OMP_NUM_THREADS}, or {@code null} if unset
     * @param cores             the machine's cores
     * @param maxConcurrentRuns how many runs may execute at once
     * @throws IllegalArgumentException if {@code maxConcurrentRuns < 1} or {@code OMP_NUM_THREADS} is
     *         not a positive whole number
     */
    static ThreadBudget of(String ompNumThreads, int cores, int maxConcurrentRuns) {
        if (maxConcurrentRuns < 1) {
            throw new IllegalArgumentException("maxConcurrentRuns must be at least 1, got " + maxConcurrentRuns);
        }
        int share = Math.max(1, Math.max(1, cores) / maxConcurrentRuns);
        if (ompNumThreads == null || ompNumThreads.isBlank()) {
            return new ThreadBudget(share, share, false);
        }
        int fromEnv;
        try {
            fromEnv = Integer.parseInt(ompNumThreads.trim());
        } catch (NumberFormatException e) {
            fromEnv = 0;
        }
        if (fromEnv < 1) {
            throw new IllegalArgumentException(OMP_NUM_THREADS + " must be a positive whole number, got '"
                    + ompNumThreads + "'; unset it to share the cores among runs automatically");
        }
        return new ThreadBudget(fromEnv, share, true);
    }
}
