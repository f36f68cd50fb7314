package org.physlab.runtime.runs;

import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.physlab.api.ComputeService;
import org.physlab.runtime.plugins.CatalogEntry;
import org.physlab.store.RunStore;

/**
 * What a {@link RunExecution} needs from its scheduler.
 *
 * @param runClassLoader the context class loader of run threads (the host's loader)
 * @param retirement     the stop request for runs of an experiment whose plugin is going away, or null
 * @param onEnded        told once when a run's outcome is recorded
 */
record ExecutionServices(RunStore store, ComputeService compute, RunListeners listeners, TelemetryFlusher flusher,
                         ShieldedStoreCalls storeCalls, ScheduledExecutorService timer,
                         Supplier<String> processId, ClassLoader runClassLoader,
                         Function<CatalogEntry, StopRequest> retirement, Consumer<RunExecution> onEnded) { }
