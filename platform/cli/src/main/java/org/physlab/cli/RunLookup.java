package org.physlab.cli;

import org.physlab.store.AmbiguousRunIdException;
import org.physlab.store.RunRecord;
import org.physlab.store.RunStore;

/** Finds a run named on the command line by its id or an unambiguous id prefix. */
final class RunLookup {
    private RunLookup() { }

    /** @throws CliException (exit 3) if no run, or more than one, matches */
    static RunRecord find(RunStore store, String idOrPrefix) {
        try {
            return store.find(idOrPrefix.trim()).orElseThrow(() -> CliException.notFound(
                    "unknown run '" + idOrPrefix + "' (see physlab runs)"));
        } catch (AmbiguousRunIdException e) {
            throw CliException.notFound(e.getMessage());
        }
    }
}
