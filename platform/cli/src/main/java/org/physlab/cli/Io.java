package org.physlab.cli;

import java.io.PrintStream;

/**
 * Where a command writes: {@code out} carries results only (so they can be piped and parsed),
 * {@code err} everything for people (home, progress, warnings, errors).
 *
 * @param interactive whether a person watches a terminal (then {@code run} draws a progress bar)
 */
public record Io(PrintStream out, PrintStream err, boolean interactive) {

    /** The process's streams; interactive when {@link System#console()} is present. */
    public static Io system(PrintStream realOut) {
        return new Io(realOut, System.err, System.console() != null);
    }
}
