package org.physlab.runtime;

import org.physlab.api.ComputeService;
import org.physlab.runtime.plugins.PluginHost;
import org.physlab.runtime.runs.RunService;
import org.physlab.store.RunStore;

/**
 * A running Physlab: compute service, run store, plugin host and run service, started in that order
 * (ND4J first, on the calling thread, before Felix). One per process; the CLI's {@code run} and
 * {@code serve} both start one.
 *
 * <pre>{@code
 * try (Physlab lab = Physlab.start(PhyslabConfig.load(home, Map.of()))) {
 *     RunRecord run = lab.runs().submit(LaunchRequest.of("oscillator.response", Map.of("force", "2"), 7L));
 *     lab.runs().await(run.id(), Duration.ofMinutes(5));
 * }
 * }</pre>
 */
public final class Physlab implements AutoCloseable {

    /**
     * Starts everything: ND4J on this thread, opens (and migrates) the store, registers this process and
     * its heartbeat, marks INTERRUPTED the runs of dead processes, starts Felix with the plugins, and the
     * scheduler.
     */
    public static Physlab start(PhyslabConfig config) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public PhyslabConfig config() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public ComputeService compute() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public RunStore store() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The plugin host, which is also the experiment catalog. */
    public PluginHost plugins() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public RunService runs() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** This process's id in the store's process table (its lease). */
    public String processId() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Stops accepting runs, stops the running ones (recorded INTERRUPTED: "platform shut down"), stops
     * Felix, releases the lease and closes the store.
     */
    @Override
    public void close() {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
