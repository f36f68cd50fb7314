package org.physlab.compute;

import org.physlab.api.BackendInfo;
import org.physlab.api.ComputeService;

/**
 * The process's one ND4J backend. {@link #initialize} must run on the host's main thread before
 * Felix starts: ND4J captures the thread context class loader on first use.
 */
public final class Nd4jComputeService implements ComputeService {

    /**
     * Touches ND4J (loading the backend chosen at build time), applies the OpenMP thread count and
     * reports what it found.
     *
     * @param maxConcurrentRuns how many runs may execute at once (to share the cores among them)
     * @throws IllegalStateException with a clear message if the backend cannot load (e.g. CUDA without a GPU)
     */
    public static Nd4jComputeService initialize(int maxConcurrentRuns) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public BackendInfo backend() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public int javaThreads() {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
