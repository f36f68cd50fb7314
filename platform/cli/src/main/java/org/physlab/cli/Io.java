package org.physlab.cli;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * Where a command reads and writes: {@code out} carries results only (so they can be piped and parsed),
 * {@code err} everything for people (home, progress, warnings, errors), {@code in} what is piped in
 * (a password for {@code users add}).
 *
 * @param interactive whether a person watches a terminal (then {@code run} draws a progress bar, and
 *                    {@code users add} prompts for a password without echo)
 */
public record Io(PrintStream out, PrintStream err, boolean interactive, InputStream in) {

    public Io(PrintStream out, PrintStream err, boolean interactive) {
        this(out, err, interactive, InputStream.nullInputStream());
    }

    /** The process's streams; interactive when {@link System#console()} is present. */
    public static Io system(PrintStream realOut) {
        return new Io(realOut, System.err, System.console() != null, System.in);
    }
}
