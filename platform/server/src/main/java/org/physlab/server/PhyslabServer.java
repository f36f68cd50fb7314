package org.physlab.server;

import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.util.ServiceLoader;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.physlab.runtime.AuthSettings;
import org.physlab.runtime.Physlab;
import org.physlab.server.api.RestApi;

/**
 * The HTTP server of a running {@link Physlab}: one Jetty servlet context with the REST API under
 * {@code /api} and every {@link ServerExtension} on the class path (the web UI takes {@code /*});
 * without one, a plain index page at {@code /}. More servlets can be added to {@link #context()}
 * before {@link #start()}.
 *
 * <pre>{@code
 * try (Physlab lab = Physlab.start(config, ProcessKind.SERVER);
 *      PhyslabServer server = new PhyslabServer(lab, "127.0.0.1", 0)) {
 *     server.start();
 *     System.out.println("serving " + server.uri());
 *     server.join();
 * }
 * }</pre>
 */
public final class PhyslabServer implements AutoCloseable {
    private final Server jetty;
    private final ServerConnector connector;
    private final ServletContextHandler context;
    private final String host;
    private final boolean rootServedByExtension;

    /** A server on the configured {@code physlab.server.host} and {@code physlab.server.port}. */
    public PhyslabServer(Physlab lab) {
        this(lab, lab.config().serverHost(), lab.config().serverPort());
    }

    /**
     * @param host the interface to bind, e.g. {@code 127.0.0.1} (this machine only) or {@code 0.0.0.0}
     *             (every interface: only with {@code physlab.auth.enabled=true}, see {@link BindingRule})
     * @param port the port, or 0 for any free one (see {@link #port()} after start)
     */
    public PhyslabServer(Physlab lab, String host, int port) {
        this(lab, host, port, true);
    }

    /**
     * @param indexPage whether to serve the plain HTML index at {@code /} (leave it out when another
     *                  servlet takes over the root)
     */
    public PhyslabServer(Physlab lab, String host, int port, boolean indexPage) {
        BindingRule.check(host, lab.config().auth().enabled());
        this.host = host;
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("physlab-http");
        jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        // behind a reverse proxy on this machine: scheme, host and client address from its X-Forwarded-* headers
        if (lab.config().forwardedHeaders()) http.addCustomizer(new ForwardedRequestCustomizer());
        connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        jetty.addConnector(connector);
        context = new ServletContextHandler();
        context.setContextPath("/");
        context.setSessionHandler(sessions(lab.config().auth()));
        RestApi.mount(context, lab);
        boolean rootServed = false;
        for (ServerExtension extension : ServiceLoader.load(ServerExtension.class, PhyslabServer.class.getClassLoader())) {
            extension.mount(context, lab);
            rootServed |= extension.servesRoot();
        }
        rootServedByExtension = rootServed;
        // The plain index lists the experiments to anyone: only without logins (the web UI has its own).
        if (indexPage && !rootServed && !lab.config().auth().enabled()) {
            context.addServlet(new ServletHolder("index", new IndexServlet(lab)), "");
        }
        jetty.setHandler(context);
        jetty.setStopTimeout(5_000);
    }

    /**
     * HTTP sessions (the web UI's, and a REST password login's): the cookie is HttpOnly and SameSite=Lax,
     * Secure when the request came over HTTPS, and a session idle for {@code physlab.auth.sessionTimeoutMinutes}
     * ends (with logins on; without, the servlet default).
     */
    private static SessionHandler sessions(AuthSettings auth) {
        SessionHandler sessions = new SessionHandler();
        sessions.setHttpOnly(true);
        sessions.setSameSite(HttpCookie.SameSite.LAX);
        sessions.setSecureRequestOnly(true);
        if (auth.enabled()) sessions.setMaxInactiveInterval((int) auth.sessionTimeout().toSeconds());
        return sessions;
    }

    /** The servlet context, to mount more servlets before {@link #start()}. */
    public ServletContextHandler context() {
        return context;
    }

    /**
     * Binds the port and starts serving.
     *
     * @throws IOException if the port is taken or the address cannot be bound (the message says which)
     */
    public void start() throws IOException {
        try {
            jetty.start();
        } catch (IOException e) {
            stopQuietly();
            if (e instanceof BindException || e.getCause() instanceof BindException) {
                throw new IOException("cannot listen on " + host + ":" + connector.getPort() + ": " + e.getMessage(), e);
            }
            throw e;
        } catch (Exception e) {
            stopQuietly();
            throw new IOException("the HTTP server did not start: " + e, e);
        }
    }

    /**
     * Whether a {@link ServerExtension} (the web UI, when it is on the class path) serves {@code /};
     * otherwise {@code /} is the plain index page, or nothing.
     */
    public boolean servesWebUi() {
        return rootServedByExtension;
    }

    /** The port actually bound (useful after asking for port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** Where the server is reached, e.g. {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        String h = host == null || host.isBlank() || host.equals("0.0.0.0") ? "127.0.0.1" : host;
        if (h.contains(":") && !h.startsWith("[")) h = "[" + h + "]";
        return URI.create("http://" + h + ":" + port() + "/");
    }

    /** Waits until the server stops. */
    public void join() throws InterruptedException {
        jetty.join();
    }

    /** Stops serving; requests in progress get a few seconds to finish. */
    @Override
    public void close() {
        stopQuietly();
    }

    private void stopQuietly() {
        try {
            jetty.stop();
        } catch (Exception e) {
            org.slf4j.LoggerFactory.getLogger(PhyslabServer.class).warn("stopping the HTTP server failed", e);
        }
    }
}
