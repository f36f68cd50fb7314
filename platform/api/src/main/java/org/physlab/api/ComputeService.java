package org.physlab.api;

/**
 * The one ND4J backend shared by every plugin in the process. Plugins use ND4J and DL4J directly
 * (the host exports their packages); this service says what they run on.
 */
public interface ComputeService {

    /** Backend, devices, BLAS and thread settings. */
    BackendInfo backend();

    /**
     * How many plain Java threads one run may use for work outside ND4J (e.g. a batch of ODE solves),
     * given the machine's cores and how many runs may execute at once. At least 1.
     */
    int javaThreads();
}
