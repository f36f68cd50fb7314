package org.physlab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Lets a command react to Ctrl-C (SIGINT) and SIGTERM itself (cancel a run, stop a server cleanly)
 * instead of the JVM's default of exiting at once. Falls back to a shutdown hook where the JVM
 * offers no signal handling.
 */
final class Signals implements AutoCloseable {
    private final List<Restore> restores = new ArrayList<>();

    private interface Restore {
        void run();
    }

    private Signals() { }

    /**
     * Calls {@code onSignal} (on a signal thread) with the signal's name, {@code INT} or {@code TERM},
     * at every SIGINT or SIGTERM until closed. A process started with SIGINT ignored (a background job
     * of a non-interactive shell) keeps ignoring it; SIGTERM still works.
     */
    static Signals handle(Consumer<String> onSignal) {
        Signals s = new Signals();
        for (String name : List.of("INT", "TERM")) {
            try {
                Signal signal = new Signal(name);
                SignalHandler previous = Signal.handle(signal, sig -> onSignal.accept(name));
                s.restores.add(() -> Signal.handle(signal, previous));
            } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
                // This JVM or OS does not let us handle the signal: a shutdown hook is the next best thing.
                Thread hook = new Thread(() -> onSignal.accept(name), "physlab-shutdown");
                try {
                    Runtime.getRuntime().addShutdownHook(hook);
                    s.restores.add(() -> {
                        try {
                            Runtime.getRuntime().removeShutdownHook(hook);
                        } catch (IllegalStateException ignored) {
                            // already shutting down
                        }
                    });
                } catch (IllegalStateException ignored) {
                    // already shutting down
                }
                break;
            }
        }
        return s;
    }

    /** Gives the signals back to the JVM's default handling. */
    @Override
    public void close() {
        restores.forEach(Restore::run);
        restores.clear();
    }
}
