package org.physlab.cli;

/** What {@code physlab} exits with. */
public final class ExitCodes {
    /** The command did what was asked. */
    public static final int OK = 0;
    /** The run failed, was cancelled or interrupted; or the command failed for another reason. */
    public static final int FAILED = 1;
    /** Invalid parameters or usage; nothing was stored. */
    public static final int USAGE = 2;
    /** Unknown experiment or run. */
    public static final int NOT_FOUND = 3;

    private ExitCodes() { }
}
