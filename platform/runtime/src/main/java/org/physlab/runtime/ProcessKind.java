package org.physlab.runtime;

/** What a Physlab process is, as recorded in the store's process table. */
public enum ProcessKind {
    /** {@code physlab serve}: long-lived, serves the REST API and the web UI. */
    SERVER("server"),
    /** A command-line invocation such as {@code physlab run}. */
    CLI("cli");

    private final String storeName;

    ProcessKind(String storeName) {
        this.storeName = storeName;
    }

    /** {@code "server"} or {@code "cli"}. */
    public String storeName() {
        return storeName;
    }
}
