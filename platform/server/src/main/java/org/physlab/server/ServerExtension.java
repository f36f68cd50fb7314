package org.physlab.server;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.physlab.runtime.Physlab;

/**
 * Something mounted on the HTTP server besides the REST API, found with {@link java.util.ServiceLoader}
 * on the class path (the web UI is one: it takes {@code /*}). List implementations in
 * {@code META-INF/services/org.physlab.server.ServerExtension}.
 */
public interface ServerExtension {

    /** Adds servlets, filters or initializers to the context; called once, before the server starts. */
    void mount(ServletContextHandler context, Physlab lab);

    /** Whether this extension serves {@code /} (then the plain index page is left out). */
    default boolean servesRoot() {
        return true;
    }
}
