package org.physlab.cli;

import org.physlab.store.RunRecord;
import org.physlab.store.RunStore;

/** Finds a run named on the command line by its id or an unambiguous id prefix. */
final class RunLookup {
    private RunLookup() { }

    /** @throws CliException (exit 3) if no run, or more than one, matches */
    static RunRecord find(RunStore store, String idOrPrefix) {
        return store.find(idOrPrefix.trim()).orElseThrow(() -> CliException.notFound(
                "unknown run '" + idOrPrefix + "' (no run has this id, or the prefix matches several; see physlab runs)"));
    }
}
