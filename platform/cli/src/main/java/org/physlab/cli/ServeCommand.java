package org.physlab.cli;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import org.physlab.runtime.Physlab;
import org.physlab.runtime.PhyslabConfig;
import org.physlab.runtime.ProcessKind;
import org.physlab.server.BindingRule;
import org.physlab.server.PhyslabServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code physlab serve}: the platform with its HTTP server, until Ctrl-C or SIGTERM. */
@Command(name = "serve", description = {"Start Physlab with its HTTP server (the web UI at /, REST API under /api) and serve until "
        + "Ctrl-C or SIGTERM, then stop cleanly.", "Runs started by 'physlab run' against the same home meanwhile are fine."})
final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    PhyslabCommand physlab;

    @Option(names = "--host", paramLabel = "HOST",
            description = "The interface to listen on (default: physlab.server.host, else 127.0.0.1; 0.0.0.0 for all, "
                    + "which needs physlab.auth.enabled=true).")
    String host;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT",
            description = "The port (default: physlab.server.port, else 8080; 0 for any free one).")
    Integer port;

    @Override
    public Integer call() throws InterruptedException {
        if (port != null && (port < 0 || port > 65535)) throw CliException.usage("--port must be 0-65535, got " + port);
        Io io = physlab.io();
        Map<String, String> flags = new LinkedHashMap<>();
        if (host != null) flags.put("physlab.server.host", host);
        if (port != null) flags.put("physlab.server.port", Integer.toString(port));
        PhyslabConfig config = physlab.config(flags);
        try {
            // Before anything starts: a server open to the network without logins is refused.
            BindingRule.check(config.serverHost(), config.auth().enabled());
        } catch (IllegalStateException e) {
            throw CliException.usage(e.getMessage());
        }
        if (config.auth().enabled() && config.auth().bcryptCost() < 10) {
            io.err().println("warning: physlab.auth.bcryptCost=" + config.auth().bcryptCost()
                    + " is below 10: new password hashes are cheap to guess; use 10 or more outside tests");
        }
        CountDownLatch stop = new CountDownLatch(1);
        try (Signals signals = Signals.handle(signal -> stop.countDown());
             Physlab lab = Physlab.start(config, ProcessKind.SERVER);
             PhyslabServer server = new PhyslabServer(lab)) {
            try {
                server.start();
            } catch (IOException e) {
                throw new CliException(ExitCodes.FAILED, e.getMessage()
                        + (e.getMessage() != null && e.getMessage().contains("cannot listen") ? " (choose another with --port)" : ""), e);
            }
            io.out().println("Physlab serves " + (server.servesWebUi() ? "the web UI at " : "") + server.uri()
                    + " (REST API under " + server.uri() + "api/); Ctrl-C stops it");
            io.out().flush();
            stop.await();
            io.err().println("stopping");
        }
        return ExitCodes.OK;
    }
}
